//! Customer support cases (`help::cases`).
//!
//! - `support_cases`: what the shopper asked, the answer the help centre gave, the order (and
//!   shipment) it is about, its kind (`question`, `complaint`, `dispute`), status (`open`:
//!   waiting for support; `answered`: waiting for the shopper; `closed`), the agent it is
//!   assigned to, and `due_at` (complaints and disputes within 15 days). A guest opens it by
//!   e-mail and reaches it with a key (only its SHA-256 is kept).
//! - `case_messages`: the conversation (`author`: `shopper`, `agent`) and the agents'
//!   internal notes (`internal`), in order of `id`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("support_cases")
                    .col(pk_auto("id"))
                    .col(integer_null("user_id"))
                    .col(string_len("email", 254))
                    .col(string_len("lang", 5))
                    .col(string_len("kind", 16))
                    .col(string_len("status", 16))
                    .col(text("question"))
                    .col(text("answer_given"))
                    .col(integer_null("order_id"))
                    .col(integer_null("shipment_id"))
                    .col(integer_null("assignee_user_id"))
                    .col(string_len_uniq("token_hash", 64))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone("due_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_support_cases_status_due").table("support_cases").col("status").col("due_at").to_owned())
            .await?;
        manager
            .create_index(Index::create().name("ix_support_cases_user_id").table("support_cases").col("user_id").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("case_messages")
                    .col(pk_auto("id"))
                    .col(integer("case_id"))
                    .col(string_len("author", 10))
                    .col(integer_null("author_user_id"))
                    .col(boolean("internal").default(false))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(ForeignKey::create().name("fk_case_messages_case_id").from("case_messages", "case_id").to("support_cases", "id"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("ix_case_messages_case_id").table("case_messages").col("case_id").col("id").to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("case_messages").to_owned()).await?;
        manager.drop_table(Table::drop().table("support_cases").to_owned()).await
    }
}
