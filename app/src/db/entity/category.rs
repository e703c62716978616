use sea_orm::entity::prelude::*;

/// A node of the category tree; names are in `category_texts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "categories")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub parent_id: Option<i32>,
    #[sea_orm(unique)]
    pub slug: String,
    /// Order among siblings.
    pub position: i32,
    pub image: Option<String>,
    /// Hidden from shoppers, with everything under it (migration 14); its products stay
    /// sellable by their own links and search.
    pub hidden: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
