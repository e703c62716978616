use crate::delivery::County;
use crate::orders::{Bank, OrderStatus, PaymentMethod};
use sea_orm::entity::prelude::*;

/// A placed order: contact, totals and payment choice; one shipment per seller.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    /// Legacy, opens nothing: the first 32 hex digits of `token_hash` (the column is UNIQUE and
    /// cannot be dropped on SQLite).
    pub token: String,
    pub cart_id: Option<i32>,
    pub lang: String,
    /// The payment side; the shipments carry the delivery statuses.
    pub status: OrderStatus,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub county: County,
    pub courier_comment: Option<String>,
    pub paper_invoice: bool,
    pub goods_cents: i64,
    pub delivery_cents: i64,
    pub total_cents: i64,
    pub vat_cents: i64,
    pub payment_method: PaymentMethod,
    /// The bank of a bank link.
    pub bank: Option<Bank>,
    /// `in_30_days`, `monthly_2` or `monthly_3` (`checkout::plan_code`).
    pub pay_later_plan: Option<String>,
    pub placed_at: DateTimeUtc,
    /// An unpaid order gives its stock back after this.
    pub reserved_until: DateTimeUtc,
    pub paid_at: Option<DateTimeUtc>,
    /// Gap-free, given when the order is paid.
    pub invoice_number: Option<i64>,
    pub invoiced_on: Option<Date>,
    /// The cart it was placed from, only while it awaits payment (NULL once paid or
    /// cancelled); unique, so a cart holds at most one order awaiting payment.
    pub pending_cart_id: Option<i32>,
    /// SHA-256 of what the checkout asked for (`checkout::service::checkout_digest`): the same
    /// checkout posted again gives this order instead of a second one.
    pub checkout_digest: Option<String>,
    /// SHA-256 of the client's address (never the address): pending orders per address are limited.
    pub client_hash: Option<String>,
    /// SHA-256 of the guest's key to the order page (the key itself is never kept for long).
    #[sea_orm(unique)]
    pub token_hash: Option<String>,
    /// The plain key, only while the order awaits payment: the shopper's way back from the bank
    /// and the confirmation e-mail's link need it; erased when the order is paid or cancelled.
    pub pending_key: Option<String>,
    /// The account that placed (or claimed) it; `None` for a guest order.
    pub user_id: Option<i32>,
    /// A transport order: goods from the buyer's pantry; only the delivery is paid.
    pub transport: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
