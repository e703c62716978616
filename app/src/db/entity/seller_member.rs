use sea_orm::entity::prelude::*;

/// An account that acts for a seller (one seller per account).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub seller_id: i32,
    #[sea_orm(unique)]
    pub user_id: i32,
    pub added_at: DateTimeUtc,
    pub added_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
