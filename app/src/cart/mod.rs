//! The cart: offers × quantity, grouped by seller, each group with its delivery method, fee
//! and date, and the totals with VAT. `pricing` is the pure rule; `service` (ssr) keeps carts
//! in the database, bound to the `turg_cart` cookie; `api` and `pages` are the adapters.

pub mod api;
pub mod components;
pub mod pages;
pub mod pricing;
#[cfg(feature = "ssr")]
pub mod service;

use crate::delivery::dates::DeliveryWindow;
use crate::delivery::{County, DeliveryKind};
use crate::offers::SellerBrief;
use crate::vat::VatLine;
use pricing::LineProblem;
use serde::{Deserialize, Serialize};

/// The cookie that holds a guest's cart token.
pub const CART_COOKIE: &str = "turg_cart";
/// At most this many units of one offer in a cart line.
pub const MAX_QUANTITY: i32 = 99;
/// At most this many lines (different offers) in a cart.
pub const MAX_LINES: u64 = 50;
/// Carts unchanged for this long are deleted with their lines and checkout drafts (the cookie
/// that finds a cart lives as long).
pub const IDLE_DAYS: i64 = 90;

/// How a cart line is bought (`cart_lines.mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum LineMode {
    /// Delivered with the order.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "deliver"))]
    Deliver,
    /// Bought into the shopper's pantry, delivered later.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "store"))]
    Store,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLineView {
    pub line_id: i32,
    pub offer_id: i32,
    pub product_slug: String,
    pub title: String,
    pub image: Option<String>,
    pub unit_price_cents: i64,
    pub quantity: i32,
    pub total_cents: i64,
    pub stock: i32,
    pub problem: Option<LineProblem>,
    /// Bought into the pantry (delivered later).
    pub stored: bool,
    /// The product may be stored in a pantry.
    pub storable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodOptionView {
    pub method_id: i32,
    pub kind: DeliveryKind,
    pub name: String,
    pub fee_cents: i64,
    pub free_over_cents: Option<i64>,
    pub window: DeliveryWindow,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartGroupView {
    pub seller_id: i32,
    /// The seller's goods bought into the pantry: no delivery now.
    pub store: bool,
    pub seller: SellerBrief,
    pub lines: Vec<CartLineView>,
    pub goods_cents: i64,
    pub options: Vec<MethodOptionView>,
    /// The method this group will be delivered with; `None` when none reaches the county.
    pub chosen: Option<i32>,
}

impl CartGroupView {
    pub fn chosen_option(&self) -> Option<&MethodOptionView> {
        self.chosen.and_then(|id| self.options.iter().find(|o| o.method_id == id))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub county: County,
    pub groups: Vec<CartGroupView>,
    pub goods_cents: i64,
    pub delivery_cents: i64,
    pub total_cents: i64,
    pub vat: Vec<VatLine>,
    /// Units in the cart.
    pub count: i32,
    pub orderable: bool,
    /// Something is delivered now (else checkout asks for no address).
    pub delivers: bool,
}

/// What adding to the cart did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Added {
    /// Units of the offer now in the cart.
    pub quantity: i32,
    /// Set when fewer units were added than asked for, because only this many are in stock.
    pub limited_to: Option<i32>,
    /// Units in the whole cart.
    pub count: i32,
}
