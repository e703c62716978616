//! Refunds due: money that arrived for an order already cancelled (a bank's late "paid"). It
//! is recorded durably, once per payment, for administrators to list and settle.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("refunds_due")
                    .col(pk_auto("id"))
                    // One row per payment however often its provider reports it.
                    .col(integer_uniq("payment_id"))
                    .col(integer("order_id"))
                    .col(big_integer("amount_cents"))
                    // The payment's state when the money arrived (`failed`, `abandoned`).
                    .col(string_len("payment_status", 16))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("settled_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_refunds_due_payment_id")
                            .from("refunds_due", "payment_id")
                            .to("payments", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create().name("fk_refunds_due_order_id").from("refunds_due", "order_id").to("orders", "id"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("refunds_due").to_owned()).await
    }
}
