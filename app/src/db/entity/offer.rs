use sea_orm::entity::prelude::*;

/// One seller's terms for one product; at most one per (product, seller).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_id: i32,
    pub seller_id: i32,
    /// Price in euro cents, VAT included.
    pub price_cents: i64,
    pub stock: i32,
    /// `new`, `refurbished` or `used`.
    pub condition: String,
    /// Working days before the seller dispatches.
    pub handling_days: i32,
    /// Paused offers are kept but not sold.
    pub active: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
