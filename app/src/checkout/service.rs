//! Turning a cart into an order. The cart is priced again at the moment of ordering (the fee
//! and date shown are the ones the order gets); then, in one transaction, the stock of every
//! line is reserved with a conditional update (`stock = stock - n WHERE stock >= n`, so two
//! shoppers can never both take the last unit, on SQLite and PostgreSQL alike), and the order,
//! its shipments (one per seller), lines (price, VAT and title as they are now), instalment
//! schedule and pending payment are written.
//!
//! **Idempotent.** A cart holds at most one order awaiting payment (`orders.pending_cart_id`,
//! unique, cleared when the order is paid or cancelled). Checking out compares what is asked
//! for with that order's [`checkout_digest`]: the same figures, lines, contact, payment choice
//! and language (a double click, a second tab, a retried form post) give that same order and
//! its payment reference, so the shopper reaches the same bank page; anything else replaces it
//! (its payment abandoned, shipments cancelled, stock returned) in the transaction that places
//! the new one. The transaction starts by locking the cart's row (a no-op update: SQLite's write
//! lock, PostgreSQL's row lock), so two posts of one cart never run side by side.
//!
//! **Limited.** At most [`MAX_PENDING_PER_ADDRESS`] orders awaiting payment placed from one
//! client address (stored as its SHA-256 only) within an hour.

use super::{plan_code, CheckoutView, Draft, PayChoice, PlanPreview};
use crate::cart::service::{facts, view, Facts};
use crate::db::entity::{cart, instalment, offer, order, order_line, payment, shipment};
use crate::i18n::Lang;
use crate::orders::{LineMode, OrderStatus, PaymentMethod, PaymentStatus, ShipmentStatus};
use crate::payment::instalments::{schedule, PayLater};
use crate::vat::vat_in_gross;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use super::validate::{validate_contact, Contact};
use crate::cart::pricing::{CartQuote, LineFacts};

/// How long an unpaid order holds its stock.
pub const RESERVATION_MINUTES: i64 = 30;
/// At most this many orders awaiting payment placed from one client address within an hour.
pub const MAX_PENDING_PER_ADDRESS: u64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// Empty, a line with a problem, or a seller group without delivery.
    #[error("the cart cannot be ordered as it is")]
    NotOrderable,
    /// Prices, fees or dates are no longer the ones the shopper saw.
    #[error("the cart's prices or dates changed")]
    Changed,
    /// Another order took the stock between pricing and reserving.
    #[error("offer {0} is sold out")]
    SoldOut(i32),
    /// [`MAX_PENDING_PER_ADDRESS`] orders from this address already await payment.
    #[error("too many orders awaiting payment from this address")]
    TooManyPending,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A placed order, waiting for its payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub order_id: i32,
    pub token: String,
    pub payment_reference: String,
    pub total_cents: i64,
    /// The same checkout was placed before: this is that order, nothing new was reserved.
    pub repeated: bool,
}

/// What a checkout asks for, as one SHA-256 (hex): the figures the shopper agreed to
/// ([`CartQuote::fingerprint`]: total, each seller's method, fee and dates), every line (offer,
/// quantity, unit price), the contact and address, the payment choice and the language. Two
/// posts with the same digest would write the same order, so the second gets the first's.
pub fn checkout_digest(quote: &CartQuote, lines: &[LineFacts], contact: &Contact, choice: PayChoice, lang: Lang) -> String {
    let mut text = quote.fingerprint();
    for l in lines {
        text.push_str(&format!("\n{}:{}:{}", l.offer_id, l.quantity, l.unit_price_cents));
    }
    // Serialising a plain struct of strings cannot fail; an empty contact part would only make
    // two checkouts differ that are the same, never the reverse.
    text.push_str(&format!("\n{}\n{}\n{}", serde_json::to_string(contact).unwrap_or_default(), choice.code(), lang.code()));
    crate::server::token_hash(&text)
}

/// The draft kept with a cart.
pub fn draft_of(cart: &cart::Model) -> Draft {
    cart.draft.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default()
}

/// Keeps what the shopper typed with the cart.
pub async fn save_draft<C: ConnectionTrait>(db: &C, cart_id: i32, draft: &Draft) -> Result<(), DbErr> {
    let json = serde_json::to_string(draft).map_err(|e| DbErr::Custom(e.to_string()))?;
    cart::Entity::update_many()
        .col_expr(cart::Column::Draft, Expr::value(json))
        .filter(cart::Column::Id.eq(cart_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The checkout page for a cart: its priced view, the draft, its problems and the plans.
pub async fn checkout_view<C: ConnectionTrait>(
    db: &C,
    cart: &cart::Model,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<CheckoutView, DbErr> {
    let facts = facts(db, cart, lang, now).await?;
    let quote = facts.quote(now);
    let draft = draft_of(cart);
    Ok(view_for(&facts, &quote, draft, lang, now))
}

fn view_for(facts: &Facts, quote: &crate::cart::pricing::CartQuote, draft: Draft, lang: Lang, now: DateTime<Utc>) -> CheckoutView {
    let today = crate::delivery::local_time::to_tallinn(now).date();
    let plans = [PayLater::In30Days, PayLater::Monthly(2), PayLater::Monthly(3)]
        .into_iter()
        .filter_map(|p| {
            Some(PlanPreview { choice: PayChoice::Later(p).code(), instalments: schedule(quote.total_cents, p, today).ok()? })
        })
        .collect();
    let (errors, payment_missing) = if draft.submitted {
        (validate_contact(&draft.form, quote.delivers()).err().unwrap_or_default(), PayChoice::from_code(&draft.payment).is_none())
    } else {
        (Vec::new(), false)
    };
    CheckoutView { cart: view(facts, quote, lang), draft, errors, payment_missing, plans, fingerprint: quote.fingerprint() }
}

/// Places the order for a cart with a validated contact and payment choice. `seen` is the
/// fingerprint of the figures the shopper was shown, if any: the order is refused with
/// [`PlaceError::Changed`] when the cart no longer prices the same. `client` is the client's
/// address ([`crate::server::client_address`]), `None` when unknown (then not limited).
///
/// The same checkout again gives the cart's order awaiting payment ([`Placed::repeated`]); a
/// different one replaces it (see the module's documentation).
#[allow(clippy::too_many_arguments)]
pub async fn place_order(
    db: &DatabaseConnection,
    cart: &cart::Model,
    contact: &Contact,
    choice: PayChoice,
    lang: Lang,
    seen: Option<&str>,
    client: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Placed, PlaceError> {
    // The cart's own pending order's units count as in stock here (`facts`): it is replaced below.
    let facts = facts(db, cart, lang, now).await?;
    let quote = facts.quote(now);
    if !quote.orderable() {
        return Err(PlaceError::NotOrderable);
    }
    if seen.is_some_and(|s| s != quote.fingerprint()) {
        return Err(PlaceError::Changed);
    }
    let today = crate::delivery::local_time::to_tallinn(now).date();
    let instalments = match choice {
        PayChoice::Later(plan) => schedule(quote.total_cents, plan, today).map_err(|_| PlaceError::NotOrderable)?,
        PayChoice::Bank(_) => Vec::new(),
    };
    let digest = checkout_digest(&quote, &facts.lines, contact, choice, lang);
    let client_hash = client.map(crate::server::token_hash);

    let txn = crate::db::begin(db).await?;
    // Lock the cart first: a no-op update of its row. As the first statement it takes SQLite's
    // write lock (so the transaction never has to upgrade a read snapshot); on PostgreSQL it
    // holds the row until commit. Either way a second checkout of this cart waits here and then
    // sees the order this one placed.
    cart::Entity::update_many()
        .col_expr(cart::Column::UpdatedAt, Expr::col(cart::Column::UpdatedAt))
        .filter(cart::Column::Id.eq(cart.id))
        .exec(&txn)
        .await?;
    if let Some(pending) = order::Entity::find().filter(order::Column::PendingCartId.eq(cart.id)).one(&txn).await? {
        let same = pending.status == OrderStatus::AwaitingPayment
            && pending.checkout_digest.as_deref() == Some(digest.as_str())
            && pending.reserved_until > now;
        let pay = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(pending.id))
            .filter(payment::Column::Status.eq(PaymentStatus::Pending))
            .order_by_desc(payment::Column::Id)
            .one(&txn)
            .await?;
        if let (true, Some(pay)) = (same, pay) {
            txn.commit().await?;
            return Ok(Placed {
                order_id: pending.id,
                token: pending.pending_key.unwrap_or_default(),
                payment_reference: pay.reference,
                total_cents: pending.total_cents,
                repeated: true,
            });
        }
        // Another checkout of this cart: the new order replaces the old one. Its stock comes
        // back and the new stock is taken in two passes; so that no other checkout can hold one
        // of these offers while waiting for another (a deadlock on PostgreSQL), every offer of
        // both is locked first, in id order, as every reservation does.
        let mut touched: Vec<i32> = order_line::Entity::find()
            .filter(order_line::Column::OrderId.eq(pending.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|l| l.offer_id)
            .chain(facts.lines.iter().map(|l| l.offer_id))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        for offer_id in touched {
            offer::Entity::update_many()
                .col_expr(offer::Column::Stock, Expr::col(offer::Column::Stock))
                .filter(offer::Column::Id.eq(offer_id))
                .exec(&txn)
                .await?;
        }
        crate::payment::service::abandon_order(&txn, pending.id, now).await?;
    }
    if let Some(hash) = &client_hash {
        let pending_here = order::Entity::find()
            .filter(order::Column::ClientHash.eq(hash.as_str()))
            .filter(order::Column::PlacedAt.gt(now - Duration::hours(1)))
            .filter(order::Column::Status.eq(OrderStatus::AwaitingPayment))
            .count(&txn)
            .await?;
        if pending_here >= MAX_PENDING_PER_ADDRESS {
            txn.rollback().await?;
            return Err(PlaceError::TooManyPending);
        }
    }

    // Offers in id order so PostgreSQL never deadlocks.
    let mut by_offer: Vec<(i32, i32)> = facts.lines.iter().map(|l| (l.offer_id, l.quantity)).collect();
    by_offer.sort();
    for &(offer_id, quantity) in &by_offer {
        let done = offer::Entity::update_many()
            .col_expr(offer::Column::Stock, Expr::col(offer::Column::Stock).sub(quantity))
            .filter(offer::Column::Id.eq(offer_id))
            .filter(offer::Column::Active.eq(true))
            .filter(offer::Column::Stock.gte(quantity))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            txn.rollback().await?;
            return Err(PlaceError::SoldOut(offer_id));
        }
    }

    let token = crate::server::random_token();
    let (method, bank, plan) = match choice {
        PayChoice::Bank(b) => (PaymentMethod::BankLink, Some(b), None),
        PayChoice::Later(p) => (PaymentMethod::PayLater, None, Some(plan_code(p).to_owned())),
    };
    let token_hash = crate::server::token_hash(&token);
    let order = order::ActiveModel {
        // An account's cart places the account's order.
        user_id: Set(cart.user_id),
        token: Set(crate::server::legacy_token_column(&token_hash)),
        token_hash: Set(Some(token_hash)),
        pending_key: Set(Some(token.clone())),
        cart_id: Set(Some(cart.id)),
        lang: Set(lang.code().to_owned()),
        status: Set(OrderStatus::AwaitingPayment),
        name: Set(contact.name.clone()),
        email: Set(contact.email.clone()),
        phone: Set(contact.phone.clone()),
        street: Set(contact.street.clone()),
        city: Set(contact.city.clone()),
        postal_code: Set(contact.postal_code.clone()),
        county: Set(contact.county),
        courier_comment: Set(contact.comment.clone()),
        paper_invoice: Set(contact.paper_invoice),
        goods_cents: Set(quote.goods_cents),
        delivery_cents: Set(quote.delivery_cents),
        total_cents: Set(quote.total_cents),
        vat_cents: Set(quote.vat_cents()),
        payment_method: Set(method),
        bank: Set(bank),
        pay_later_plan: Set(plan),
        placed_at: Set(now),
        reserved_until: Set(now + Duration::minutes(RESERVATION_MINUTES)),
        paid_at: Set(None),
        invoice_number: Set(None),
        invoiced_on: Set(None),
        pending_cart_id: Set(Some(cart.id)),
        checkout_digest: Set(Some(digest)),
        client_hash: Set(client_hash),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    for group in &quote.groups {
        let ship = if group.store {
            // Into the pantry: no method, no fee; stored from the day it is paid.
            shipment::ActiveModel {
                order_id: Set(order.id),
                seller_id: Set(group.seller_id),
                delivery_method_id: Set(0),
                method_kind: Set(crate::delivery::DeliveryKind::Pickup),
                method_name: Set(crate::pantry::METHOD_NAME.to_owned()),
                goods_cents: Set(group.goods_cents),
                fee_cents: Set(0),
                earliest: Set(today),
                latest: Set(today),
                status: Set(ShipmentStatus::Placed),
                status_at: Set(now),
                to_pantry: Set(true),
                ..Default::default()
            }
        } else {
            let chosen = group.chosen.as_ref().ok_or(PlaceError::NotOrderable)?;
            let method_row = facts.method_rows.get(&chosen.method_id).ok_or(PlaceError::NotOrderable)?;
            shipment::ActiveModel {
                order_id: Set(order.id),
                seller_id: Set(group.seller_id),
                delivery_method_id: Set(chosen.method_id),
                method_kind: Set(method_row.kind),
                method_name: Set(method_row.name.clone()),
                goods_cents: Set(group.goods_cents),
                fee_cents: Set(chosen.fee_cents),
                earliest: Set(chosen.window.earliest),
                latest: Set(chosen.window.latest),
                status: Set(ShipmentStatus::Placed),
                status_at: Set(now),
                ..Default::default()
            }
        }
        .insert(&txn)
        .await?;
        let lines: Vec<order_line::ActiveModel> = group
            .lines
            .iter()
            .map(|&i| {
                let l = &facts.lines[i];
                let (product, title) = &facts.products[i];
                let total = l.unit_price_cents * i64::from(l.quantity);
                order_line::ActiveModel {
                    order_id: Set(order.id),
                    shipment_id: Set(ship.id),
                    offer_id: Set(l.offer_id),
                    product_id: Set(product.id),
                    product_slug: Set(product.slug.clone()),
                    title: Set(title.clone()),
                    quantity: Set(l.quantity),
                    unit_price_cents: Set(l.unit_price_cents),
                    total_cents: Set(total),
                    vat_rate_bp: Set(l.vat_rate_bp as i32),
                    vat_cents: Set(vat_in_gross(total, l.vat_rate_bp)),
                    mode: Set(if l.store { LineMode::Store } else { LineMode::Deliver }),
                    ..Default::default()
                }
            })
            .collect();
        order_line::Entity::insert_many(lines).exec(&txn).await?;
    }

    if !instalments.is_empty() {
        let rows: Vec<instalment::ActiveModel> = instalments
            .iter()
            .enumerate()
            .map(|(k, i)| instalment::ActiveModel {
                order_id: Set(order.id),
                seq: Set(k as i16 + 1),
                due_on: Set(i.due),
                amount_cents: Set(i.amount_cents),
                ..Default::default()
            })
            .collect();
        instalment::Entity::insert_many(rows).exec(&txn).await?;
    }

    let reference = crate::payment::service::start_payment(&txn, order.id, method, bank, quote.total_cents, now).await?;

    // The buy box and search follow the new stock (through the change feed).
    let products: Vec<i32> = facts.products.iter().map(|(p, _)| p.id).collect();
    crate::catalog::service::refresh_offer_summaries(&txn, &products).await?;
    txn.commit().await?;
    Ok(Placed { order_id: order.id, token, payment_reference: reference, total_cents: quote.total_cents, repeated: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkout::validate::{validate, ContactForm};
    use crate::orders::Bank;

    fn contact(street: &str) -> Contact {
        validate(&ContactForm {
            name: "Mari Maasikas".into(),
            email: "mari@example.ee".into(),
            phone: "5123 4567".into(),
            street: street.into(),
            city: "Tallinn".into(),
            postal_code: "10123".into(),
            county: "harju".into(),
            comment: String::new(),
            paper_invoice: false,
        })
        .expect("valid")
    }

    fn line(quantity: i32, stock: i32) -> LineFacts {
        LineFacts {
            line_id: 1,
            offer_id: 7,
            seller_id: 3,
            quantity,
            unit_price_cents: 250,
            stock,
            sellable: true,
            cold_chain: false,
            handling_days: 1,
            vat_rate_bp: 2400,
            method_ids: None,
            store: false,
        }
    }

    fn quote(total: i64) -> CartQuote {
        CartQuote { groups: Vec::new(), problems: Vec::new(), goods_cents: total, delivery_cents: 0, total_cents: total, vat: Vec::new() }
    }

    #[test]
    fn the_same_checkout_has_the_same_digest_and_any_change_another() {
        let lhv = PayChoice::Bank(Bank::Lhv);
        let base = checkout_digest(&quote(500), &[line(2, 9)], &contact("Pikk 1"), lhv, Lang::En);
        assert_eq!(base.len(), 64);
        // Stock is not part of what the shopper asks for.
        assert_eq!(base, checkout_digest(&quote(500), &[line(2, 1)], &contact("Pikk 1"), lhv, Lang::En));
        for other in [
            checkout_digest(&quote(501), &[line(2, 9)], &contact("Pikk 1"), lhv, Lang::En),
            checkout_digest(&quote(500), &[line(3, 9)], &contact("Pikk 1"), lhv, Lang::En),
            checkout_digest(&quote(500), &[line(2, 9)], &contact("Pikk 2"), lhv, Lang::En),
            checkout_digest(&quote(500), &[line(2, 9)], &contact("Pikk 1"), PayChoice::Bank(Bank::Seb), Lang::En),
            checkout_digest(&quote(500), &[line(2, 9)], &contact("Pikk 1"), lhv, Lang::Et),
        ] {
            assert_ne!(base, other);
        }
    }
}
