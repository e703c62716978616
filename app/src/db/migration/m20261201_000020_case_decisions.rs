//! A support agent's decision in a dispute (`help::outcomes`): one per case, the shipment it
//! is about, the outcomes (JSON), the money refunded and the payment provider's reference of the
//! refund (`NULL` while it has not gone through).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("case_decisions")
                    .col(pk_auto("id"))
                    .col(integer_uniq("case_id"))
                    .col(integer("shipment_id"))
                    .col(text("outcomes"))
                    .col(big_integer("refund_cents"))
                    .col(string_len_null("refund_reference", 80))
                    .col(integer("decided_by"))
                    .col(timestamp_with_time_zone("decided_at"))
                    .foreign_key(ForeignKey::create().name("fk_case_decisions_case_id").from("case_decisions", "case_id").to("support_cases", "id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("case_decisions").to_owned()).await
    }
}
