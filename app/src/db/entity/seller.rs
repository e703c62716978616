use crate::catalog::SellerStatus;
use sea_orm::entity::prelude::*;

/// A seller company (legal entities only) and its public requisites.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sellers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    /// The shop name shoppers see.
    pub name: String,
    pub legal_name: String,
    pub registry_code: String,
    pub vat_number: String,
    /// ISO 3166-1 alpha-2 country of registration.
    pub country: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub email: String,
    pub phone: String,
    /// JSON object `{"et": …, "en": …, "ru": …}`.
    pub about: String,
    pub trading_since: Date,
    pub status: SellerStatus,
    pub created_at: DateTimeUtc,
    /// Sum of the stars of all reviews, and their number: the rating is their exact ratio.
    pub rating_stars_total: i64,
    pub review_count: i32,
    /// The payment account (compact IBAN) the shop pays the seller into; empty for demo sellers.
    pub iban: String,
    /// The contact person the application named; empty for demo sellers.
    pub contact_name: String,
    /// JSON object `{"et": …, "en": …, "ru": …}` like `about`: the seller's payment terms.
    pub payment_terms: String,
    /// The logo's hash (its address, see `seller_logos`) and size; `None` without a logo.
    pub logo_hash: Option<String>,
    pub logo_width: i32,
    pub logo_height: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
