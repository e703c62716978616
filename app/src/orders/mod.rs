//! Orders: one order per checkout, split into one shipment per seller, each with its own
//! status; lines keep the price, VAT and title they were bought at. `status` holds the state
//! rules (pure); `service` (ssr) reads orders and applies payments; `email` renders the
//! confirmation with the invoice; `pages` shows an order to its buyer.

#[cfg(feature = "ssr")]
pub mod email;
pub mod pages;
pub mod status;
#[cfg(feature = "ssr")]
pub mod cancel;
#[cfg(feature = "ssr")]
pub mod claims;
#[cfg(feature = "ssr")]
pub mod service;
pub mod aftersale;
pub mod api;

use crate::delivery::{County, DeliveryKind};
use crate::i18n::Lang;
use crate::payment::instalments::Instalment;
use crate::vat::VatLine;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
pub use status::{LineMode, OrderStatus, PaymentStatus, ShipmentStatus};

/// How the order is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum PaymentMethod {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "bank_link"))]
    BankLink,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pay_later"))]
    PayLater,
}

impl PaymentMethod {
    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::BankLink => "bank_link",
            PaymentMethod::PayLater => "pay_later",
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentMethod> {
        [PaymentMethod::BankLink, PaymentMethod::PayLater].into_iter().find(|m| m.code() == code)
    }
}

/// The banks of the bank link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum Bank {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "swedbank"))]
    Swedbank,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "seb"))]
    Seb,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "lhv"))]
    Lhv,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "luminor"))]
    Luminor,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "coop_pank"))]
    CoopPank,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "citadele"))]
    Citadele,
}

impl Bank {
    pub const ALL: [Bank; 6] = [Bank::Swedbank, Bank::Seb, Bank::Lhv, Bank::Luminor, Bank::CoopPank, Bank::Citadele];

    pub fn code(self) -> &'static str {
        match self {
            Bank::Swedbank => "swedbank",
            Bank::Seb => "seb",
            Bank::Lhv => "lhv",
            Bank::Luminor => "luminor",
            Bank::CoopPank => "coop_pank",
            Bank::Citadele => "citadele",
        }
    }

    pub fn from_code(code: &str) -> Option<Bank> {
        Bank::ALL.into_iter().find(|b| b.code() == code)
    }

    /// The bank's own name (not translated).
    pub fn name(self) -> &'static str {
        match self {
            Bank::Swedbank => "Swedbank",
            Bank::Seb => "SEB",
            Bank::Lhv => "LHV",
            Bank::Luminor => "Luminor",
            Bank::CoopPank => "Coop Pank",
            Bank::Citadele => "Citadele",
        }
    }
}

/// One ordered line as bought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub product_slug: String,
    pub title: String,
    pub quantity: i32,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub vat_rate_bp: u32,
    /// Delivered, into the pantry, or from it.
    pub mode: LineMode,
}

/// One seller's part of the order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub id: i32,
    pub seller_name: String,
    pub seller_slug: String,
    pub method_name: String,
    pub method_kind: DeliveryKind,
    pub goods_cents: i64,
    pub fee_cents: i64,
    #[serde(with = "crate::wire::day")]
    pub earliest: NaiveDate,
    #[serde(with = "crate::wire::day")]
    pub latest: NaiveDate,
    pub status: ShipmentStatus,
    /// Goods bought into the buyer's pantry: nothing to deliver now.
    pub to_pantry: bool,
    pub lines: Vec<OrderLineView>,
    /// Withdrawal and complaint: what may still be done, as of the day the page was made.
    pub after: aftersale::AfterDelivery,
    /// Withdrawals and complaints made, oldest first.
    pub claims: Vec<aftersale::ClaimView>,
    /// The carrier and tracking number the seller gave when shipping.
    pub tracking: Option<Tracking>,
}

/// Who carries a shipment, and its tracking number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    pub carrier: String,
    pub number: String,
}

/// The seller's requisites as printed on the invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceParty {
    pub legal_name: String,
    pub registry_code: String,
    pub vat_number: String,
    pub address: String,
}

/// What the buyer sees of an order, and what the confirmation e-mail and invoice print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i32,
    /// The guest's key (in links to the order page), when known: the one presented, or the
    /// order's pending key; empty otherwise (only its hash is kept).
    pub token: String,
    pub lang: Lang,
    pub status: OrderStatus,
    #[serde(with = "crate::wire::instant")]
    pub placed_at: DateTime<Utc>,
    #[serde(with = "crate::wire::instant_opt")]
    pub paid_at: Option<DateTime<Utc>>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub county: County,
    pub courier_comment: Option<String>,
    pub paper_invoice: bool,
    pub shipments: Vec<ShipmentView>,
    pub goods_cents: i64,
    pub delivery_cents: i64,
    pub total_cents: i64,
    /// By rate, highest first; goods and delivery.
    pub vat: Vec<VatLine>,
    pub payment_method: PaymentMethod,
    pub bank: Option<Bank>,
    pub payment_status: PaymentStatus,
    /// Where to pay, while the order waits for its payment.
    pub pay_path: Option<String>,
    /// Buy now, pay later: the stored schedule (empty for the bank link).
    pub instalments: Vec<Instalment>,
    /// Gap-free invoice number, once paid (`None` before).
    pub invoice_number: Option<i64>,
    #[serde(with = "crate::wire::day_opt")]
    pub invoiced_on: Option<NaiveDate>,
    /// Sellers in shipment order, with their requisites for the invoice.
    pub sellers: Vec<InvoiceParty>,
    /// A transport order from the buyer's pantry (only the delivery is paid).
    pub transport: bool,
}

impl OrderView {
    /// "TRG-000042": the invoice number as printed.
    pub fn invoice_label(&self) -> Option<String> {
        self.invoice_number.map(invoice_label)
    }

    /// The path of the order page (with the guest key).
    pub fn path(&self) -> String {
        order_path(self.lang.code(), self.id, &self.token)
    }
}

/// The order page, with the guest's key: `/{lang}/orders/{id}?key={token}` (without `?key=`
/// when the key is not known: the browser holding the order's cart opens it without).
pub fn order_path(lang_code: &str, id: i32, token: &str) -> String {
    if token.is_empty() {
        format!("/{lang_code}/orders/{id}")
    } else {
        format!("/{lang_code}/orders/{id}?key={token}")
    }
}

/// "TRG-000042".
pub fn invoice_label(number: i64) -> String {
    format!("TRG-{number:06}")
}
