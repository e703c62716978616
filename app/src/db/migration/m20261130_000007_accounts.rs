//! Accounts: people, their roles, their sessions, one-time codes and failed attempts.
//!
//! - `users`: one row per account. `email` is stored lower-cased and unique; a deleted
//!   account's row stays (its orders point at it) with the personal fields erased, `email`
//!   replaced by `deleted-<id>` (so the address can register again) and `deleted_at` set.
//! - `user_roles`: `administrator`, `support` (and later seller membership) per user.
//! - `sessions`: the SHA-256 of the random token in the `turg_session` cookie, never the token;
//!   `expires_at` is checked on every request (a "remember me" session lasts 30 days, a
//!   browser session 24 hours after it was last used).
//! - `auth_codes`: six-digit codes sent by e-mail (confirm the address, reset the password,
//!   change the address), stored as a salted SHA-256, with an expiry and an attempt count.
//! - `auth_failures`: failed sign-ins and code entries per account and per client address
//!   (both as SHA-256), the rate limit's memory, shared by every instance.
//! - `addresses`: an account's saved delivery addresses (checkout offers them).
//! - `consents`: what the account agreed to or withdrew, and when (the terms at registration;
//!   newsletters and the club later): the history "My data" shows.
//! - `carts.user_id` (unique: one cart per account) and `orders.user_id` (an account's orders;
//!   guest orders claimed later get it too). Plain columns with indexes, no foreign keys:
//!   SQLite cannot add a column with a constraint to an existing table.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("users")
                    .col(pk_auto("id"))
                    .col(string_len_uniq("email", 254))
                    .col(timestamp_with_time_zone_null("email_confirmed_at"))
                    .col(string_len_null("password_hash", 200))
                    .col(string_len("name", 120).default(""))
                    .col(string_len("phone", 20).default(""))
                    .col(string_len("lang", 2))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("deleted_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("user_roles")
                    .col(integer("user_id"))
                    .col(string_len("role", 20))
                    .col(timestamp_with_time_zone("granted_at"))
                    .col(integer_null("granted_by"))
                    .primary_key(Index::create().col("user_id").col("role"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_roles_user_id")
                            .from("user_roles", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("sessions")
                    .col(pk_auto("id"))
                    .col(string_len_uniq("token_hash", 64))
                    .col(integer("user_id"))
                    .col(boolean("remember"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_seen_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(string_len("user_agent", 200).default(""))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sessions_user_id")
                            .from("sessions", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("auth_codes")
                    .col(pk_auto("id"))
                    .col(integer("user_id"))
                    // `confirm`, `reset` or `email_change`.
                    .col(string_len("purpose", 16))
                    // Where the code was sent (the new address for an e-mail change).
                    .col(string_len("email", 254))
                    .col(string_len("salt", 32))
                    .col(string_len("code_hash", 64))
                    .col(integer("attempts").default(0))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_auth_codes_user_id")
                            .from("auth_codes", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("auth_failures")
                    .col(pk_auto("id"))
                    // `account` or `client`.
                    .col(string_len("scope", 8))
                    // SHA-256 of the account's e-mail or of the client's address.
                    .col(string_len("key_hash", 64))
                    .col(timestamp_with_time_zone("at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("addresses")
                    .col(pk_auto("id"))
                    .col(integer("user_id"))
                    .col(string_len("street", 120))
                    .col(string_len("city", 60))
                    .col(string_len("postal_code", 10))
                    .col(string_len("county", 20))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_addresses_user_id")
                            .from("addresses", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("consents")
                    .col(pk_auto("id"))
                    .col(integer("user_id"))
                    // `terms`, later `newsletter:<topic>`, `club`.
                    .col(string_len("kind", 40))
                    .col(boolean("granted"))
                    // Which text was agreed to (a version), as shown.
                    .col(string_len("version", 40))
                    .col(timestamp_with_time_zone("at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_consents_user_id")
                            .from("consents", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("carts").add_column(integer_null("user_id")).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("orders").add_column(integer_null("user_id")).to_owned())
            .await?;
        for (name, table, cols, unique) in [
            ("idx_sessions_user_id", "sessions", &["user_id"][..], false),
            ("idx_auth_codes_user_id_purpose", "auth_codes", &["user_id", "purpose"][..], false),
            ("idx_auth_failures_scope_key_hash_at", "auth_failures", &["scope", "key_hash", "at"][..], false),
            ("idx_addresses_user_id", "addresses", &["user_id"][..], false),
            ("idx_consents_user_id", "consents", &["user_id"][..], false),
            ("idx_carts_user_id", "carts", &["user_id"][..], true),
            ("idx_orders_user_id", "orders", &["user_id"][..], false),
        ] {
            let mut stmt = Index::create();
            stmt.name(name).table(table);
            if unique {
                stmt.unique();
            }
            for col in cols {
                stmt.col(*col);
            }
            manager.create_index(stmt.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_orders_user_id").table("orders").to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_carts_user_id").table("carts").to_owned()).await?;
        manager.alter_table(Table::alter().table("orders").drop_column("user_id").to_owned()).await?;
        manager.alter_table(Table::alter().table("carts").drop_column("user_id").to_owned()).await?;
        for table in ["consents", "addresses", "auth_failures", "auth_codes", "sessions", "user_roles", "users"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
