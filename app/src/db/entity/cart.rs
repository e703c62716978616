use crate::delivery::County;
use sea_orm::entity::prelude::*;

/// A shopper's cart: guests hold its random token in the `turg_cart` cookie (only its hash is stored).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "carts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub token_hash: String,
    /// Where the cart is delivered: its fees and dates.
    pub county: County,
    /// The checkout form as last typed (JSON of `checkout::Draft`).
    pub draft: Option<String>,
    /// The account it belongs to (unique: one cart per account); `None` for a guest.
    pub user_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
