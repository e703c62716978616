//! Withdrawals and complaints (`claims`): one of each kind per shipment (`shipment_id`, `kind`
//! unique, so a form posted twice or from two browsers records one), with the remedy asked for
//! and when the answer or the return is due. Shipments keep when they were delivered
//! (`shipments.delivered_at`), from which the 14 days of withdrawal and the two years of
//! complaints run.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table("shipments").add_column(timestamp_with_time_zone_null("delivered_at")).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("claims")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(integer("shipment_id"))
                    .col(string_len("kind", 16))
                    .col(string_len_null("remedy", 16))
                    .col(text_null("description"))
                    .col(string_len("status", 16))
                    .col(date("due_on"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(ForeignKey::create().name("fk_claims_order_id").from("claims", "order_id").to("orders", "id"))
                    .foreign_key(
                        ForeignKey::create().name("fk_claims_shipment_id").from("claims", "shipment_id").to("shipments", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ux_claims_shipment_kind").table("claims").col("shipment_id").col("kind").unique().to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_claims_order_id").table("claims").col("order_id").to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("claims").to_owned()).await?;
        manager.alter_table(Table::alter().table("shipments").drop_column("delivered_at").to_owned()).await
    }
}
