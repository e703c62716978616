use sea_orm::entity::prelude::*;

/// One version of a help article (shipped, or saved by an agent).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "help_revisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub article_id: i32,
    pub category: String,
    pub title: String,
    pub summary: String,
    pub keywords: String,
    pub body: String,
    /// The agent who saved it; `None` for the shop's shipped text.
    pub editor_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
