use crate::orders::LineMode;
use sea_orm::entity::prelude::*;

/// One ordered offer, with the price, VAT and title as they were.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub shipment_id: i32,
    pub offer_id: i32,
    pub product_id: i32,
    pub product_slug: String,
    pub title: String,
    pub quantity: i32,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub vat_rate_bp: i32,
    pub vat_cents: i64,
    /// Delivered, stored in the pantry, or taken from it by a transport order.
    pub mode: LineMode,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
