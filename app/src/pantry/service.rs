//! The pantry in the database. Paid order lines bought into the pantry become lots
//! ([`store_paid`], inside the payment's transaction, so items appear exactly when the order
//! is paid); a transport order takes units from lots with conditional updates
//! (`quantity = quantity - n WHERE quantity >= n`) in the transaction that writes the order,
//! so of two transport orders racing for the same units one succeeds and the other is refused
//! with nothing changed; units of a transport order cancelled or never paid go back to their
//! lots once ([`give_back`], `pantry_takes.returned_at`), keeping their expiry.

use super::{
    expired, expiry_date, quote_transport, take, Choice, ItemView, ItemsProblem, Lot, LotView, PantryView, SavedAddress,
    Summary, TransportGroupView, TransportLine, TransportRequest, TransportView,
};
use crate::cart::MethodOptionView;
use crate::checkout::validate::Contact;
use crate::db::entity::{address, delivery_method, order, order_line, pantry_lot, pantry_take, seller, shipment, user};
use crate::delivery::{County, DeliveryKind, MethodTerms};
use crate::i18n::Lang;
use crate::orders::{Bank, LineMode, OrderStatus, PaymentMethod, ShipmentStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

fn today(now: DateTime<Utc>) -> NaiveDate {
    crate::delivery::local_time::to_tallinn(now).date()
}

/// Puts the paid order's lines bought into the pantry into its buyer's pantry (inside the
/// transaction that marks it paid; once per line: `order_line_id` is unique). Expiry counts
/// from the Tallinn day of payment.
pub async fn store_paid<C: ConnectionTrait>(db: &C, o: &order::Model, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(user_id) = o.user_id else { return Ok(()) };
    let lines = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(o.id))
        .filter(order_line::Column::Mode.eq(LineMode::Store))
        .all(db)
        .await?;
    if lines.is_empty() {
        return Ok(());
    }
    let ships: HashMap<i32, i32> = shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(o.id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.seller_id))
        .collect();
    let expires = expiry_date(today(now));
    let rows: Vec<pantry_lot::ActiveModel> = lines
        .iter()
        .map(|l| pantry_lot::ActiveModel {
            user_id: Set(user_id),
            order_id: Set(o.id),
            order_line_id: Set(l.id),
            product_id: Set(l.product_id),
            offer_id: Set(l.offer_id),
            seller_id: Set(ships.get(&l.shipment_id).copied().unwrap_or_default()),
            bought: Set(l.quantity),
            quantity: Set(l.quantity),
            unit_price_cents: Set(l.unit_price_cents),
            paid_at: Set(now),
            expires_on: Set(expires),
            reminded_30: Set(None),
            reminded_7: Set(None),
            ..Default::default()
        })
        .collect();
    pantry_lot::Entity::insert_many(rows)
        .on_conflict(sea_orm::sea_query::OnConflict::column(pantry_lot::Column::OrderLineId).do_nothing().to_owned())
        .try_insert()
        .exec(db)
        .await?;
    Ok(())
}

/// Units of transport-order lines go back to their lots (once: takes already returned are
/// skipped), keeping the lots' expiry. Inside the caller's transaction.
pub async fn give_back<C: ConnectionTrait>(db: &C, line_ids: &[i32], now: DateTime<Utc>) -> Result<(), DbErr> {
    if line_ids.is_empty() {
        return Ok(());
    }
    let mut takes = pantry_take::Entity::find()
        .filter(pantry_take::Column::OrderLineId.is_in(line_ids.iter().copied()))
        .filter(pantry_take::Column::ReturnedAt.is_null())
        .all(db)
        .await?;
    // In lot order, as every taking does, so concurrent changes lock rows in one order.
    takes.sort_by_key(|t| (t.lot_id, t.id));
    for t in takes {
        let done = pantry_take::Entity::update_many()
            .col_expr(pantry_take::Column::ReturnedAt, Expr::value(now))
            .filter(pantry_take::Column::Id.eq(t.id))
            .filter(pantry_take::Column::ReturnedAt.is_null())
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            pantry_lot::Entity::update_many()
                .col_expr(pantry_lot::Column::Quantity, Expr::col(pantry_lot::Column::Quantity).add(t.quantity))
                .filter(pantry_lot::Column::Id.eq(t.lot_id))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

async fn lots_of<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Vec<pantry_lot::Model>, DbErr> {
    pantry_lot::Entity::find()
        .filter(pantry_lot::Column::UserId.eq(user_id))
        .filter(pantry_lot::Column::Quantity.gt(0))
        .order_by_asc(pantry_lot::Column::ExpiresOn)
        .order_by_asc(pantry_lot::Column::Id)
        .all(db)
        .await
}

async fn sellers_by_id<C: ConnectionTrait>(db: &C, ids: Vec<i32>) -> Result<HashMap<i32, seller::Model>, DbErr> {
    Ok(seller::Entity::find().filter(seller::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|s| (s.id, s)).collect())
}

/// The pantry page: products with their lots, soonest expiry first.
pub async fn pantry_view<C: ConnectionTrait>(db: &C, user_id: i32, lang: Lang, now: DateTime<Utc>) -> Result<PantryView, DbErr> {
    let today = today(now);
    let lots = lots_of(db, user_id).await?;
    let product_ids: Vec<i32> = lots.iter().map(|l| l.product_id).collect();
    let products = crate::catalog::service::products_by_id(db, product_ids.clone()).await?;
    let titles = crate::catalog::service::titles(db, &product_ids, lang).await?;
    let sellers = sellers_by_id(db, lots.iter().map(|l| l.seller_id).collect()).await?;
    let mut items: Vec<ItemView> = Vec::new();
    for l in &lots {
        let lot = LotView {
            lot_id: l.id,
            order_id: l.order_id,
            seller_name: sellers.get(&l.seller_id).map(|s| s.name.clone()).unwrap_or_default(),
            quantity: l.quantity,
            bought: l.bought,
            paid_at: l.paid_at,
            expires_on: l.expires_on,
            days_left: super::days_left(l.expires_on, today),
            expired: expired(l.expires_on, today),
        };
        // Lots come soonest first, so products come in the order of their soonest lot.
        let item = match items.iter_mut().find(|i| i.product_id == l.product_id) {
            Some(i) => i,
            None => {
                let p = products.get(&l.product_id);
                let images: Vec<String> = p.and_then(|p| serde_json::from_str(&p.images).ok()).unwrap_or_default();
                items.push(ItemView {
                    product_id: l.product_id,
                    product_slug: p.map(|p| p.slug.clone()).unwrap_or_default(),
                    title: titles.get(&l.product_id).cloned().or_else(|| p.map(|p| p.slug.clone())).unwrap_or_default(),
                    image: images.into_iter().next(),
                    cold: p.is_some_and(|p| p.cold_chain),
                    usable: 0,
                    expired: 0,
                    lots: Vec::new(),
                });
                items.last_mut().expect("just pushed")
            }
        };
        if lot.expired {
            item.expired += lot.quantity;
        } else {
            item.usable += lot.quantity;
        }
        item.lots.push(lot);
    }
    let county = address::Entity::find()
        .filter(address::Column::UserId.eq(user_id))
        .order_by_asc(address::Column::Id)
        .one(db)
        .await?
        .and_then(|a| County::from_code(&a.county));
    Ok(PantryView { items, today, county })
}

/// The pantry in figures, for the account's home page.
pub async fn summary<C: ConnectionTrait>(db: &C, user_id: i32, now: DateTime<Utc>) -> Result<Summary, DbErr> {
    let today = today(now);
    let lots = lots_of(db, user_id).await?;
    let mut products: Vec<i32> = Vec::new();
    let mut s = Summary::default();
    for l in &lots {
        if expired(l.expires_on, today) {
            s.expired += l.quantity;
            continue;
        }
        s.units += l.quantity;
        s.soonest = Some(s.soonest.map_or(l.expires_on, |d| std::cmp::Ord::min(d, l.expires_on)));
        if !products.contains(&l.product_id) {
            products.push(l.product_id);
        }
    }
    s.products = products.len() as i32;
    Ok(s)
}

/// Everything a transport order's quote is made of.
struct Prepared {
    view: TransportView,
    /// Per take: the lot, the units, the product's title and slug.
    takes: Vec<(pantry_lot::Model, u32, String, String)>,
    /// Per seller: the method row and the day chosen.
    deliveries: Vec<(i32, delivery_method::Model, i64, NaiveDate, NaiveDate)>,
}

/// Prices a transport order for `req` at `now` (the page shows it; placing prices it again).
async fn prepare<C: ConnectionTrait>(db: &C, user_id: i32, req: &TransportRequest, lang: Lang, now: DateTime<Utc>) -> Result<Prepared, DbErr> {
    let today = today(now);
    let lots = lots_of(db, user_id).await?;
    let pure: Vec<Lot> =
        lots.iter().map(|l| Lot { id: l.id, product_id: l.product_id, quantity: std::cmp::Ord::max(l.quantity, 0) as u32, expires: l.expires_on }).collect();
    let saved = address::Entity::find().filter(address::Column::UserId.eq(user_id)).order_by_asc(address::Column::Id).all(db).await?;
    let account = user::Entity::find_by_id(user_id).one(db).await?;
    // The saved address chosen (else, with no county asked for, the first one) fills the form.
    let chosen_address = match req.address {
        Some(id) => saved.iter().find(|a| a.id == id),
        None if req.county.is_none() => saved.first(),
        None => None,
    };
    let county = chosen_address
        .and_then(|a| County::from_code(&a.county))
        .or(req.county)
        .unwrap_or(County::DEFAULT);
    let (taken, problem) = match take(&pure, &req.items, today) {
        Ok(t) => (t, None),
        Err(e) => (Vec::new(), Some(ItemsProblem::from(e))),
    };
    let by_id: HashMap<i32, &pantry_lot::Model> = lots.iter().map(|l| (l.id, l)).collect();
    let product_ids: Vec<i32> = lots.iter().map(|l| l.product_id).collect();
    let products = crate::catalog::service::products_by_id(db, product_ids.clone()).await?;
    let titles = crate::catalog::service::titles(db, &product_ids, lang).await?;
    let mut takes = Vec::new();
    let mut lines = Vec::new();
    for t in &taken {
        let Some(lot) = by_id.get(&t.lot_id) else { continue };
        let p = products.get(&lot.product_id);
        lines.push(TransportLine {
            lot_id: lot.id,
            offer_id: lot.offer_id,
            seller_id: lot.seller_id,
            quantity: t.quantity,
            unit_price_cents: lot.unit_price_cents,
            cold_chain: p.is_some_and(|p| p.cold_chain),
        });
        let title = titles.get(&lot.product_id).cloned().or_else(|| p.map(|p| p.slug.clone())).unwrap_or_default();
        takes.push(((*lot).clone(), t.quantity, title, p.map(|p| p.slug.clone()).unwrap_or_default()));
    }
    let seller_ids: Vec<i32> = lines.iter().map(|l| l.seller_id).collect();
    let sellers = sellers_by_id(db, seller_ids.clone()).await?;
    let (methods, rows) = crate::cart::service::methods_of(db, seller_ids).await?;
    let chosen_of = |seller: i32| req.choices.iter().find(|c| c.seller_id == seller).copied();
    let standard = crate::vat::rate_bp("EE", crate::vat::VatClass::Standard, today).unwrap_or(0);
    const NONE: &[MethodTerms] = &[];
    let quote = quote_transport(
        &lines,
        |s| methods.get(&s).map_or(NONE, Vec::as_slice),
        |s| chosen_of(s).map(|c| c.method_id),
        county,
        standard,
        now,
    );
    let mut groups = Vec::new();
    let mut deliveries = Vec::new();
    let mut choices = Vec::new();
    let mut fingerprint = format!("{}|{}", super::format_items(&req.items), quote.fingerprint());
    for g in &quote.groups {
        let chosen = g.chosen.as_ref();
        let row = chosen.and_then(|c| rows.get(&c.method_id));
        let cold = row.is_some_and(|r| r.kind == DeliveryKind::ColdCourier);
        let days = match (chosen, cold) {
            (Some(c), true) => super::courier_day_choices(c.window.earliest),
            _ => Vec::new(),
        };
        let (earliest, latest) = match (chosen, cold) {
            (Some(_), true) => {
                let asked = chosen_of(g.seller_id).and_then(|c| c.date).filter(|d| days.contains(d));
                let day = asked.unwrap_or(days[0]);
                (Some(day), Some(day))
            }
            (Some(c), false) => (Some(c.window.earliest), Some(c.window.latest)),
            (None, _) => (None, None),
        };
        if let (Some(c), Some(row), Some(e), Some(l)) = (chosen, row, earliest, latest) {
            deliveries.push((g.seller_id, row.clone(), c.fee_cents, e, l));
            choices.push(Choice { seller_id: g.seller_id, method_id: c.method_id, date: cold.then_some(e) });
            fingerprint.push_str(&format!("|{e}"));
        }
        groups.push(TransportGroupView {
            seller_id: g.seller_id,
            seller_name: sellers.get(&g.seller_id).map(|s| s.name.clone()).unwrap_or_default(),
            lines: g.lines.iter().map(|&i| (takes[i].1 as i32, takes[i].2.clone())).collect(),
            goods_cents: g.goods_cents,
            options: g
                .options
                .iter()
                .filter_map(|o| {
                    let row = rows.get(&o.method_id)?;
                    Some(MethodOptionView {
                        method_id: o.method_id,
                        kind: row.kind,
                        name: crate::offers::service::localized(&row.name, lang),
                        fee_cents: o.fee_cents,
                        free_over_cents: row.free_over_cents,
                        window: o.window,
                    })
                })
                .collect(),
            chosen: chosen.map(|c| c.method_id),
            days,
            earliest,
            latest,
        });
    }
    let first = chosen_address;
    let view = TransportView {
        address: chosen_address.map(|a| a.id),
        items: req.items.clone(),
        problem,
        county,
        orderable: problem.is_none() && quote.orderable(),
        fee_cents: quote.delivery_cents,
        vat: quote.vat.clone(),
        fingerprint: crate::server::token_hash(&fingerprint),
        choices: super::format_choices(&choices),
        groups,
        addresses: saved
            .iter()
            .filter_map(|a| {
                Some(SavedAddress {
                    id: a.id,
                    label: format!("{}, {} {}", a.street, a.postal_code, a.city),
                    street: a.street.clone(),
                    city: a.city.clone(),
                    postal_code: a.postal_code.clone(),
                    county: County::from_code(&a.county)?,
                })
            })
            .collect(),
        name: account.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        phone: account.as_ref().map(|u| u.phone.clone()).unwrap_or_default(),
        street: first.map(|a| a.street.clone()).unwrap_or_default(),
        city: first.map(|a| a.city.clone()).unwrap_or_default(),
        postal_code: first.map(|a| a.postal_code.clone()).unwrap_or_default(),
    };
    Ok(Prepared { view, takes, deliveries })
}

/// The transport page's quote for `req`.
pub async fn transport_view<C: ConnectionTrait>(db: &C, user_id: i32, req: &TransportRequest, lang: Lang, now: DateTime<Utc>) -> Result<TransportView, DbErr> {
    Ok(prepare(db, user_id, req, lang, now).await?.view)
}

/// Why a transport order was not placed; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// Nothing chosen, more than is stored, no method reaches the county, …
    #[error("the transport order cannot be placed as it is")]
    NotOrderable,
    /// The fee, a date or the items are no longer what the shopper was shown.
    #[error("the fee or a date changed")]
    Changed,
    /// Another transport order took some of the units first.
    #[error("the items were taken by another transport order")]
    Taken,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A placed transport order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedTransport {
    pub order_id: i32,
    /// The payment to make, when a fee is due (else the order is already confirmed).
    pub payment_reference: Option<String>,
    pub fee_cents: i64,
}

/// Places a transport order for the signed-in `user_id`: prices `req` again (refused with
/// [`TransportError::Changed`] when it no longer matches `seen`), then in one transaction takes
/// the units from their lots (conditionally: a lot another order emptied meanwhile refuses the
/// whole order), and writes the order (goods 0, the fees as its total), one shipment per
/// seller with the chosen method and day, one line per lot taken, and, when a fee is due, the
/// payment awaiting it (bank link). Without a fee the order is confirmed at once.
#[allow(clippy::too_many_arguments)]
pub async fn place_transport(
    db: &DatabaseConnection,
    user_id: i32,
    req: &TransportRequest,
    contact: &Contact,
    bank: Option<Bank>,
    lang: Lang,
    seen: Option<&str>,
    now: DateTime<Utc>,
) -> Result<PlacedTransport, TransportError> {
    let prepared = prepare(db, user_id, req, lang, now).await?;
    let view = &prepared.view;
    if !view.orderable || prepared.deliveries.len() != view.groups.len() {
        return Err(TransportError::NotOrderable);
    }
    if seen.is_some_and(|s| s != view.fingerprint) {
        return Err(TransportError::Changed);
    }
    let fee = view.fee_cents;
    if fee > 0 && bank.is_none() {
        return Err(TransportError::NotOrderable);
    }
    let today = today(now);
    let txn = crate::db::begin(db).await?;
    let mut by_lot: Vec<(i32, u32)> = prepared.takes.iter().map(|(l, n, _, _)| (l.id, *n)).collect();
    by_lot.sort();
    for &(lot_id, n) in &by_lot {
        let done = pantry_lot::Entity::update_many()
            .col_expr(pantry_lot::Column::Quantity, Expr::col(pantry_lot::Column::Quantity).sub(n as i32))
            .filter(pantry_lot::Column::Id.eq(lot_id))
            .filter(pantry_lot::Column::UserId.eq(user_id))
            .filter(pantry_lot::Column::Quantity.gte(n as i32))
            .filter(pantry_lot::Column::ExpiresOn.gte(today))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            txn.rollback().await?;
            return Err(TransportError::Taken);
        }
    }
    let paid = fee == 0;
    let token = crate::server::random_token();
    let token_hash = crate::server::token_hash(&token);
    let vat: i64 = view.vat.iter().map(|v| v.vat_cents).sum();
    let o = order::ActiveModel {
        user_id: Set(Some(user_id)),
        token: Set(crate::server::legacy_token_column(&token_hash)),
        token_hash: Set(Some(token_hash)),
        pending_key: Set(None),
        cart_id: Set(None),
        lang: Set(lang.code().to_owned()),
        status: Set(if paid { OrderStatus::Paid } else { OrderStatus::AwaitingPayment }),
        name: Set(contact.name.clone()),
        email: Set(contact.email.clone()),
        phone: Set(contact.phone.clone()),
        street: Set(contact.street.clone()),
        city: Set(contact.city.clone()),
        postal_code: Set(contact.postal_code.clone()),
        county: Set(contact.county),
        courier_comment: Set(contact.comment.clone()),
        paper_invoice: Set(false),
        goods_cents: Set(0),
        delivery_cents: Set(fee),
        total_cents: Set(fee),
        vat_cents: Set(vat),
        payment_method: Set(PaymentMethod::BankLink),
        bank: Set(bank),
        pay_later_plan: Set(None),
        placed_at: Set(now),
        reserved_until: Set(now + Duration::minutes(crate::checkout::service::RESERVATION_MINUTES)),
        paid_at: Set(paid.then_some(now)),
        invoice_number: Set(None),
        invoiced_on: Set(None),
        pending_cart_id: Set(None),
        checkout_digest: Set(None),
        client_hash: Set(None),
        transport: Set(true),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let status = if paid { ShipmentStatus::Paid } else { ShipmentStatus::Placed };
    for (seller_id, row, fee_cents, earliest, latest) in &prepared.deliveries {
        let ship = shipment::ActiveModel {
            order_id: Set(o.id),
            seller_id: Set(*seller_id),
            delivery_method_id: Set(row.id),
            method_kind: Set(row.kind),
            method_name: Set(row.name.clone()),
            // The goods were paid for when bought: a cancelled transport refunds the fee only.
            goods_cents: Set(0),
            fee_cents: Set(*fee_cents),
            earliest: Set(*earliest),
            latest: Set(*latest),
            status: Set(status),
            status_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (lot, n, title, slug) in prepared.takes.iter().filter(|(l, ..)| l.seller_id == *seller_id) {
            let line = order_line::ActiveModel {
                order_id: Set(o.id),
                shipment_id: Set(ship.id),
                offer_id: Set(lot.offer_id),
                product_id: Set(lot.product_id),
                product_slug: Set(slug.clone()),
                title: Set(title.clone()),
                quantity: Set(*n as i32),
                unit_price_cents: Set(0),
                total_cents: Set(0),
                vat_rate_bp: Set(0),
                vat_cents: Set(0),
                mode: Set(LineMode::FromPantry),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            pantry_take::ActiveModel {
                order_id: Set(o.id),
                order_line_id: Set(line.id),
                lot_id: Set(lot.id),
                quantity: Set(*n as i32),
                returned_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    let reference = if paid {
        crate::orders::service::queue_confirmation(&txn, o.id, now).await?;
        None
    } else {
        Some(crate::payment::service::start_payment(&txn, o.id, PaymentMethod::BankLink, bank, fee, now).await?)
    };
    txn.commit().await?;
    Ok(PlacedTransport { order_id: o.id, payment_reference: reference, fee_cents: fee })
}

/// Queues the expiry reminders due at `now` (30 and 7 days before, once each, one e-mail per
/// shopper and reminder listing the products) and marks the lots reminded in the same
/// transaction. Returns how many e-mails were queued.
pub async fn send_reminders(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let today = today(now);
    let horizon = today + chrono::Days::new(super::REMIND_DAYS_BEFORE[0] as u64);
    let lots = pantry_lot::Entity::find()
        .filter(pantry_lot::Column::Quantity.gt(0))
        .filter(pantry_lot::Column::ExpiresOn.gte(today))
        .filter(pantry_lot::Column::ExpiresOn.lte(horizon))
        .filter(pantry_lot::Column::Reminded7.is_null())
        .order_by_asc(pantry_lot::Column::UserId)
        .order_by_asc(pantry_lot::Column::ExpiresOn)
        .all(db)
        .await?;
    // Per shopper and reminder: the lots it covers.
    let mut due: Vec<((i32, i64), Vec<pantry_lot::Model>)> = Vec::new();
    for l in lots {
        let sent: Vec<i64> = [(30, l.reminded_30.is_some()), (7, l.reminded_7.is_some())].into_iter().filter(|(_, s)| *s).map(|(d, _)| d).collect();
        let Some(days) = super::reminder_due(l.expires_on, today, &sent) else { continue };
        match due.iter_mut().find(|(k, _)| *k == (l.user_id, days)) {
            Some((_, v)) => v.push(l),
            None => due.push(((l.user_id, days), vec![l])),
        }
    }
    let mut queued = 0;
    for ((user_id, days), lots) in due {
        let Some(account) = user::Entity::find_by_id(user_id).one(db).await? else { continue };
        if account.deleted_at.is_some() {
            continue;
        }
        let lang = Lang::from_code(&account.lang).unwrap_or_default();
        let products = crate::catalog::service::products_by_id(db, lots.iter().map(|l| l.product_id).collect::<Vec<_>>()).await?;
        let names = crate::catalog::service::titles(db, &lots.iter().map(|l| l.product_id).collect::<Vec<_>>(), lang).await?;
        let list: Vec<(String, i32, NaiveDate)> = lots
            .iter()
            .map(|l| {
                let title = names.get(&l.product_id).cloned().or_else(|| products.get(&l.product_id).map(|p| p.slug.clone())).unwrap_or_default();
                (title, l.quantity, l.expires_on)
            })
            .collect();
        let email = super::mail::reminder(lang, days, &list, &format!("{}/{}/pantry", crate::orders::service::public_url(), lang.code()));
        let txn = crate::db::begin(db).await?;
        let column = if days == 7 { pantry_lot::Column::Reminded7 } else { pantry_lot::Column::Reminded30 };
        pantry_lot::Entity::update_many()
            .col_expr(column, Expr::value(now))
            .filter(pantry_lot::Column::Id.is_in(lots.iter().map(|l| l.id)))
            .exec(&txn)
            .await?;
        if days == 7 {
            // The 30-day one is never sent after the 7-day one.
            pantry_lot::Entity::update_many()
                .col_expr(pantry_lot::Column::Reminded30, Expr::value(now))
                .filter(pantry_lot::Column::Id.is_in(lots.iter().map(|l| l.id)))
                .filter(pantry_lot::Column::Reminded30.is_null())
                .exec(&txn)
                .await?;
        }
        let first = lots.iter().map(|l| l.id).min().unwrap_or_default();
        crate::outbox::enqueue(
            &txn,
            crate::outbox::NewMessage {
                dedupe_key: format!("pantry-reminder:{user_id}:{days}:{first}:{today}"),
                kind: "pantry_reminder",
                lang,
                to: account.email.clone(),
                email,
            },
            now,
        )
        .await?;
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}
