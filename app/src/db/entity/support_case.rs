use crate::help::cases::{CaseKind, CaseStatus};
use sea_orm::entity::prelude::*;

/// A customer support case.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "support_cases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: Option<i32>,
    pub email: String,
    pub lang: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub question: String,
    /// The help centre's answer the shopper saw (the articles cited), for the agent.
    pub answer_given: String,
    pub order_id: Option<i32>,
    pub shipment_id: Option<i32>,
    pub assignee_user_id: Option<i32>,
    /// SHA-256 of the guest's key to the case page.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub due_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
