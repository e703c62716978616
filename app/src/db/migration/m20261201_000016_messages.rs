//! Buyers and sellers write to each other about a shipment (`messages`).
//!
//! - `message_threads`: one per shipment (`shipment_id` unique: two first messages at once make
//!   one thread), started by either side; `buyer_read_at` / `seller_read_at` are when each side
//!   last opened it (what is unread is what the other side wrote after).
//! - `messages`: what each side wrote (`author` `buyer` or `seller`; for a seller, the member
//!   who wrote it), in order of `id`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("message_threads")
                    .col(pk_auto("id"))
                    .col(integer_uniq("shipment_id"))
                    .col(integer("order_id"))
                    .col(integer("seller_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_message_at"))
                    .col(timestamp_with_time_zone_null("buyer_read_at"))
                    .col(timestamp_with_time_zone_null("seller_read_at"))
                    .foreign_key(
                        ForeignKey::create().name("fk_message_threads_shipment_id").from("message_threads", "shipment_id").to("shipments", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_message_threads_seller_id_last")
                    .table("message_threads")
                    .col("seller_id")
                    .col("last_message_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("messages")
                    .col(pk_auto("id"))
                    .col(integer("thread_id"))
                    .col(string_len("author", 10))
                    .col(integer_null("author_user_id"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(ForeignKey::create().name("fk_messages_thread_id").from("messages", "thread_id").to("message_threads", "id"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("ix_messages_thread_id").table("messages").col("thread_id").col("id").to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("messages").to_owned()).await?;
        manager.drop_table(Table::drop().table("message_threads").to_owned()).await
    }
}
