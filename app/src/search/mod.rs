//! Product search: relevance over et/en/ru texts, forgiving small typos, with facets and
//! sorts, and suggestions while typing. The engine (`engine`, tantivy, server only) holds a
//! RAM index that is a cache of the database; `service` builds it at start-up and keeps it in
//! step through the catalog change feed. See ARCHITECTURE.md for why tantivy.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod engine;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::catalog::{paging::Page, ProductCard};
use serde::{Deserialize, Serialize};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SearchOrder {
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
}

impl SearchOrder {
    pub const ALL: [SearchOrder; 4] = [SearchOrder::Relevance, SearchOrder::PriceAsc, SearchOrder::PriceDesc, SearchOrder::Newest];

    pub fn param(self) -> &'static str {
        match self {
            SearchOrder::Relevance => "relevance",
            SearchOrder::PriceAsc => "price",
            SearchOrder::PriceDesc => "price-desc",
            SearchOrder::Newest => "newest",
        }
    }

    pub fn from_param(value: Option<&str>) -> SearchOrder {
        SearchOrder::ALL.into_iter().find(|s| Some(s.param()) == value).unwrap_or_default()
    }
}

/// The price ranges offered as a filter, in cents: `[min, max)`; the last has no upper end.
pub const PRICE_RANGES: [(i64, Option<i64>); 7] = [
    (0, Some(500)),
    (500, Some(1000)),
    (1000, Some(2000)),
    (2000, Some(5000)),
    (5000, Some(10_000)),
    (10_000, Some(20_000)),
    (20_000, None),
];

/// `"500-1000"` / `"20000-"` for a price range, and back.
pub fn price_range_param(min: i64, max: Option<i64>) -> String {
    format!("{min}-{}", max.map(|m| m.to_string()).unwrap_or_default())
}

pub fn parse_price_range(value: &str) -> Option<(i64, Option<i64>)> {
    let (min, max) = value.split_once('-')?;
    let min: i64 = min.parse().ok().filter(|m| *m >= 0)?;
    let max = if max.is_empty() { None } else { Some(max.parse::<i64>().ok().filter(|m| *m > min)?) };
    Some((min, max))
}

/// What the shopper asked for, from the query string. Unknown values are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchParams {
    pub q: String,
    /// Category slug.
    pub category: Option<String>,
    pub brand: Option<String>,
    /// A price range as `min-max` cents (see `price_range_param`).
    pub price: Option<String>,
    /// Seller slug.
    pub seller: Option<String>,
    pub in_stock: bool,
    pub sort: SearchOrder,
    pub page: u64,
}

impl SearchParams {
    /// The query string for these parameters (defaults left out), starting with `?`.
    pub fn query_string(&self) -> String {
        let mut parts = Vec::new();
        let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", crate::markup::query_value(v)));
        if !self.q.is_empty() {
            push("q", &self.q);
        }
        for (k, v) in [("category", &self.category), ("brand", &self.brand), ("price", &self.price), ("seller", &self.seller)] {
            if let Some(v) = v {
                push(k, v);
            }
        }
        if self.in_stock {
            push("in_stock", "1");
        }
        if self.sort != SearchOrder::default() {
            push("sort", self.sort.param());
        }
        if self.page > 1 {
            push("page", &self.page.to_string());
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }
}

/// One value of a facet: the query-string value, what the shopper reads, how many results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<FacetValue>,
    pub brands: Vec<FacetValue>,
    pub sellers: Vec<FacetValue>,
    /// Labels are left empty: the page formats the range in its language.
    pub prices: Vec<FacetValue>,
    pub in_stock: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPageData {
    pub params: SearchParams,
    pub products: Vec<ProductCard>,
    pub page: Page,
    pub facets: Facets,
    /// No word matched exactly: the results are for similar spellings.
    pub corrected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
}

pub const SUGGESTIONS: usize = 8;
