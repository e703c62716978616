//! Reading orders for their buyer, and queueing the confirmation e-mail.

use super::{InvoiceParty, OrderLineView, OrderStatus, OrderView, PaymentStatus, ShipmentView};
use crate::db::entity::{instalment, order, order_line, payment, seller, shipment};
use crate::i18n::Lang;
use crate::ids::{CartId, OrderId, UserId};
use crate::offers::service::localized;
use crate::payment::instalments::Instalment;
use crate::vat::{breakdown, rate_bp, VatClass};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The shop's public origin for links in e-mails (`TURG_PUBLIC_URL`, else the local address).
pub fn public_url() -> String {
    crate::config::get_or_default().public_url_or_local()
}

/// An order for whoever may see it: the holder of its key (compared as SHA-256 with the stored
/// hash, so the key itself is never kept), or the browser holding the cart it was placed from
/// (`cart_id`: that browser sees the cart's checkout draft, with the same contact, anyway).
/// `None` for a missing order and for a wrong key alike, so keys cannot be probed.
pub async fn order_for<C: ConnectionTrait>(
    db: &C,
    order_id: OrderId,
    key: &str,
    cart_id: Option<CartId>,
    account: Option<UserId>,
    provider: Option<&dyn crate::payment::provider::PaymentProvider>,
) -> Result<Option<OrderView>, DbErr> {
    let order_id = order_id.0;
    let Some(o) = order::Entity::find_by_id(order_id).one(db).await? else { return Ok(None) };
    let access = super::cancel::OrderAccess { key, cart_id, account };
    let by_key = access.by_key(&o);
    if !access.opens(&o) {
        return Ok(None);
    }
    let mut view = order_view(db, order_id, provider).await?;
    if let (true, Some(v)) = (by_key, view.as_mut()) {
        v.token = key.to_owned();
    }
    Ok(view)
}

/// An order's stored buy-now-pay-later schedule, in order (empty for the bank link).
pub async fn instalments<C: ConnectionTrait>(db: &C, order_id: i32) -> Result<Vec<Instalment>, DbErr> {
    Ok(instalment::Entity::find()
        .filter(instalment::Column::OrderId.eq(order_id))
        .order_by_asc(instalment::Column::Seq)
        .all(db)
        .await?
        .into_iter()
        .map(|i| Instalment { due: i.due_on, amount_cents: i.amount_cents })
        .collect())
}

/// An order as its buyer sees it, in the order's language. `provider` makes the "pay now"
/// link of an order still awaiting payment (none without a provider).
pub async fn order_view<C: ConnectionTrait>(
    db: &C,
    order_id: i32,
    provider: Option<&dyn crate::payment::provider::PaymentProvider>,
) -> Result<Option<OrderView>, DbErr> {
    let Some(o) = order::Entity::find_by_id(order_id).one(db).await? else { return Ok(None) };
    let lang = Lang::from_code(&o.lang).unwrap_or_default();
    let shipments = shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(o.id))
        .order_by_asc(shipment::Column::Id)
        .all(db)
        .await?;
    let lines = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(o.id))
        .order_by_asc(order_line::Column::Id)
        .all(db)
        .await?;
    let seller_ids: Vec<i32> = shipments.iter().map(|s| s.seller_id).collect();
    let sellers: HashMap<i32, seller::Model> =
        seller::Entity::find().filter(seller::Column::Id.is_in(seller_ids)).all(db).await?.into_iter().map(|s| (s.id, s)).collect();
    let pay = payment::Entity::find()
        .filter(payment::Column::OrderId.eq(o.id))
        .order_by_desc(payment::Column::Id)
        .one(db)
        .await?;
    let instalments = instalments(db, o.id).await?;
    let perishable = super::claims::perishable_shipments(db, &lines).await?;
    let claims = super::claims::claims_of_order(db, o.id).await?;
    let now = Utc::now();

    let placed_on = crate::delivery::local_time::to_tallinn(o.placed_at).date();
    let standard = rate_bp("EE", VatClass::Standard, placed_on).unwrap_or(0);
    // A transport order's lines cost nothing now (paid for when bought into the pantry).
    let mut amounts: Vec<(i64, u32)> =
        lines.iter().filter(|l| l.total_cents != 0).map(|l| (l.total_cents, l.vat_rate_bp.max(0) as u32)).collect();
    if o.delivery_cents > 0 {
        amounts.push((o.delivery_cents, standard));
    }
    let mut parties = Vec::new();
    let shipment_views = shipments
        .iter()
        .map(|s| {
            let seller = sellers.get(&s.seller_id);
            if let Some(seller) = seller {
                parties.push(InvoiceParty {
                    legal_name: seller.legal_name.clone(),
                    registry_code: seller.registry_code.clone(),
                    vat_number: seller.vat_number.clone(),
                    address: format!("{}, {} {}, {}", seller.street, seller.postal_code, seller.city, seller.country),
                });
            }
            ShipmentView {
                id: s.id,
                seller_name: seller.map(|x| x.name.clone()).unwrap_or_default(),
                seller_slug: seller.map(|x| x.slug.clone()).unwrap_or_default(),
                method_name: localized(&s.method_name, lang),
                method_kind: s.method_kind,
                goods_cents: s.goods_cents,
                fee_cents: s.fee_cents,
                earliest: s.earliest,
                latest: s.latest,
                status: s.status,
                to_pantry: s.to_pantry,
                after: super::claims::after_delivery(s, perishable.contains(&s.id), now),
                claims: claims.iter().filter(|c| c.shipment_id == s.id).map(super::claims::claim_view).collect(),
                tracking: tracking_of(s),
                lines: lines
                    .iter()
                    .filter(|l| l.shipment_id == s.id)
                    .map(|l| OrderLineView {
                        product_slug: l.product_slug.clone(),
                        title: l.title.clone(),
                        quantity: l.quantity,
                        unit_price_cents: l.unit_price_cents,
                        total_cents: l.total_cents,
                        vat_rate_bp: l.vat_rate_bp.max(0) as u32,
                        mode: l.mode,
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Some(OrderView {
        id: o.id,
        token: o.pending_key.unwrap_or_default(),
        lang,
        status: o.status,
        placed_at: o.placed_at,
        paid_at: o.paid_at,
        name: o.name,
        email: o.email,
        phone: o.phone,
        street: o.street,
        city: o.city,
        postal_code: o.postal_code,
        county: o.county,
        courier_comment: o.courier_comment,
        paper_invoice: o.paper_invoice,
        shipments: shipment_views,
        goods_cents: o.goods_cents,
        delivery_cents: o.delivery_cents,
        total_cents: o.total_cents,
        vat: breakdown(&amounts),
        payment_method: o.payment_method,
        bank: o.bank,
        pay_path: pay
            .as_ref()
            .filter(|p| p.status == PaymentStatus::Pending && o.status == OrderStatus::AwaitingPayment)
            .and_then(|p| provider.map(|provider| provider.start_url(lang, &p.reference))),
        // No payment row reads as waiting for one, unless nothing was due (a free transport
        // order from the pantry is confirmed at once).
        payment_status: pay.map_or(if o.status == OrderStatus::Paid { PaymentStatus::Paid } else { PaymentStatus::Pending }, |p| p.status),
        transport: o.transport,
        instalments,
        invoice_number: o.invoice_number,
        invoiced_on: o.invoiced_on,
        sellers: parties,
    }))
}

/// Queues the order confirmation with the invoice (once per order: the outbox's key).
pub async fn queue_confirmation<C: ConnectionTrait>(db: &C, order_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(view) = order_view(db, order_id, None).await? else { return Ok(()) };
    let email = super::email::order_confirmation(&view, &public_url());
    crate::outbox::enqueue(
        db,
        crate::outbox::NewMessage {
            dedupe_key: format!("order-confirmation:{order_id}"),
            kind: "order_confirmation",
            lang: view.lang,
            to: view.email.clone(),
            email,
        },
        now,
    )
    .await
}

/// Queues a notice about one shipment to its buyer (in the order's language) and to its seller
/// (in Estonian, the platform's language with its sellers), once each: `notice(lang, to_seller)`
/// renders it. The outbox keys are `{kind}:{shipment}:buyer` and `…:seller`.
pub async fn tell_buyer_and_seller<C: ConnectionTrait>(
    db: &C,
    kind: &'static str,
    shipment_id: i32,
    o: &order::Model,
    seller: Option<&seller::Model>,
    notice: impl Fn(Lang, bool) -> super::email::Email,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let lang = Lang::from_code(&o.lang).unwrap_or_default();
    let to_buyer = crate::outbox::NewMessage {
        dedupe_key: format!("{kind}:{shipment_id}:buyer"),
        kind,
        lang,
        to: o.email.clone(),
        email: notice(lang, false),
    };
    crate::outbox::enqueue(db, to_buyer, now).await?;
    if let Some(seller) = seller {
        let to_seller = crate::outbox::NewMessage {
            dedupe_key: format!("{kind}:{shipment_id}:seller"),
            kind,
            lang: Lang::Et,
            to: seller.email.clone(),
            email: notice(Lang::Et, true),
        };
        crate::outbox::enqueue(db, to_seller, now).await?;
    }
    Ok(())
}

/// The carrier and tracking number a seller gave when shipping, if it has.
pub fn tracking_of(s: &shipment::Model) -> Option<super::Tracking> {
    s.carrier.clone().zip(s.tracking_number.clone()).map(|(carrier, number)| super::Tracking { carrier, number })
}

/// "My orders": every order of the signed-in account (placed while signed in, or claimed),
/// newest first, with how many shipments each has. Two queries.
pub async fn orders_of<C: ConnectionTrait>(
    db: &C,
    who: &crate::accounts::visitor::SignedIn,
) -> Result<Vec<crate::accounts::MyOrder>, DbErr> {
    let orders = order::Entity::find()
        .filter(order::Column::UserId.eq(who.user_id()))
        .order_by_desc(order::Column::PlacedAt)
        .order_by_desc(order::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = orders.iter().map(|o| o.id).collect();
    let mut shipments: HashMap<i32, u32> = HashMap::new();
    for s in shipment::Entity::find().filter(shipment::Column::OrderId.is_in(ids)).all(db).await? {
        *shipments.entry(s.order_id).or_default() += 1;
    }
    Ok(orders
        .into_iter()
        .map(|o| crate::accounts::MyOrder {
            id: o.id,
            placed_at: o.placed_at,
            status: o.status,
            total_cents: o.total_cents,
            shipments: shipments.get(&o.id).copied().unwrap_or(0),
        })
        .collect())
}

/// Guest orders placed with the account's (confirmed) e-mail that no account holds yet.
fn claimable(who: &crate::accounts::visitor::SignedIn) -> sea_orm::Condition {
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    sea_orm::Condition::all()
        .add(order::Column::UserId.is_null())
        .add(ExprTrait::eq(Expr::expr(Func::lower(Expr::col(order::Column::Email))), who.visitor().email().to_lowercase()))
}

/// How many guest orders the account could claim.
pub async fn claimable_count<C: ConnectionTrait>(db: &C, who: &crate::accounts::visitor::SignedIn) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    order::Entity::find().filter(claimable(who)).count(db).await
}

/// Claims them: they join "My orders". Only an account whose address is confirmed can be
/// signed in, so the e-mail is the account holder's own.
pub async fn claim_guest_orders<C: ConnectionTrait>(db: &C, who: &crate::accounts::visitor::SignedIn) -> Result<u64, DbErr> {
    use sea_orm::sea_query::Expr;
    let done = order::Entity::update_many()
        .col_expr(order::Column::UserId, Expr::value(who.user_id()))
        .filter(claimable(who))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
