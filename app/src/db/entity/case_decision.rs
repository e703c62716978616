use sea_orm::entity::prelude::*;

/// A support agent's decision in a dispute.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_decisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub case_id: i32,
    pub shipment_id: i32,
    /// JSON list of `help::outcomes::Outcome`.
    pub outcomes: String,
    pub refund_cents: i64,
    /// The payment provider's reference of the refund, once it went through.
    pub refund_reference: Option<String>,
    pub decided_by: i32,
    pub decided_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
