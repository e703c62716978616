use sea_orm::entity::prelude::*;

/// One checked line of a `ready` import: the change it makes to one offer (see migration 12).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_import_rows")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub import_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub line: i32,
    pub product_id: i32,
    /// The seller's offer of the product, or `None`: the line makes a new offer.
    pub offer_id: Option<i32>,
    /// `None` leaves the term as it is (a new offer: stock 0, handling 1 day, active).
    pub price_cents: Option<i64>,
    pub stock: Option<i32>,
    pub active: Option<bool>,
    pub handling_days: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
