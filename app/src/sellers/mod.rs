//! Sellers as shoppers see them: the list of all sellers (search, country filter), each
//! seller's public profile (requisites, rating and reviews, full assortment with a category
//! filter), and the page that discloses how offers are ranked (EU Omnibus directive).
//!
//! Becoming a seller: `company.rs` (EU company numbers, VAT numbers and IBANs, checked),
//! `onboarding.rs` (the application's rules and what the pages show), `applications.rs` [ssr]
//! (stored, decided, the seller made), `sell_page.rs` (`/{lang}/sell`).
//!
//! The seller area (`/{lang}/seller/…`, behind `area::member`): `area.rs` (the guard and the
//! home), `offers.rs` / `offer_service.rs` / `offer_pages.rs` (the seller's offers and where
//! each stands in the buy box), `shipments.rs` / `shipment_service.rs` / `shipment_pages.rs`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod applications;
pub mod area;
pub mod methods;
pub mod offer_pages;
#[cfg(feature = "ssr")]
pub mod offer_service;
pub mod offers;
pub mod shipment_pages;
#[cfg(feature = "ssr")]
pub mod shipment_service;
pub mod shipments;
pub mod team;
pub mod team_pages;
#[cfg(feature = "ssr")]
pub mod team_service;
pub mod company;
pub mod csv;
#[cfg(feature = "ssr")]
pub mod import_service;
pub mod import_pages;
pub mod imports;
pub mod onboarding;
pub mod pages;
pub mod profile;
pub mod profile_pages;
#[cfg(feature = "ssr")]
pub mod profile_service;
pub mod sell_page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::catalog::{paging::Page, CategoryLink, ProductCard};
use crate::offers::SellerBrief;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const SELLERS_PER_PAGE: u64 = 24;
pub const REVIEWS_SHOWN: u64 = 10;

/// A seller in the list of all sellers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerListItem {
    pub seller: SellerBrief,
    #[serde(with = "crate::wire::day")]
    pub trading_since: NaiveDate,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellersPageData {
    pub sellers: Vec<SellerListItem>,
    pub page: Page,
    /// Countries sellers are registered in, with how many (for the filter).
    pub countries: Vec<(String, u64)>,
    pub q: String,
    pub country: Option<String>,
}

/// The company details a marketplace must show for each trader (EU DSA art. 30).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requisites {
    pub legal_name: String,
    pub registry_code: String,
    pub vat_number: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub author: String,
    pub stars: i16,
    pub body: String,
    /// The language it was written in (reviews are shown as written).
    pub lang: String,
    #[serde(with = "crate::wire::day")]
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerProfile {
    pub seller: SellerBrief,
    pub about: String,
    /// In the page's language, else English, else any; empty when the seller wrote none.
    pub payment_terms: String,
    pub logo: Option<profile::Logo>,
    #[serde(with = "crate::wire::day")]
    pub trading_since: NaiveDate,
    pub requisites: Requisites,
    /// How many reviews gave 1, 2, 3, 4 and 5 stars.
    pub star_counts: [u64; 5],
    pub reviews: Vec<Review>,
    /// Leaf categories the seller has offers in, with how many products.
    pub categories: Vec<(CategoryLink, u64)>,
    /// The chosen category filter (a slug), if any.
    pub category: Option<String>,
    /// One page of the seller's products; each card shows this seller's own price.
    pub products: Vec<ProductCard>,
    pub page: Page,
}
