//! Payment: one provider interface (`provider`, ssr) with the built-in sandbox bank that
//! imitates a bank link's redirect and signed callback, so the whole flow runs locally;
//! `service` (ssr) applies callbacks idempotently and releases the stock of unpaid orders;
//! `instalments` is the buy-now-pay-later schedule (pure); `pages` is the sandbox bank's page.

pub mod api;
pub mod instalments;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod provider;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

/// The provider code of the built-in sandbox.
pub const SANDBOX: &str = "sandbox";

/// What the sandbox bank shows the shopper about a payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxPayment {
    pub reference: String,
    pub order_id: i32,
    pub amount_cents: i64,
    pub method: crate::orders::PaymentMethod,
    /// The bank's name for the bank link.
    pub bank: Option<String>,
    pub instalments: Vec<instalments::Instalment>,
    /// Still waiting for a decision.
    pub pending: bool,
    /// Where the order page is (to go back to without paying).
    pub order_path: String,
}
