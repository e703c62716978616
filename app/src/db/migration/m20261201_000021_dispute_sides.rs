//! Both sides of a dispute, and the account standing a decision may change.
//!
//! - `case_files`: files a shopper, a seller or an agent adds to a case (photos, PDFs), kept in
//!   the database (every instance serves them) with their checked type and size.
//! - `users.standing` (`active`, `restricted`, `suspended`), its reason and when it was set: a
//!   restricted buyer cannot place orders, a suspended one cannot sign in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("case_files")
                    .col(pk_auto("id"))
                    .col(integer("case_id"))
                    .col(string_len("author", 10))
                    .col(integer_null("author_user_id"))
                    .col(string_len("file_name", 200))
                    .col(string_len("content_type", 40))
                    .col(integer("size"))
                    .col(blob("content"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(ForeignKey::create().name("fk_case_files_case_id").from("case_files", "case_id").to("support_cases", "id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_case_files_case_id").table("case_files").col("case_id").to_owned())
            .await?;
        manager.alter_table(Table::alter().table("users").add_column(string_len("standing", 12).default("active")).to_owned()).await?;
        manager.alter_table(Table::alter().table("users").add_column(string_len("standing_reason", 500).default("")).to_owned()).await?;
        manager.alter_table(Table::alter().table("users").add_column(timestamp_with_time_zone_null("standing_at")).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table("users").drop_column("standing_at").to_owned()).await?;
        manager.alter_table(Table::alter().table("users").drop_column("standing_reason").to_owned()).await?;
        manager.alter_table(Table::alter().table("users").drop_column("standing").to_owned()).await?;
        manager.drop_table(Table::drop().table("case_files").to_owned()).await
    }
}
