use crate::orders::{Bank, PaymentMethod, PaymentStatus};
use sea_orm::entity::prelude::*;

/// One payment attempt through a provider.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub provider: String,
    #[sea_orm(unique)]
    pub reference: String,
    pub method: PaymentMethod,
    pub bank: Option<Bank>,
    pub amount_cents: i64,
    /// `pending`, then `paid`, `failed` or `abandoned` for good.
    pub status: PaymentStatus,
    pub callbacks: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
