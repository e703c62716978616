//! Checkout: contact, address, courier comment, paper invoice and the payment choice, checked
//! on the server (`validate`, pure); `service` (ssr) turns a cart into an order with its
//! stock reserved atomically; `pages` is the form, which works without JavaScript.
//!
//! What the shopper typed is kept with the cart as a [`Draft`] on every submit, so a reload,
//! an error or a failed payment never loses it.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod validate;

use crate::cart::CartView;
use crate::orders::Bank;
use crate::payment::instalments::{Instalment, PayLater};
use serde::{Deserialize, Serialize};
use validate::{ContactForm, FieldError};

/// The shopper's payment choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayChoice {
    Bank(Bank),
    Later(PayLater),
}

impl PayChoice {
    /// Every choice, as the form offers them.
    pub fn all() -> Vec<PayChoice> {
        let mut all: Vec<PayChoice> = Bank::ALL.into_iter().map(PayChoice::Bank).collect();
        all.extend([PayLater::In30Days, PayLater::Monthly(2), PayLater::Monthly(3)].map(PayChoice::Later));
        all
    }

    /// The form value: `bank:swedbank`, `later:in_30_days`, `later:monthly_2`, `later:monthly_3`.
    pub fn code(self) -> String {
        match self {
            PayChoice::Bank(b) => format!("bank:{}", b.code()),
            PayChoice::Later(p) => format!("later:{}", plan_code(p)),
        }
    }

    pub fn from_code(code: &str) -> Option<PayChoice> {
        match code.split_once(':')? {
            ("bank", bank) => Bank::from_code(bank).map(PayChoice::Bank),
            ("later", plan) => plan_from_code(plan).map(PayChoice::Later),
            _ => None,
        }
    }
}

/// `in_30_days`, `monthly_2`, `monthly_3`: how `orders.pay_later_plan` stores a plan.
pub fn plan_code(plan: PayLater) -> &'static str {
    match plan {
        PayLater::In30Days => "in_30_days",
        PayLater::Monthly(2) => "monthly_2",
        PayLater::Monthly(_) => "monthly_3",
    }
}

pub fn plan_from_code(code: &str) -> Option<PayLater> {
    match code {
        "in_30_days" => Some(PayLater::In30Days),
        "monthly_2" => Some(PayLater::Monthly(2)),
        "monthly_3" => Some(PayLater::Monthly(3)),
        _ => None,
    }
}

/// The checkout form as last submitted, kept with the cart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub form: ContactForm,
    /// The payment choice's form value (may be empty or invalid: it is shown again as typed).
    pub payment: String,
    /// Set once the form has been submitted: errors are shown from then on.
    pub submitted: bool,
    /// The address is in another county than the cart was priced for: the cart was priced
    /// again and the shopper must confirm the new fees and dates.
    #[serde(default)]
    pub repriced: bool,
}

/// A buy-now-pay-later plan with its schedule for this cart's total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPreview {
    pub choice: String,
    pub instalments: Vec<Instalment>,
}

/// What the checkout page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutView {
    pub cart: CartView,
    pub draft: Draft,
    /// Problems of the submitted form (empty before the first submit).
    pub errors: Vec<FieldError>,
    /// The payment choice is missing or unknown (after a submit).
    pub payment_missing: bool,
    pub plans: Vec<PlanPreview>,
    /// The priced cart's [`CartQuote::fingerprint`](crate::cart::pricing::CartQuote::fingerprint),
    /// sent back with the form.
    pub fingerprint: String,
}

/// What submitting the checkout form did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Submitted {
    /// The form has problems; they are in the returned view and kept with the cart.
    Invalid(Box<CheckoutView>),
    /// The order was placed; the browser goes to the payment at this address.
    Pay(String),
}
