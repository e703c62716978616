use sea_orm::entity::prelude::*;

/// One administrator's action (the audit log is only ever added to).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    /// The account that acted.
    pub actor_id: i32,
    /// What was done, e.g. `application.approve` (see `admin::audit::Action`).
    pub action: String,
    /// On what, e.g. `application:12`.
    pub subject: String,
    /// The words that came with it (a message, a reason), or empty.
    pub detail: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
