//! Sellers' bulk updates of offers by CSV (`sellers::imports`).
//!
//! - `offer_imports`: one uploaded file and what became of it. `status` goes `checking` (the
//!   file is parsed and every row checked against the catalogue, `checked` of `records` rows so
//!   far) → `invalid` (`error_count` problems, the first of them in `errors`, JSON) or `ready`
//!   (its changes staged) → `applying` → `applied` (or `failed`, with the cause in `problem`);
//!   `ready` and `invalid` ones may be `discarded`. `content` keeps the file only while it is
//!   being checked. `heartbeat_at` is when the instance working on it last said so: a job whose
//!   instance went away is taken up again by another one. The counts stay after the rows go.
//! - `offer_import_rows`: the checked changes of a `ready` import, one per line of the file
//!   (`offer_id` is the seller's existing offer, or null for a new one; a null value leaves
//!   that term as it is). Applying is one transaction of set-based statements over these rows,
//!   so a file changes every offer it names or none.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("offer_imports")
                    .col(pk_auto("id"))
                    .col(integer("seller_id"))
                    .col(integer("user_id"))
                    .col(string_len("file_name", 200))
                    .col(string_len("status", 20))
                    .col(string_len_null("encoding", 20))
                    .col(string_len_null("separator", 1))
                    .col(text("columns").default("[]"))
                    .col(text("ignored").default("[]"))
                    .col(integer("records").default(0))
                    .col(integer("checked").default(0))
                    .col(integer("error_count").default(0))
                    .col(text("errors").default("[]"))
                    .col(integer("updates").default(0))
                    .col(integer("creates").default(0))
                    .col(integer("unchanged").default(0))
                    .col(text_null("problem"))
                    .col(blob_null("content"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("heartbeat_at"))
                    .col(timestamp_with_time_zone_null("finished_at"))
                    .foreign_key(
                        ForeignKey::create().name("fk_offer_imports_seller_id").from("offer_imports", "seller_id").to("sellers", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_offer_imports_seller_id").table("offer_imports").col("seller_id").col("id").to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_offer_imports_status").table("offer_imports").col("status").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("offer_import_rows")
                    .col(integer("import_id"))
                    .col(integer("line"))
                    .col(integer("product_id"))
                    .col(integer_null("offer_id"))
                    .col(big_integer_null("price_cents"))
                    .col(integer_null("stock"))
                    .col(boolean_null("active"))
                    .col(integer_null("handling_days"))
                    .primary_key(Index::create().col("import_id").col("line"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("offer_import_rows").to_owned()).await?;
        manager.drop_table(Table::drop().table("offer_imports").to_owned()).await
    }
}
