use sea_orm::entity::prelude::*;

/// An account. `email` is lower-cased; a deleted account keeps its row (orders point at it)
/// with the personal fields erased and `email` = `deleted-<id>`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub email_confirmed_at: Option<DateTimeUtc>,
    /// The argon2id hash in PHC form; `None` once the account is deleted.
    pub password_hash: Option<String>,
    pub name: String,
    pub phone: String,
    pub lang: String,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
    /// `accounts::Standing`: active, restricted (no new orders) or suspended (no sign-in).
    pub standing: crate::accounts::Standing,
    pub standing_reason: String,
    pub standing_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
