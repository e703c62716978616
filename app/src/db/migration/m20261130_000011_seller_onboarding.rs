//! Sellers joining the shop, and what administrators do.
//!
//! - `seller_applications`: a company's application as its applicant (an account) typed it, one
//!   per account (`user_id` unique: a double post or two browsers make one application). Its
//!   `status` goes `submitted` → `changes_requested` (with the administrator's `message`;
//!   the applicant edits and submits again) → `approved` (with the `seller_id` made for it)
//!   or `rejected` (with the reason in `message`). `certified_at` is when the applicant made
//!   the trader self-certification of the Digital Services Act art. 30.
//! - `seller_members`: the accounts that act for a seller (`user_id` unique: a login belongs
//!   to one company).
//! - `audit_log`: every administrator's action, who, what, on what and when; only added to.
//! - `sellers.iban` and `sellers.contact_name`: the payment account and the contact person
//!   an application brings (the demo sellers have none).
//! - `shipments.carrier`, `shipments.tracking_number` and `shipments.shipped_at`: what the
//!   seller tells when it hands a shipment to the carrier (the buyer's order page shows them).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("seller_applications")
                    .col(pk_auto("id"))
                    .col(integer_uniq("user_id"))
                    .col(string_len("status", 20))
                    .col(string_len("company_name", 120))
                    .col(string_len("country", 2))
                    .col(string_len("registry_code", 40))
                    .col(string_len_null("vat_number", 20))
                    .col(string_len("street", 120))
                    .col(string_len("city", 60))
                    .col(string_len("postal_code", 12))
                    .col(string_len("contact_name", 80))
                    .col(string_len("email", 254))
                    .col(string_len("phone", 20))
                    .col(string_len("iban", 34))
                    .col(timestamp_with_time_zone("certified_at"))
                    .col(text_null("message"))
                    .col(integer_null("seller_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("submitted_at"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(integer_null("decided_by"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_seller_applications_user_id")
                            .from("seller_applications", "user_id")
                            .to("users", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_seller_applications_status").table("seller_applications").col("status").to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("seller_members")
                    .col(pk_auto("id"))
                    .col(integer("seller_id"))
                    .col(integer_uniq("user_id"))
                    .col(timestamp_with_time_zone("added_at"))
                    .col(integer_null("added_by"))
                    .foreign_key(
                        ForeignKey::create().name("fk_seller_members_seller_id").from("seller_members", "seller_id").to("sellers", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create().name("fk_seller_members_user_id").from("seller_members", "user_id").to("users", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_seller_members_seller_id").table("seller_members").col("seller_id").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(integer("actor_id"))
                    .col(string_len("action", 40))
                    .col(string_len("subject", 80))
                    .col(text("detail"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("sellers").add_column(string_len("iban", 34).default("")).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("sellers").add_column(string_len("contact_name", 80).default("")).to_owned())
            .await?;
        // SQLite adds one column per statement.
        manager.alter_table(Table::alter().table("shipments").add_column(string_len_null("carrier", 60)).to_owned()).await?;
        manager
            .alter_table(Table::alter().table("shipments").add_column(string_len_null("tracking_number", 60)).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("shipments").add_column(timestamp_with_time_zone_null("shipped_at")).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["shipped_at", "tracking_number", "carrier"] {
            manager.alter_table(Table::alter().table("shipments").drop_column(column).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table("sellers").drop_column("contact_name").to_owned()).await?;
        manager.alter_table(Table::alter().table("sellers").drop_column("iban").to_owned()).await?;
        manager.drop_table(Table::drop().table("audit_log").to_owned()).await?;
        manager.drop_table(Table::drop().table("seller_members").to_owned()).await?;
        manager.drop_table(Table::drop().table("seller_applications").to_owned()).await
    }
}
