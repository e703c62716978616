//! The pantry on a real database (SQLite and PostgreSQL): store mode in the cart, items
//! appearing once paid, transport orders taking units atomically (and giving them back when
//! cancelled), the fee by the food store's threshold, reminders once each, and two transport
//! orders racing for the same units.

mod support;

use app::cart::service::{self as cart, CartError, CartOwner};
use app::checkout::validate::{validate_contact, ContactForm};
use app::db::entity::{delivery_method, offer, order, order_line, outbox, pantry_lot, pantry_take, product, seller, shipment};
use app::i18n::Lang;
use app::ids::{CartId, OfferId, ShipmentId, UserId};
use app::orders::{Bank, LineMode, OrderStatus, ShipmentStatus};
use app::pantry::service::{self as pantry, TransportError};
use app::pantry::TransportRequest;
use app::payment::provider::{Callback, Outcome};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{confirmed_account, seeded, sunday};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Offers of the platform food store for storable products, in stock, by id.
async fn food_store_storable(db: &DatabaseConnection) -> Vec<offer::Model> {
    let store = seller::Entity::find().filter(seller::Column::Slug.eq("turg-toidupood")).one(db).await.unwrap().unwrap();
    let storable: Vec<i32> =
        product::Entity::find().filter(product::Column::Storable.eq(true)).all(db).await.unwrap().into_iter().map(|p| p.id).collect();
    offer::Entity::find()
        .filter(offer::Column::SellerId.eq(store.id))
        .filter(offer::Column::ProductId.is_in(storable))
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gte(10))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await
        .unwrap()
}

fn pantry_contact() -> app::checkout::validate::Contact {
    validate_contact(
        &ContactForm {
            name: "Mari Maasikas".into(),
            email: "mari@example.ee".into(),
            phone: "5123 4567".into(),
            street: String::new(),
            city: String::new(),
            postal_code: String::new(),
            county: String::new(),
            comment: String::new(),
            paper_invoice: false,
        },
        false,
    )
    .unwrap()
}

/// Buys `units` of each offer into the account's pantry and pays: the order's id.
async fn buy_into_pantry(db: &DatabaseConnection, user_id: i32, offers: &[offer::Model], units: i32) -> i32 {
    let now = sunday();
    let (c, _) = cart::find_or_create(db, CartOwner::Account(user_id), now).await.unwrap();
    for o in offers {
        cart::add(db, CartId(c.id), OfferId(o.id), units, now).await.unwrap();
    }
    let lines = app::db::entity::cart_line::Entity::find()
        .filter(app::db::entity::cart_line::Column::CartId.eq(c.id))
        .all(db)
        .await
        .unwrap();
    for l in &lines {
        cart::set_mode(db, CartId(c.id), l.id, true, true, now).await.unwrap();
    }
    let facts = cart::facts(db, &c, Lang::En, now).await.unwrap();
    let quote = facts.quote(now);
    assert!(quote.orderable() && quote.stores() && !quote.delivers(), "{quote:?}");
    assert_eq!(quote.delivery_cents, 0, "nothing delivered, no fee");
    let placed = app::checkout::service::place_order(db, &c, &pantry_contact(), app::checkout::PayChoice::Bank(Bank::Lhv), Lang::En, None, None, now)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Not paid yet: nothing in the pantry.
    assert!(pantry::pantry_view(db, user_id, Lang::En, now).await.unwrap().items.is_empty(), "items appear only after payment");
    let paid = Callback { reference: placed.payment_reference, outcome: Outcome::Paid, amount_cents: placed.total_cents };
    app::payment::service::apply_callback(db, &paid, now).await.unwrap();
    placed.order_id
}

async fn stored(db: &DatabaseConnection, user_id: i32, product_id: i32) -> i32 {
    pantry_lot::Entity::find()
        .filter(pantry_lot::Column::UserId.eq(user_id))
        .filter(pantry_lot::Column::ProductId.eq(product_id))
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|l| l.quantity)
        .sum()
}

fn transport_contact() -> app::checkout::validate::Contact {
    support::contact()
}

async fn store_pay_transport_and_cancel(db: &DatabaseConnection) {
    seeded(db).await;
    let user = confirmed_account(db, "pantry@example.ee").await;
    let offers = food_store_storable(db).await;
    assert!(offers.len() >= 3, "the demo food store sells storable goods");
    let offers = &offers[..3];

    // Store mode: only a signed-in shopper's cart, only storable products.
    let (guest, _) = cart::find_or_create(db, CartOwner::Guest(None), sunday()).await.unwrap();
    cart::add(db, CartId(guest.id), OfferId(offers[0].id), 1, sunday()).await.unwrap();
    let line = app::db::entity::cart_line::Entity::find().filter(app::db::entity::cart_line::Column::CartId.eq(guest.id)).one(db).await.unwrap().unwrap();
    assert!(matches!(cart::set_mode(db, CartId(guest.id), line.id, true, false, sunday()).await, Err(CartError::NeedsAccount)));
    assert_eq!(cart::count(db, guest.id).await.unwrap(), 1, "the guest's cart is kept");
    let dry_not_storable = product::Entity::find().filter(product::Column::Storable.eq(false)).all(db).await.unwrap();
    let other = offer::Entity::find()
        .filter(offer::Column::ProductId.is_in(dry_not_storable.iter().map(|p| p.id)))
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gte(1))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let (mine, _) = cart::find_or_create(db, CartOwner::Account(user), sunday()).await.unwrap();
    cart::add(db, CartId(mine.id), OfferId(other.id), 1, sunday()).await.unwrap();
    let l = app::db::entity::cart_line::Entity::find().filter(app::db::entity::cart_line::Column::CartId.eq(mine.id)).one(db).await.unwrap().unwrap();
    assert!(matches!(cart::set_mode(db, CartId(mine.id), l.id, true, true, sunday()).await, Err(CartError::NotStorable)));
    cart::set_quantity(db, CartId(mine.id), l.id, 0, sunday()).await.unwrap();

    let stock_before: Vec<i32> = offers.iter().map(|o| o.stock).collect();
    let order_id = buy_into_pantry(db, user, offers, 3).await;

    // The order: one shipment into the pantry, no fee, lines marked stored.
    let ships = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).all(db).await.unwrap();
    assert_eq!(ships.len(), 1);
    assert!(ships[0].to_pantry && ships[0].fee_cents == 0);
    let lines = order_line::Entity::find().filter(order_line::Column::OrderId.eq(order_id)).all(db).await.unwrap();
    assert!(lines.iter().all(|l| l.mode == LineMode::Store));
    let view = app::orders::service::order_view(db, order_id, None).await.unwrap().unwrap();
    assert!(view.shipments[0].to_pantry && view.shipments[0].lines.iter().all(|l| l.mode == LineMode::Store));

    // The pantry: three products, 3 each, kept until the same day next year, soonest first.
    let now = sunday();
    let p = pantry::pantry_view(db, user, Lang::En, now).await.unwrap();
    assert_eq!(p.items.len(), 3);
    for item in &p.items {
        assert_eq!(item.usable, 3);
        assert_eq!(item.lots[0].expires_on, date(2027, 11, 22));
        assert_eq!(item.lots[0].days_left, 365);
        assert!(!item.lots[0].expired);
    }
    let summary = pantry::summary(db, user, now).await.unwrap();
    assert_eq!((summary.units, summary.products, summary.soonest), (9, 3, Some(date(2027, 11, 22))));

    // A transport order: 2 of the first, all 3 of the second; by the food store's cold courier.
    let (a, b, c) = (offers[0].product_id, offers[1].product_id, offers[2].product_id);
    let req = TransportRequest { items: vec![(a, 2), (b, 3)], county: Some(app::delivery::County::Harju), choices: vec![], address: None };
    let tv = pantry::transport_view(db, user, &req, Lang::En, now).await.unwrap();
    assert!(tv.orderable && tv.problem.is_none(), "{tv:?}");
    let goods = 2 * offers[0].price_cents + 3 * offers[1].price_cents;
    let method = delivery_method::Entity::find().filter(delivery_method::Column::SellerId.eq(offers[0].seller_id)).one(db).await.unwrap().unwrap();
    let expected_fee = if method.free_over_cents.is_some_and(|f| goods >= f) { 0 } else { method.price_cents };
    assert_eq!(tv.fee_cents, expected_fee, "the threshold rule on the goods at what they cost ({goods} cents)");
    assert_eq!(tv.groups[0].earliest, Some(date(2026, 11, 24)), "ordered on Sunday: the cold courier's Tuesday");
    assert_eq!(tv.groups[0].days[0], date(2026, 11, 24));

    // Asking for more than is stored places nothing.
    let too_many = TransportRequest { items: vec![(c, 4)], ..req.clone() };
    assert!(matches!(
        pantry::place_transport(db, user, &too_many, &transport_contact(), Some(Bank::Seb), Lang::En, None, now).await,
        Err(TransportError::NotOrderable)
    ));
    // The fee or date shown must be the one ordered.
    assert!(matches!(
        pantry::place_transport(db, user, &req, &transport_contact(), Some(Bank::Seb), Lang::En, Some("not what was shown"), now).await,
        Err(TransportError::Changed)
    ));
    assert_eq!((stored(db, user, a).await, stored(db, user, b).await), (3, 3), "nothing taken");

    let placed = pantry::place_transport(db, user, &req, &transport_contact(), Some(Bank::Seb), Lang::En, Some(&tv.fingerprint), now).await.unwrap();
    assert_eq!(placed.fee_cents, expected_fee);
    assert_eq!((stored(db, user, a).await, stored(db, user, b).await, stored(db, user, c).await), (1, 0, 3), "the rest remains");
    if let Some(reference) = &placed.payment_reference {
        let paid = Callback { reference: reference.clone(), outcome: Outcome::Paid, amount_cents: placed.fee_cents };
        app::payment::service::apply_callback(db, &paid, now).await.unwrap();
    }
    let t = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert!(t.transport && t.status == OrderStatus::Paid && t.goods_cents == 0 && t.total_cents == expected_fee);
    let tship = shipment::Entity::find().filter(shipment::Column::OrderId.eq(t.id)).one(db).await.unwrap().unwrap();
    assert_eq!((tship.earliest, tship.status, tship.to_pantry), (date(2026, 11, 24), ShipmentStatus::Paid, false));
    let tlines = order_line::Entity::find().filter(order_line::Column::OrderId.eq(t.id)).all(db).await.unwrap();
    assert_eq!(tlines.iter().map(|l| l.quantity).sum::<i32>(), 5);
    assert!(tlines.iter().all(|l| l.mode == LineMode::FromPantry && l.total_cents == 0));
    // In "My orders" (the account's orders) and the seller's shipments (paid) like any other.
    assert_eq!(t.user_id, Some(user));
    assert_eq!(tship.seller_id, offers[0].seller_id);

    // Cancelled before dispatch: the units come back with their expiry; the offers' stock,
    // taken once when bought, does not move.
    let stock_mid: Vec<i32> = stock_of(db, offers).await;
    let access = app::orders::cancel::OrderAccess { key: "", cart_id: None, account: Some(UserId(user)) };
    app::orders::cancel::cancel_shipment(db, access, ShipmentId(tship.id), app::orders::aftersale::CancelReason::BUYER[0], "changed my plans", None, now)
        .await
        .unwrap();
    assert_eq!((stored(db, user, a).await, stored(db, user, b).await), (3, 3));
    assert_eq!(stock_of(db, offers).await, stock_mid);
    assert_eq!(stock_mid, stock_before.iter().map(|s| s - 3).collect::<Vec<_>>(), "bought once");
    let p = pantry::pantry_view(db, user, Lang::En, now).await.unwrap();
    assert!(p.items.iter().all(|i| i.lots[0].expires_on == date(2027, 11, 22)), "original expiry kept");
    // Given back once, however often asked.
    app::pantry::service::give_back(db, &tlines.iter().map(|l| l.id).collect::<Vec<_>>(), now).await.unwrap();
    assert_eq!(stored(db, user, a).await, 3);
    assert_eq!(pantry_take::Entity::find().filter(pantry_take::Column::ReturnedAt.is_null()).count(db).await.unwrap(), 0);

    // Reminders: 30 days before, then 7 days before, once each.
    let reminders = || outbox::Entity::find().filter(outbox::Column::Kind.eq("pantry_reminder")).count(db);
    let at = |d: NaiveDate| app::delivery::local_time::tallinn_to_utc(d.and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(pantry::send_reminders(db, at(date(2027, 10, 22))).await.unwrap(), 0, "31 days before: none yet");
    assert_eq!(pantry::send_reminders(db, at(date(2027, 10, 23))).await.unwrap(), 1, "one e-mail for all three products");
    assert_eq!(pantry::send_reminders(db, at(date(2027, 10, 24))).await.unwrap(), 0, "once");
    assert_eq!(pantry::send_reminders(db, at(date(2027, 11, 15))).await.unwrap(), 1, "7 days before");
    assert_eq!(pantry::send_reminders(db, at(date(2027, 11, 16))).await.unwrap(), 0);
    assert_eq!(reminders().await.unwrap(), 2);
    // After expiry: marked, not ordered any more.
    let later = at(date(2027, 11, 23));
    let p = pantry::pantry_view(db, user, Lang::En, later).await.unwrap();
    assert!(p.items.iter().all(|i| i.usable == 0 && i.expired == 3 && i.lots[0].expired));
    let tv = pantry::transport_view(db, user, &req, Lang::En, later).await.unwrap();
    assert!(!tv.orderable && tv.problem.is_some());
}
on_both_engines!(store_pay_transport_and_cancel);

async fn stock_of(db: &DatabaseConnection, offers: &[offer::Model]) -> Vec<i32> {
    let mut out = Vec::new();
    for o in offers {
        out.push(offer::Entity::find_by_id(o.id).one(db).await.unwrap().unwrap().stock);
    }
    out
}

/// Two transport orders for the same stored units at the same moment: one is placed, the other
/// refused with nothing taken; the units leave the pantry once.
async fn racing_transport_orders_take_the_units_once(db: &DatabaseConnection) {
    seeded(db).await;
    let user = confirmed_account(db, "race@example.ee").await;
    let offers = food_store_storable(db).await;
    buy_into_pantry(db, user, &offers[..1], 4).await;
    let product_id = offers[0].product_id;
    let req = TransportRequest { items: vec![(product_id, 4)], county: Some(app::delivery::County::Harju), choices: vec![], address: None };
    let now = sunday();
    let contact = transport_contact();
    let (x, y) = tokio::join!(
        pantry::place_transport(db, user, &req, &contact, Some(Bank::Seb), Lang::En, None, now),
        pantry::place_transport(db, user, &req, &contact, Some(Bank::Lhv), Lang::En, None, now),
    );
    let ok = [x.is_ok(), y.is_ok()].iter().filter(|b| **b).count();
    assert_eq!(ok, 1, "exactly one transport order: {x:?} {y:?}");
    let refused = if x.is_ok() { y } else { x };
    assert!(matches!(refused, Err(TransportError::Taken) | Err(TransportError::NotOrderable)), "{refused:?}");
    assert_eq!(stored(db, user, product_id).await, 0);
    let taken: i32 = pantry_take::Entity::find().all(db).await.unwrap().iter().map(|t| t.quantity).sum();
    assert_eq!(taken, 4, "nothing shipped twice");
    let orders = order::Entity::find().filter(order::Column::Transport.eq(true)).count(db).await.unwrap();
    assert_eq!(orders, 1, "no second order half-written");
}
on_both_engines_racing!(racing_transport_orders_take_the_units_once);
