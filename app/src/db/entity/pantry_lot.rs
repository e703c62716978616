use sea_orm::entity::prelude::*;

/// Units of one product a shopper bought into the pantry in one order line.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pantry_lots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub order_id: i32,
    #[sea_orm(unique)]
    pub order_line_id: i32,
    pub product_id: i32,
    pub offer_id: i32,
    pub seller_id: i32,
    /// Units bought.
    pub bought: i32,
    /// Units still stored.
    pub quantity: i32,
    /// What one unit cost (the transport fee's threshold counts the goods at this price).
    pub unit_price_cents: i64,
    pub paid_at: DateTimeUtc,
    /// The last day the units are kept (Tallinn date, `pantry::expiry_date`).
    pub expires_on: Date,
    /// When the 30-day and the 7-day reminders were queued.
    pub reminded_30: Option<DateTimeUtc>,
    pub reminded_7: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
