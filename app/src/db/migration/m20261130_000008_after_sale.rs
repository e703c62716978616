//! After the sale: cancelled shipments keep why (`shipments.cancel_reason`, `cancel_note`,
//! `cancelled_by`), and every refund made through the payment provider is recorded in
//! `refunds` (one per cancelled shipment: `shipment_id` is unique, so a cancellation raced
//! from two browsers refunds once).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [string_len_null("cancel_reason", 16), string_len_null("cancel_note", 500), string_len_null("cancelled_by", 16)] {
            manager.alter_table(Table::alter().table("shipments").add_column(col).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("refunds")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(integer_uniq("shipment_id"))
                    .col(integer("payment_id"))
                    .col(string_len("provider", 16))
                    // The provider's own reference of the refund.
                    .col(string_len("reference", 64))
                    .col(big_integer("amount_cents"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(ForeignKey::create().name("fk_refunds_order_id").from("refunds", "order_id").to("orders", "id"))
                    .foreign_key(
                        ForeignKey::create().name("fk_refunds_shipment_id").from("refunds", "shipment_id").to("shipments", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create().name("fk_refunds_payment_id").from("refunds", "payment_id").to("payments", "id"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("refunds").to_owned()).await?;
        for col in ["cancelled_by", "cancel_note", "cancel_reason"] {
            manager.alter_table(Table::alter().table("shipments").drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
