use crate::delivery::DeliveryKind;
use sea_orm::entity::prelude::*;

/// One of a seller's ways to deliver, with its own fee and free-delivery threshold.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "delivery_methods")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub seller_id: i32,
    pub kind: DeliveryKind,
    /// JSON object `{"et": …, "en": …, "ru": …}`.
    pub name: String,
    pub price_cents: i64,
    /// Free when the seller's goods in the order cost at least this much.
    pub free_over_cents: Option<i64>,
    /// JSON array of Estonian county codes; empty means all of Estonia.
    pub regions: String,
    /// Working days after handling.
    pub days_min: i32,
    pub days_max: i32,
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
