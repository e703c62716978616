//! The pantry (`pantry`): goods bought into storage and transport orders that take them out.
//!
//! - `order_lines.mode`: `deliver` (sent with the order), `store` (bought into the buyer's
//!   pantry) or `from_pantry` (a transport order's line: goods taken from the pantry, not sold
//!   again, so no stock moves for it).
//! - `shipments.to_pantry`: the seller's part of an order that goes into the pantry (no
//!   delivery, no fee); `orders.transport`: the order is a transport order.
//! - `pantry_lots`: units of one product bought in one order line, paid on `paid_at`, kept
//!   until `expires_on` (Tallinn date); `quantity` is what is still stored; `reminded_30` and
//!   `reminded_7` when each expiry reminder was queued.
//! - `pantry_takes`: what each line of a transport order took from which lot; `returned_at`
//!   once the units went back (the transport order was cancelled or never paid), so they go
//!   back once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(Table::alter().table("order_lines").add_column(string_len("mode", 16).default("deliver")).to_owned())
            .await?;
        manager.alter_table(Table::alter().table("shipments").add_column(boolean("to_pantry").default(false)).to_owned()).await?;
        manager.alter_table(Table::alter().table("orders").add_column(boolean("transport").default(false)).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table("pantry_lots")
                    .col(pk_auto("id"))
                    .col(integer("user_id"))
                    .col(integer("order_id"))
                    .col(integer_uniq("order_line_id"))
                    .col(integer("product_id"))
                    .col(integer("offer_id"))
                    .col(integer("seller_id"))
                    .col(integer("bought"))
                    .col(integer("quantity"))
                    .col(big_integer("unit_price_cents"))
                    .col(timestamp_with_time_zone("paid_at"))
                    .col(date("expires_on"))
                    .col(timestamp_with_time_zone_null("reminded_30"))
                    .col(timestamp_with_time_zone_null("reminded_7"))
                    .foreign_key(ForeignKey::create().name("fk_pantry_lots_user_id").from("pantry_lots", "user_id").to("users", "id"))
                    .foreign_key(
                        ForeignKey::create().name("fk_pantry_lots_order_line_id").from("pantry_lots", "order_line_id").to("order_lines", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_pantry_lots_user_id_expires_on").table("pantry_lots").col("user_id").col("expires_on").to_owned())
            .await?;
        manager
            .create_index(Index::create().name("ix_pantry_lots_expires_on").table("pantry_lots").col("expires_on").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("pantry_takes")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(integer("order_line_id"))
                    .col(integer("lot_id"))
                    .col(integer("quantity"))
                    .col(timestamp_with_time_zone_null("returned_at"))
                    .foreign_key(ForeignKey::create().name("fk_pantry_takes_lot_id").from("pantry_takes", "lot_id").to("pantry_lots", "id"))
                    .foreign_key(
                        ForeignKey::create().name("fk_pantry_takes_order_line_id").from("pantry_takes", "order_line_id").to("order_lines", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_pantry_takes_order_line_id").table("pantry_takes").col("order_line_id").to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("pantry_takes").to_owned()).await?;
        manager.drop_table(Table::drop().table("pantry_lots").to_owned()).await?;
        manager.alter_table(Table::alter().table("orders").drop_column("transport").to_owned()).await?;
        manager.alter_table(Table::alter().table("shipments").drop_column("to_pantry").to_owned()).await?;
        manager.alter_table(Table::alter().table("order_lines").drop_column("mode").to_owned()).await
    }
}
