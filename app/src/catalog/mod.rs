//! The catalog: categories, products and their offers' summary. DTOs shared by server and
//! browser live here; the database side is `service` (ssr only), the server functions `api`,
//! the pages `pages`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod changes;
pub mod components;
pub mod pages;
pub mod paging;
pub mod tree;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod snapshot;

use serde::{Deserialize, Serialize};

/// Whether a seller trades (`sellers.status`): only an active seller's offers are shown and sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum SellerStatus {
    /// Registered, not yet approved.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "active"))]
    Active,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "suspended"))]
    Suspended,
}

/// A link to a category, with its name in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
}

/// A top-level category with its sub-categories, for the home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTile {
    pub category: CategoryLink,
    pub image: Option<String>,
    pub children: Vec<CategoryLink>,
}

/// A product in a list: enough to render a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub image: Option<String>,
    /// Lowest price among buyable offers (active, in stock, seller active), VAT included.
    pub min_price_cents: Option<i64>,
    pub offer_count: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<CategoryTile>,
    pub featured: Vec<ProductCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPageData {
    pub category: CategoryLink,
    /// From the top-level category down to the parent of this one.
    pub ancestors: Vec<CategoryLink>,
    pub children: Vec<CategoryLink>,
    pub products: Vec<ProductCard>,
    pub page: paging::Page,
    pub sort: paging::ProductSort,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub ean: String,
    pub description: String,
    pub images: Vec<String>,
    pub attributes: Vec<Attribute>,
    /// From the top-level category down to the product's own category.
    pub categories: Vec<CategoryLink>,
    pub min_price_cents: Option<i64>,
    pub offer_count: i32,
    pub perishable: bool,
    pub cold_chain: bool,
    pub storable: bool,
}

/// The product page and the offers page: the product and its offers for the shopper's county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPageData {
    pub product: ProductDetail,
    pub offers: crate::offers::ProductOffers,
    /// schema.org Product JSON-LD, made on the server (keeps serde_json's `json!` out of the WASM).
    pub json_ld: String,
}
