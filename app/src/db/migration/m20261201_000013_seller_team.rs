//! A seller's people invite colleagues (`sellers::team`).
//!
//! - `seller_invitations`: an invitation of an e-mail address to act for a seller. The link in
//!   the e-mail carries a random token; only its SHA-256 is kept (`token_hash`). It is used once
//!   (`accepted_at`, by `accepted_by`), by a signed-in account with that e-mail address, within
//!   `expires_at`; a member may revoke it before (`revoked_at`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("seller_invitations")
                    .col(pk_auto("id"))
                    .col(integer("seller_id"))
                    .col(string_len("email", 254))
                    .col(string_len_uniq("token_hash", 64))
                    .col(integer("invited_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("accepted_at"))
                    .col(integer_null("accepted_by"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_seller_invitations_seller_id")
                            .from("seller_invitations", "seller_id")
                            .to("sellers", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_seller_invitations_seller_id").table("seller_invitations").col("seller_id").to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("seller_invitations").to_owned()).await
    }
}
