use sea_orm::entity::prelude::*;

/// How many of a seller's offers are on sale (active) in one category: the seller profile's
/// category filter and page count (kept by `sellers::service::refresh_assortment`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub seller_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub category_id: i32,
    pub offer_count: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
