//! Schema migrations, run at start-up (`server` / `server migrate`). Each migration is one file,
//! never edited once it has landed; the same statements run on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

mod m20261122_000001_catalog;
mod m20261122_000002_marketplace;
mod m20261122_000003_orders;
mod m20261130_000004_checkout_safety;
mod m20261130_000005_refunds_due;
pub(crate) mod m20261130_000006_seller_assortment;
mod m20261130_000007_accounts;
mod m20261130_000008_after_sale;
mod m20261130_000009_claims;
mod m20261130_000010_covering_price_indexes;
mod m20261130_000011_seller_onboarding;
mod m20261201_000012_offer_imports;
mod m20261201_000013_seller_team;
mod m20261201_000014_category_admin;
mod m20261201_000015_seller_profile;
mod m20261201_000016_messages;
mod m20261201_000017_pantry;
mod m20261201_000018_help;
mod m20261201_000019_support_cases;
mod m20261201_000020_case_decisions;
mod m20261201_000021_dispute_sides;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_catalog::Migration),
            Box::new(m20261122_000002_marketplace::Migration),
            Box::new(m20261122_000003_orders::Migration),
            Box::new(m20261130_000004_checkout_safety::Migration),
            Box::new(m20261130_000005_refunds_due::Migration),
            Box::new(m20261130_000006_seller_assortment::Migration),
            Box::new(m20261130_000007_accounts::Migration),
            Box::new(m20261130_000008_after_sale::Migration),
            Box::new(m20261130_000009_claims::Migration),
            Box::new(m20261130_000010_covering_price_indexes::Migration),
            Box::new(m20261130_000011_seller_onboarding::Migration),
            Box::new(m20261201_000012_offer_imports::Migration),
            Box::new(m20261201_000013_seller_team::Migration),
            Box::new(m20261201_000014_category_admin::Migration),
            Box::new(m20261201_000015_seller_profile::Migration),
            Box::new(m20261201_000016_messages::Migration),
            Box::new(m20261201_000017_pantry::Migration),
            Box::new(m20261201_000018_help::Migration),
            Box::new(m20261201_000019_support_cases::Migration),
            Box::new(m20261201_000020_case_decisions::Migration),
            Box::new(m20261201_000021_dispute_sides::Migration),
        ]
    }
}
