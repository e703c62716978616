//! A seller's shipments, read and moved on for one of its members (the `Member` guard carries
//! the seller: every query is limited to it). A status moves only from the status it was read
//! in, so a double click or two people moves it once.

use super::area::Member;
use super::shipments::{tracking, SellerShipment, ShipAction, ShipProblem, ShipmentFilter, ShipmentsPage, SHIPMENTS_PER_PAGE};
use crate::catalog::paging::Page;
use crate::db::entity::{order, order_line, shipment};
use crate::delivery::local_time::tallinn_to_utc;
use crate::i18n::{fill, Lang};
use crate::orders::{OrderStatus, Tracking};
use chrono::{DateTime, Days, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// Why a shipment action was not taken.
#[derive(Debug, thiserror::Error)]
pub enum ShipError {
    #[error("refused: {0:?}")]
    Problem(ShipProblem),
    /// No such shipment of this seller.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// One page of the seller's shipments of paid orders (and later), newest first.
pub async fn shipments_page<C: ConnectionTrait>(
    db: &C,
    me: &Member,
    lang: Lang,
    filter: &ShipmentFilter,
    requested: u64,
) -> Result<ShipmentsPage, DbErr> {
    let mut ids_of_orders = order::Entity::find().select_only().column(order::Column::Id).filter(order::Column::Status.eq(OrderStatus::Paid));
    if let Some(from) = filter.from {
        ids_of_orders = ids_of_orders.filter(order::Column::PlacedAt.gte(tallinn_to_utc(from.and_time(chrono::NaiveTime::MIN))));
    }
    if let Some(to) = filter.to.and_then(|d| d.checked_add_days(Days::new(1))) {
        ids_of_orders = ids_of_orders.filter(order::Column::PlacedAt.lt(tallinn_to_utc(to.and_time(chrono::NaiveTime::MIN))));
    }
    let mut q = shipment::Entity::find()
        .filter(shipment::Column::SellerId.eq(me.seller_id()))
        .filter(shipment::Column::OrderId.in_subquery(sea_orm::QueryTrait::into_query(ids_of_orders)));
    if let Some(s) = filter.status {
        q = q.filter(shipment::Column::Status.eq(s));
    }
    let total = q.clone().count(db).await?;
    let page = Page::new(requested, total, SHIPMENTS_PER_PAGE);
    let shipments = q
        .order_by_desc(shipment::Column::Id)
        .offset(page.offset(SHIPMENTS_PER_PAGE))
        .limit(SHIPMENTS_PER_PAGE)
        .all(db)
        .await?;
    let order_ids: Vec<i32> = shipments.iter().map(|s| s.order_id).collect();
    let orders: HashMap<i32, order::Model> =
        order::Entity::find().filter(order::Column::Id.is_in(order_ids)).all(db).await?.into_iter().map(|o| (o.id, o)).collect();
    let ids: Vec<i32> = shipments.iter().map(|s| s.id).collect();
    let lines = order_line::Entity::find()
        .filter(order_line::Column::ShipmentId.is_in(ids))
        .order_by_asc(order_line::Column::Id)
        .all(db)
        .await?;
    let rows = shipments
        .iter()
        .filter_map(|s| {
            let o = orders.get(&s.order_id)?;
            Some(SellerShipment {
                id: s.id,
                order_id: o.id,
                placed_at: o.placed_at,
                status: s.status,
                buyer: o.name.clone(),
                address: format!("{}, {} {}, {}", o.street, o.postal_code, o.city, crate::i18n::county_name(lang.texts(), o.county)),
                method_name: crate::offers::service::localized(&s.method_name, lang),
                goods_cents: s.goods_cents,
                fee_cents: s.fee_cents,
                earliest: s.earliest,
                latest: s.latest,
                lines: lines.iter().filter(|l| l.shipment_id == s.id).map(|l| format!("{} × {}", l.quantity, l.title)).collect(),
                tracking: crate::orders::service::tracking_of(s),
                to_pantry: s.to_pantry,
                transport: o.transport,
            })
        })
        .collect();
    Ok(ShipmentsPage { rows, page, filter: filter.clone(), answer: None })
}

/// Takes `action` on one of the seller's shipments.
pub async fn act<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    me: &Member,
    shipment_id: i32,
    action: ShipAction,
    carrier: &str,
    number: &str,
    now: DateTime<Utc>,
) -> Result<shipment::Model, ShipError> {
    let txn = crate::db::begin(db).await?;
    let s = shipment::Entity::find_by_id(shipment_id)
        .filter(shipment::Column::SellerId.eq(me.seller_id()))
        .one(&txn)
        .await?
        .ok_or(ShipError::NotFound)?;
    // Goods stored in a buyer's pantry are not sent until a transport order asks for them.
    if s.to_pantry || !action.allowed_from(s.status) {
        return Err(ShipError::Problem(ShipProblem::NotNow(s.status)));
    }
    let given = match action {
        ShipAction::Ship => Some(tracking(carrier, number).map_err(ShipError::Problem)?),
        _ => None,
    };
    let (_, to) = action.from_to();
    let mut update = shipment::Entity::update_many()
        .col_expr(shipment::Column::Status, Expr::value(to))
        .col_expr(shipment::Column::StatusAt, Expr::value(now));
    if let Some(t) = &given {
        update = update
            .col_expr(shipment::Column::Carrier, Expr::value(t.carrier.clone()))
            .col_expr(shipment::Column::TrackingNumber, Expr::value(t.number.clone()))
            .col_expr(shipment::Column::ShippedAt, Expr::value(now));
    }
    if action == ShipAction::Deliver {
        update = update.col_expr(shipment::Column::DeliveredAt, Expr::value(now));
    }
    let moved = update.filter(shipment::Column::Id.eq(s.id)).filter(shipment::Column::Status.eq(s.status)).exec(&txn).await?;
    if moved.rows_affected != 1 {
        return Err(ShipError::Problem(ShipProblem::NotNow(s.status)));
    }
    if let Some(t) = &given {
        let o = order::Entity::find_by_id(s.order_id).one(&txn).await?.ok_or(ShipError::NotFound)?;
        tell_buyer_shipped(&txn, &o, &s, &me.seller().name, t, now).await?;
    }
    let after = shipment::Entity::find_by_id(s.id).one(&txn).await?.ok_or(ShipError::NotFound)?;
    txn.commit().await?;
    Ok(after)
}

/// "Your parcel is on its way", with the carrier and tracking number, in the order's language.
async fn tell_buyer_shipped<C: ConnectionTrait>(
    db: &C,
    o: &order::Model,
    s: &shipment::Model,
    seller: &str,
    t: &Tracking,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let lang = Lang::from_code(&o.lang).unwrap_or_default();
    let texts = lang.texts();
    let values =
        [("order", o.id.to_string()), ("seller", seller.to_owned()), ("carrier", t.carrier.clone()), ("number", t.number.clone())];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let base = crate::config::get_or_default().public_url_or_local();
    let link = format!("{base}{}", crate::orders::order_path(lang.code(), o.id, ""));
    let email = crate::orders::email::Email::paragraphs(
        lang,
        fill(texts.mail_shipped_subject, &values),
        &[fill(texts.mail_shipped, &values)],
        Some((texts.mail_shipped_open, &link)),
    );
    let m = crate::outbox::NewMessage {
        dedupe_key: format!("shipped:{}", s.id),
        kind: "shipped",
        lang,
        to: o.email.clone(),
        email,
    };
    crate::outbox::enqueue(db, m, now).await
}
