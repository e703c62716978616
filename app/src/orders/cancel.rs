//! Cancelling one shipment of a paid order, by its buyer, before the seller hands it to the
//! carrier: its stock returns, the money for it (its goods and its delivery fee) goes back
//! through the payment provider's `refund`, and the buyer and the seller are e-mailed.

use super::aftersale::{check_cancel, CancelReason, CancelledBy, CannotCancel};
use super::{OrderStatus, ShipmentStatus};
use crate::db::entity::{order, order_line, payment, refund, seller, shipment};
use crate::i18n::{fill, format_price, Lang};
use crate::ids::{CartId, ShipmentId, UserId};
use crate::payment::provider::PaymentProvider;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, TransactionSession, TransactionTrait,
};

/// Why a cancellation was not made.
#[derive(Debug, thiserror::Error)]
pub enum CancelError {
    /// No such shipment for this visitor (a wrong key reads the same as a missing order).
    #[error("not found")]
    NotFound,
    #[error("cannot cancel: {0:?}")]
    Cannot(CannotCancel),
    /// The order is not paid: nothing to cancel per shipment (an unpaid order gives its stock
    /// back by itself when its reservation ends).
    #[error("the order is not paid")]
    Unpaid,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Who may act on an order: the holder of its key, the browser of the cart it was placed
/// from, or the account it belongs to (the same rule as seeing it).
#[derive(Clone, Copy, Debug, Default)]
pub struct OrderAccess<'a> {
    pub key: &'a str,
    pub cart_id: Option<CartId>,
    pub account: Option<UserId>,
}

impl OrderAccess<'_> {
    /// The key matches (compared as SHA-256 with the stored hash).
    pub fn by_key(&self, o: &order::Model) -> bool {
        !self.key.is_empty() && o.token_hash.as_deref() == Some(crate::server::token_hash(self.key).as_str())
    }

    pub fn opens(&self, o: &order::Model) -> bool {
        let by_cart = self.cart_id.is_some_and(|c| o.cart_id == Some(c.0));
        let by_account = self.account.is_some_and(|a| o.user_id == Some(a.0));
        self.by_key(o) || by_cart || by_account
    }
}

/// What was cancelled and paid back.
#[derive(Debug, PartialEq, Eq)]
pub struct Cancelled {
    pub order_id: i32,
    pub refunded_cents: i64,
    /// The provider's reference of the refund; `None` when it failed (recorded for support).
    pub refund_reference: Option<String>,
}

/// Who cancels: the buyer (by the order's key, cart or account) or the shipment's seller.
#[derive(Clone, Copy, Debug)]
pub enum Canceller<'a> {
    Buyer(OrderAccess<'a>),
    Seller(i32),
}

impl Canceller<'_> {
    fn reasons(self) -> &'static [CancelReason] {
        match self {
            Canceller::Buyer(_) => &CancelReason::BUYER,
            Canceller::Seller(_) => &CancelReason::SELLER,
        }
    }

    fn who(self) -> CancelledBy {
        match self {
            Canceller::Buyer(_) => CancelledBy::Buyer,
            Canceller::Seller(_) => CancelledBy::Seller,
        }
    }
}

/// Cancels a shipment for its buyer. Only one of two racing cancellations takes effect (the
/// status changes conditionally); the stock and the money go back once.
#[allow(clippy::too_many_arguments)]
pub async fn cancel_shipment<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: OrderAccess<'_>,
    shipment_id: ShipmentId,
    reason: CancelReason,
    note: &str,
    provider: Option<&dyn PaymentProvider>,
    now: DateTime<Utc>,
) -> Result<Cancelled, CancelError> {
    cancel(db, Canceller::Buyer(access), shipment_id, reason, note, provider, now).await
}

/// Cancels a shipment, for its buyer or its seller (each from their own list of reasons).
#[allow(clippy::too_many_arguments)]
pub async fn cancel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    by: Canceller<'_>,
    shipment_id: ShipmentId,
    reason: CancelReason,
    note: &str,
    provider: Option<&dyn PaymentProvider>,
    now: DateTime<Utc>,
) -> Result<Cancelled, CancelError> {
    let note = note.trim();
    let txn = crate::db::begin(db).await?;
    let s = shipment::Entity::find_by_id(shipment_id.0).one(&txn).await?.ok_or(CancelError::NotFound)?;
    let o = order::Entity::find_by_id(s.order_id).one(&txn).await?.ok_or(CancelError::NotFound)?;
    let may = match by {
        Canceller::Buyer(access) => access.opens(&o),
        Canceller::Seller(seller_id) => s.seller_id == seller_id,
    };
    if !may {
        return Err(CancelError::NotFound);
    }
    if o.status != OrderStatus::Paid {
        return Err(CancelError::Unpaid);
    }
    if !by.reasons().contains(&reason) {
        return Err(CancelError::Cannot(CannotCancel::ReasonMissing));
    }
    check_cancel(s.status, reason, note).map_err(CancelError::Cannot)?;
    if s.to_pantry {
        // Stored goods are the buyer's, in the pantry: nothing is on its way to cancel.
        return Err(CancelError::Cannot(CannotCancel::Over));
    }
    let done = shipment::Entity::update_many()
        .col_expr(shipment::Column::Status, Expr::value(ShipmentStatus::Cancelled))
        .col_expr(shipment::Column::StatusAt, Expr::value(now))
        .col_expr(shipment::Column::CancelReason, Expr::value(reason))
        .col_expr(shipment::Column::CancelNote, Expr::value((!note.is_empty()).then(|| note.to_owned())))
        .col_expr(shipment::Column::CancelledBy, Expr::value(by.who()))
        .filter(shipment::Column::Id.eq(s.id))
        .filter(shipment::Column::Status.eq(s.status))
        .exec(&txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(CancelError::Cannot(CannotCancel::Over));
    }
    let lines = order_line::Entity::find().filter(order_line::Column::ShipmentId.eq(s.id)).all(&txn).await?;
    crate::payment::service::return_stock(&txn, lines, now).await?;
    let amount = s.goods_cents + s.fee_cents;
    let paid = payment::Entity::find()
        .filter(payment::Column::OrderId.eq(o.id))
        .filter(payment::Column::Status.eq(super::PaymentStatus::Paid))
        .one(&txn)
        .await?;
    let seller = seller::Entity::find_by_id(s.seller_id).one(&txn).await?;
    queue_notices(&txn, &o, &s, seller.as_ref(), amount, by.who(), reason, now).await?;
    txn.commit().await?;

    // The money goes back after the cancellation is kept: a provider that fails leaves a
    // cancelled shipment without a refund row, which support sees and settles.
    let mut reference = None;
    if let (Some(paid), Some(provider)) = (paid.as_ref(), provider) {
        match provider.refund(&paid.reference, amount).await {
            Ok(r) => {
                refund::ActiveModel {
                    order_id: Set(o.id),
                    shipment_id: Set(s.id),
                    payment_id: Set(paid.id),
                    provider: Set(provider.code().to_owned()),
                    reference: Set(r.clone()),
                    amount_cents: Set(amount),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                reference = Some(r);
            }
            Err(e) => tracing::error!(order = o.id, shipment = s.id, error = %e, "refund failed; support must settle it"),
        }
    }
    Ok(Cancelled { order_id: o.id, refunded_cents: amount, refund_reference: reference })
}

/// The buyer's and the seller's e-mails about a cancelled shipment (queued once each).
#[allow(clippy::too_many_arguments)]
async fn queue_notices<C: ConnectionTrait>(
    db: &C,
    o: &order::Model,
    s: &shipment::Model,
    seller: Option<&seller::Model>,
    amount: i64,
    by: CancelledBy,
    reason: CancelReason,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let seller_name = seller.map(|x| x.name.clone()).unwrap_or_default();
    let notice = |lang: Lang, to_seller: bool| {
        let t = lang.texts();
        let values = [
            ("order", o.id.to_string()),
            ("seller", seller_name.clone()),
            ("amount", format_price(amount, lang)),
            ("reason", reason.text(t).to_owned()),
        ];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let subject = fill(t.mail_cancelled_subject, &values);
        let body = match (by, to_seller) {
            (CancelledBy::Seller, false) => t.mail_seller_cancelled_buyer,
            (CancelledBy::Seller, true) => t.mail_seller_cancelled_seller,
            (_, false) => t.mail_cancelled_buyer,
            (_, true) => t.mail_cancelled_seller,
        };
        crate::orders::email::Email::paragraphs(lang, subject, &[fill(body, &values)], None)
    };
    super::service::tell_buyer_and_seller(db, "cancelled", s.id, o, seller, notice, now).await
}
