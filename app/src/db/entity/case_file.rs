use sea_orm::entity::prelude::*;

/// A file added to a support case by one of its sides (`help::files` checks type and size).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_files")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: i32,
    pub author: crate::help::cases::CaseAuthor,
    pub author_user_id: Option<i32>,
    pub file_name: String,
    pub content_type: String,
    pub size: i32,
    pub content: Vec<u8>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
