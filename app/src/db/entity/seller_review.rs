use sea_orm::entity::prelude::*;

/// A shopper's review of a seller: 1–5 stars and a text in the language it was written in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub seller_id: i32,
    /// The name the reviewer chose to show.
    pub author: String,
    pub stars: i16,
    pub body: String,
    pub lang: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
