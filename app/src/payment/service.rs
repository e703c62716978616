//! Applying payment decisions. Every change is a conditional update on the state it starts
//! from (`… WHERE status = 'pending'`) inside one transaction, so a callback that arrives
//! twice, late or on two instances at once changes things exactly once:
//!
//! - **paid**: the order becomes paid and gets the next gap-free invoice number, its
//!   shipments become paid, the ordered lines leave the cart, and the confirmation e-mail with
//!   the invoice is queued in the outbox (same transaction: it is queued once or not at all);
//! - **failed**, or **abandoned** (unpaid when the reservation ends, or replaced by another
//!   checkout of the same cart): the order and its shipments are cancelled and the reserved
//!   stock goes back to the offers.
//!
//! Paid and cancelled orders leave their cart (`orders.pending_cart_id` = NULL), so the cart
//! can check out again.

use super::provider::{Callback, Outcome};
use super::SandboxPayment;
use crate::db::entity::{cart_line, counter, offer, order, order_line, payment, refund_due, shipment};
use crate::orders::{OrderStatus, PaymentStatus, ShipmentStatus};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

#[derive(Debug, thiserror::Error)]
pub enum CallbackError {
    #[error("no payment with this reference")]
    UnknownPayment,
    #[error("the amount does not match the payment")]
    WrongAmount,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What a callback did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub order_id: i32,
    /// The order's key while it was awaiting payment (empty later: a repeated callback leads to
    /// the order page without the key, which the browser holding the order's cart may open).
    pub order_token: String,
    pub order_lang: String,
    /// False for a repeated or late callback, which changes nothing.
    pub changed: bool,
}

/// The next value of a gap-free counter, inside the caller's transaction: the row stays
/// locked until it commits, and a rollback takes the number back.
pub async fn next_counter(txn: &DatabaseTransaction, name: &str) -> Result<i64, DbErr> {
    counter::Entity::update_many()
        .col_expr(counter::Column::Value, Expr::col(counter::Column::Value).add(1))
        .filter(counter::Column::Name.eq(name))
        .exec(txn)
        .await?;
    counter::Entity::find_by_id(name.to_owned())
        .one(txn)
        .await?
        .map(|c| c.value)
        .ok_or_else(|| DbErr::RecordNotFound(format!("counter {name}")))
}

/// Applies a verified callback.
pub async fn apply_callback(
    db: &DatabaseConnection,
    callback: &Callback,
    now: DateTime<Utc>,
) -> Result<Applied, CallbackError> {
    let pay = payment::Entity::find()
        .filter(payment::Column::Reference.eq(&callback.reference))
        .one(db)
        .await?
        .ok_or(CallbackError::UnknownPayment)?;
    if pay.amount_cents != callback.amount_cents {
        return Err(CallbackError::WrongAmount);
    }
    let order = order::Entity::find_by_id(pay.order_id).one(db).await?.ok_or(CallbackError::UnknownPayment)?;
    let txn = crate::db::begin(db).await?;
    payment::Entity::update_many()
        .col_expr(payment::Column::Callbacks, Expr::col(payment::Column::Callbacks).add(1))
        .filter(payment::Column::Id.eq(pay.id))
        .exec(&txn)
        .await?;
    let to = match callback.outcome {
        Outcome::Paid => PaymentStatus::Paid,
        Outcome::Failed => PaymentStatus::Failed,
    };
    let changed = decide_payment(&txn, pay.id, to, now).await?;
    if changed {
        match callback.outcome {
            Outcome::Paid => mark_paid(&txn, &order, now).await?,
            Outcome::Failed => cancel_order(&txn, order.id, now).await?,
        }
    } else if callback.outcome == Outcome::Paid {
        // Decided before: read the decision as it stands in this transaction (a concurrent
        // "paid" for the same payment is not a refund).
        let status = payment::Entity::find_by_id(pay.id)
            .one(&txn)
            .await?
            .map(|p| p.status)
            .ok_or_else(|| DbErr::RecordNotFound(format!("payment {}", pay.id)))?;
        if status != PaymentStatus::Paid {
            // Money arrived for a payment already failed or abandoned (its order cancelled):
            // the order stays cancelled, and the money must go back.
            record_refund_due(&txn, &pay, &order, status, now).await?;
        }
    }
    txn.commit().await?;
    Ok(Applied { order_id: order.id, order_token: order.pending_key.unwrap_or_default(), order_lang: order.lang, changed })
}

/// Records that a payment's money must go back (once per payment, whatever the number of
/// reports), and tells the shop by e-mail in the same transaction.
async fn record_refund_due(
    txn: &DatabaseTransaction,
    pay: &payment::Model,
    order: &order::Model,
    payment_status: PaymentStatus,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    tracing::warn!(order = order.id, payment = pay.id, "payment arrived for a cancelled order: refund due");
    let row = refund_due::ActiveModel {
        payment_id: Set(pay.id),
        order_id: Set(order.id),
        amount_cents: Set(pay.amount_cents),
        payment_status: Set(payment_status),
        created_at: Set(now),
        settled_at: Set(None),
        ..Default::default()
    };
    refund_due::Entity::insert(row)
        .on_conflict(OnConflict::column(refund_due::Column::PaymentId).do_nothing().to_owned())
        .try_insert()
        .exec(txn)
        .await?;
    let lang = crate::i18n::Lang::default();
    let t = lang.texts();
    let args = [
        ("order", order.id.to_string()),
        ("amount", crate::i18n::format_price(pay.amount_cents, lang)),
        ("reference", pay.reference.clone()),
        ("status", payment_status.code().to_owned()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let subject = crate::i18n::fill(t.refund_due_subject, &args);
    let text = crate::i18n::fill(t.refund_due_text, &args);
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><p>{}</p></body></html>",
        lang.code(),
        crate::markup::html(&subject),
        crate::markup::html(&text)
    );
    crate::outbox::enqueue(
        txn,
        crate::outbox::NewMessage {
            dedupe_key: format!("refund-due-{}", pay.id),
            kind: "refund_due",
            lang,
            to: crate::config::get_or_default().shop_email.clone(),
            email: crate::orders::email::Email { subject, text, html },
        },
        now,
    )
    .await
}

/// The refunds still due, oldest first (for administrators).
pub async fn refunds_due<C: ConnectionTrait>(db: &C) -> Result<Vec<refund_due::Model>, DbErr> {
    refund_due::Entity::find()
        .filter(refund_due::Column::SettledAt.is_null())
        .order_by_asc(refund_due::Column::Id)
        .all(db)
        .await
}

/// The payment an order awaits (with the sandbox provider), inside the order's transaction:
/// its reference, which the bank's callbacks name.
pub async fn start_payment<C: ConnectionTrait>(
    db: &C,
    order_id: i32,
    method: crate::orders::PaymentMethod,
    bank: Option<crate::orders::Bank>,
    amount_cents: i64,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let reference = crate::server::random_token();
    let row = payment::ActiveModel {
        order_id: Set(order_id),
        provider: Set(super::SANDBOX.to_owned()),
        reference: Set(reference.clone()),
        method: Set(method),
        bank: Set(bank),
        amount_cents: Set(amount_cents),
        status: Set(PaymentStatus::Pending),
        callbacks: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    payment::Entity::insert(row).exec_without_returning(db).await?;
    Ok(reference)
}

/// Moves a payment from pending to `to`; false when it was already decided.
async fn decide_payment(txn: &DatabaseTransaction, payment_id: i32, to: PaymentStatus, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let done = payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value(to))
        .col_expr(payment::Column::UpdatedAt, Expr::value(now))
        .filter(payment::Column::Id.eq(payment_id))
        .filter(payment::Column::Status.eq(PaymentStatus::Pending))
        .exec(txn)
        .await?;
    Ok(done.rows_affected == 1)
}

async fn set_shipments(txn: &DatabaseTransaction, order_id: i32, from: ShipmentStatus, to: ShipmentStatus, now: DateTime<Utc>) -> Result<(), DbErr> {
    debug_assert!(from.can_become(to));
    shipment::Entity::update_many()
        .col_expr(shipment::Column::Status, Expr::value(to))
        .col_expr(shipment::Column::StatusAt, Expr::value(now))
        .filter(shipment::Column::OrderId.eq(order_id))
        .filter(shipment::Column::Status.eq(from))
        .exec(txn)
        .await?;
    Ok(())
}

async fn mark_paid(txn: &DatabaseTransaction, order: &order::Model, now: DateTime<Utc>) -> Result<(), DbErr> {
    let done = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(OrderStatus::Paid))
        .col_expr(order::Column::PaidAt, Expr::value(now))
        // No longer the cart's order awaiting payment: the cart may check out again.
        .col_expr(order::Column::PendingCartId, Expr::value(Option::<i32>::None))
        .filter(order::Column::Id.eq(order.id))
        .filter(order::Column::Status.eq(OrderStatus::AwaitingPayment))
        .exec(txn)
        .await?;
    if done.rows_affected != 1 {
        return Ok(());
    }
    let number = next_counter(txn, "invoice").await?;
    let today = crate::delivery::local_time::to_tallinn(now).date();
    order::Entity::update_many()
        .col_expr(order::Column::InvoiceNumber, Expr::value(number))
        .col_expr(order::Column::InvoicedOn, Expr::value(today))
        .filter(order::Column::Id.eq(order.id))
        .exec(txn)
        .await?;
    set_shipments(txn, order.id, ShipmentStatus::Placed, ShipmentStatus::Paid, now).await?;
    // Lines bought into the pantry appear there now, with their expiry counted from today.
    crate::pantry::service::store_paid(txn, order, now).await?;
    // The bought lines leave the cart; anything added since stays.
    if let Some(cart_id) = order.cart_id {
        let offers: Vec<i32> = order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(order.id))
            .all(txn)
            .await?
            .into_iter()
            .map(|l| l.offer_id)
            .collect();
        cart_line::Entity::delete_many()
            .filter(cart_line::Column::CartId.eq(cart_id))
            .filter(cart_line::Column::OfferId.is_in(offers))
            .exec(txn)
            .await?;
    }
    // The confirmation carries the key in its link; after that the plain key is not kept.
    crate::orders::service::queue_confirmation(txn, order.id, now).await?;
    forget_key(txn, order.id).await
}

/// Erases an order's plain key (only its hash stays).
async fn forget_key(txn: &DatabaseTransaction, order_id: i32) -> Result<(), DbErr> {
    order::Entity::update_many()
        .col_expr(order::Column::PendingKey, Expr::value(Option::<String>::None))
        .filter(order::Column::Id.eq(order_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Cancels an unpaid order and gives its stock back.
async fn cancel_order(txn: &DatabaseTransaction, order_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let done = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(OrderStatus::Cancelled))
        .col_expr(order::Column::PendingCartId, Expr::value(Option::<i32>::None))
        .filter(order::Column::Id.eq(order_id))
        .filter(order::Column::Status.eq(OrderStatus::AwaitingPayment))
        .exec(txn)
        .await?;
    if done.rows_affected != 1 {
        return Ok(());
    }
    set_shipments(txn, order_id, ShipmentStatus::Placed, ShipmentStatus::Cancelled, now).await?;
    forget_key(txn, order_id).await?;
    let lines = order_line::Entity::find().filter(order_line::Column::OrderId.eq(order_id)).all(txn).await?;
    return_stock(txn, lines, now).await
}

/// Puts ordered lines back into their offers' stock (in offer order, so concurrent returns
/// take row locks in the same order) and refreshes the products' offer summaries. A transport
/// order's lines were never taken from stock: their units go back to the buyer's pantry.
pub(crate) async fn return_stock<C: ConnectionTrait>(db: &C, lines: Vec<order_line::Model>, now: DateTime<Utc>) -> Result<(), DbErr> {
    let (from_pantry, mut lines): (Vec<_>, Vec<_>) = lines.into_iter().partition(|l| l.mode == crate::orders::LineMode::FromPantry);
    let pantry_lines: Vec<i32> = from_pantry.iter().map(|l| l.id).collect();
    crate::pantry::service::give_back(db, &pantry_lines, now).await?;
    if lines.is_empty() {
        return Ok(());
    }
    lines.sort_by_key(|l| l.offer_id);
    for line in &lines {
        offer::Entity::update_many()
            .col_expr(offer::Column::Stock, Expr::col(offer::Column::Stock).add(line.quantity))
            .filter(offer::Column::Id.eq(line.offer_id))
            .exec(db)
            .await?;
    }
    let products: Vec<i32> = lines.iter().map(|l| l.product_id).collect();
    crate::catalog::service::refresh_offer_summaries(db, &products).await
}

/// Gives back the stock of orders still unpaid when their reservation ends (the shopper left
/// the bank, or the bank never answered). Returns how many orders were released.
pub async fn release_expired(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let expired = order::Entity::find()
        .filter(order::Column::Status.eq(OrderStatus::AwaitingPayment))
        .filter(order::Column::ReservedUntil.lt(now))
        .order_by_asc(order::Column::Id)
        .all(db)
        .await?;
    let mut released = 0;
    for order in expired {
        let txn = crate::db::begin(db).await?;
        abandon_order(&txn, order.id, now).await?;
        txn.commit().await?;
        released += 1;
    }
    Ok(released)
}

/// Gives up an order awaiting payment, inside the caller's transaction: its pending payments
/// become abandoned, the order and its shipments cancelled, its stock returned and the cart
/// free to check out again. Used when the reservation ends and when the same cart checks out
/// again with other figures (the new order replaces this one).
pub(crate) async fn abandon_order(txn: &DatabaseTransaction, order_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let pending = payment::Entity::find()
        .filter(payment::Column::OrderId.eq(order_id))
        .filter(payment::Column::Status.eq(PaymentStatus::Pending))
        .all(txn)
        .await?;
    for p in &pending {
        decide_payment(txn, p.id, PaymentStatus::Abandoned, now).await?;
    }
    cancel_order(txn, order_id, now).await
}

/// What the sandbox bank shows about a payment.
pub async fn sandbox_payment<C: ConnectionTrait>(db: &C, reference: &str) -> Result<Option<SandboxPayment>, DbErr> {
    let Some(pay) = payment::Entity::find().filter(payment::Column::Reference.eq(reference)).one(db).await? else {
        return Ok(None);
    };
    let Some(order) = order::Entity::find_by_id(pay.order_id).one(db).await? else { return Ok(None) };
    let instalments = crate::orders::service::instalments(db, order.id).await?;
    Ok(Some(SandboxPayment {
        reference: pay.reference,
        order_id: order.id,
        amount_cents: pay.amount_cents,
        method: pay.method,
        bank: pay.bank.map(|b| b.name().to_owned()),
        instalments,
        pending: pay.status == PaymentStatus::Pending,
        order_path: crate::orders::order_path(&order.lang, order.id, order.pending_key.as_deref().unwrap_or_default()),
    }))
}

/// The sandbox bank's answer to the shopper's decision: the signed callback address, for the
/// amount the bank was asked to take. `None` for an unknown reference.
pub async fn sandbox_decision<C: ConnectionTrait>(
    db: &C,
    sandbox: &super::provider::Sandbox,
    reference: &str,
    outcome: Outcome,
) -> Result<Option<String>, DbErr> {
    let pay = payment::Entity::find().filter(payment::Column::Reference.eq(reference)).one(db).await?;
    Ok(pay.map(|p| sandbox.callback_url(&p.reference, outcome, p.amount_cents)))
}

/// Why a callback was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Verify(#[from] super::provider::VerifyError),
    #[error(transparent)]
    Callback(#[from] CallbackError),
}

/// A provider's server-to-server notification: verified and applied exactly like the
/// browser's return (whichever comes first decides; the other changes nothing), so a payment
/// is recorded even when the shopper closes the tab at the bank.
pub async fn handle_notification(
    db: &DatabaseConnection,
    provider: &dyn super::provider::PaymentProvider,
    params: &std::collections::HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Applied, Refused> {
    let callback = provider.verify(params)?;
    Ok(apply_callback(db, &callback, now).await?)
}

/// Verifies a callback with the provider and applies it; returns the order page to show.
pub async fn handle_callback(
    db: &DatabaseConnection,
    provider: &dyn super::provider::PaymentProvider,
    params: &std::collections::HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<String, Refused> {
    let callback = provider.verify(params)?;
    let applied = apply_callback(db, &callback, now).await?;
    Ok(crate::orders::order_path(&applied.order_lang, applied.order_id, &applied.order_token))
}
