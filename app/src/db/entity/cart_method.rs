use sea_orm::entity::prelude::*;

/// The delivery method a cart chose for one seller's goods.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cart_methods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cart_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub seller_id: i32,
    pub delivery_method_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
