use sea_orm::entity::prelude::*;

/// An invitation of an e-mail address to act for a seller (see migration 13).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_invitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub seller_id: i32,
    /// Lower-cased, as accounts keep addresses.
    pub email: String,
    /// SHA-256 (hex) of the link's token.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub invited_by: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub accepted_by: Option<i32>,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
