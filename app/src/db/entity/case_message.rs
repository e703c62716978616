use crate::help::cases::CaseAuthor;
use sea_orm::entity::prelude::*;

/// One message of a support case, or an agent's internal note.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "case_messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub case_id: i32,
    pub author: CaseAuthor,
    pub author_user_id: Option<i32>,
    /// An agents' note: never shown to the shopper.
    pub internal: bool,
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
