use crate::sellers::onboarding::ApplicationStatus;
use sea_orm::entity::prelude::*;

/// A company's application to sell, one per applicant account (see migration 11).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub user_id: i32,
    pub status: ApplicationStatus,
    pub company_name: String,
    /// ISO 3166 alpha-2 code of the country of registration (EU/EEA).
    pub country: String,
    pub registry_code: String,
    /// With its country prefix (`EE100247019`); `None` when the company has none.
    pub vat_number: Option<String>,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub contact_name: String,
    pub email: String,
    /// E.164.
    pub phone: String,
    /// Compact IBAN.
    pub iban: String,
    /// When the applicant made the trader self-certification (DSA art. 30).
    pub certified_at: DateTimeUtc,
    /// The administrator's words: what to change, or why it was rejected.
    pub message: Option<String>,
    /// The seller made when it was approved.
    pub seller_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub submitted_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
