//! The help centre's articles (`help`).
//!
//! - `help_articles`: one per slug and language; `edited` once a support agent saved it (the
//!   shop's own text, `builtin_hash`, then never overwrites it); "Was this article helpful?"
//!   answers counted in `helpful_yes` / `helpful_no`.
//! - `help_revisions`: every version of an article, the shipped ones (`editor_user_id` NULL)
//!   and each agent's save, newest last.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("help_articles")
                    .col(pk_auto("id"))
                    .col(string_len("slug", 80))
                    .col(string_len("lang", 5))
                    .col(string_len("category", 40))
                    .col(string_len("title", 200))
                    .col(text("summary"))
                    .col(text("keywords"))
                    .col(text("body"))
                    .col(integer("helpful_yes").default(0))
                    .col(integer("helpful_no").default(0))
                    .col(string_len_null("builtin_hash", 64))
                    .col(boolean("edited").default(false))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(integer_null("updated_by"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ux_help_articles_slug_lang").table("help_articles").col("slug").col("lang").unique().to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("help_revisions")
                    .col(pk_auto("id"))
                    .col(integer("article_id"))
                    .col(string_len("category", 40))
                    .col(string_len("title", 200))
                    .col(text("summary"))
                    .col(text("keywords"))
                    .col(text("body"))
                    .col(integer_null("editor_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create().name("fk_help_revisions_article_id").from("help_revisions", "article_id").to("help_articles", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_help_revisions_article_id").table("help_revisions").col("article_id").col("id").to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("help_revisions").to_owned()).await?;
        manager.drop_table(Table::drop().table("help_articles").to_owned()).await
    }
}
