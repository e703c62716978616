use crate::orders::PaymentStatus;
use sea_orm::entity::prelude::*;

/// Money that arrived for an order already cancelled: to be paid back (one row per payment).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refunds_due")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub payment_id: i32,
    pub order_id: i32,
    pub amount_cents: i64,
    /// The payment's status when the money arrived.
    pub payment_status: PaymentStatus,
    pub created_at: DateTimeUtc,
    pub settled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
