use sea_orm::entity::prelude::*;

/// A help article in one language.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "help_articles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub lang: String,
    pub category: String,
    pub title: String,
    pub summary: String,
    pub keywords: String,
    /// Paragraphs, `## ` headings, `- ` lists and `[text](/path)` links (`help::content`).
    pub body: String,
    pub helpful_yes: i32,
    pub helpful_no: i32,
    /// SHA-256 of the shipped text it was last synced from.
    pub builtin_hash: Option<String>,
    /// Saved by a support agent: the shipped text no longer replaces it.
    pub edited: bool,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
