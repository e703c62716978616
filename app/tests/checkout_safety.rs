//! Service tests of checkout safety: the same checkout twice (or raced) gives one order, a
//! different checkout replaces the cart's pending order, cart limits, pending orders per
//! client address, and idle carts deleted. Each runs on SQLite and on PostgreSQL; the races use
//! a SQLite file (several connections, as the server has) and PostgreSQL.

mod support;

use support::{contact, seeded, sunday};

use app::cart::service as cart;
use app::cart::service::CartError;
use app::cart::{IDLE_DAYS, MAX_LINES, MAX_QUANTITY};
use app::checkout::service::{place_order, PlaceError, Placed, MAX_PENDING_PER_ADDRESS};
use app::checkout::PayChoice;
use app::db::entity::{cart as cart_entity, cart_line, offer, order, order_line, outbox, payment, product, seller, shipment};
use app::i18n::Lang;
use app::ids::{CartId, OfferId, OrderId};
use app::orders::service::order_for;
use app::orders::{Bank, OrderStatus, PaymentStatus, ShipmentStatus};
use app::payment::instalments::PayLater;
use app::payment::provider::{Outcome, Sandbox};
use std::collections::HashMap;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

const LHV: PayChoice = PayChoice::Bank(Bank::Lhv);

/// Buyable offers of dry goods (active, in stock, active sellers), in id order.
async fn dry_offers(db: &DatabaseConnection) -> Vec<offer::Model> {
    let dry: Vec<i32> =
        product::Entity::find().filter(product::Column::ColdChain.eq(false)).all(db).await.unwrap().into_iter().map(|p| p.id).collect();
    let active: Vec<i32> =
        seller::Entity::find().filter(seller::Column::Status.eq(app::catalog::SellerStatus::Active)).all(db).await.unwrap().into_iter().map(|s| s.id).collect();
    offer::Entity::find()
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gte(5))
        .filter(offer::Column::ProductId.is_in(dry))
        .filter(offer::Column::SellerId.is_in(active))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await
        .unwrap()
}

/// `n` buyable dry offers from `n` different sellers.
async fn offers_from_sellers(db: &DatabaseConnection, n: usize) -> Vec<offer::Model> {
    let mut picked: Vec<offer::Model> = Vec::new();
    for o in dry_offers(db).await {
        if picked.len() < n && picked.iter().all(|p| p.seller_id != o.seller_id) {
            picked.push(o);
        }
    }
    assert_eq!(picked.len(), n);
    picked
}

async fn stock_of(db: &DatabaseConnection, offer_id: i32) -> i32 {
    offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().stock
}

async fn set_stock(db: &DatabaseConnection, offer_id: i32, stock: i32) {
    let mut a: offer::ActiveModel = offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().into();
    a.stock = Set(stock);
    a.update(db).await.unwrap();
}

async fn cart_with(db: &DatabaseConnection, lines: &[(i32, i32)]) -> cart_entity::Model {
    let (c, _) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    for &(offer_id, qty) in lines {
        cart::add(db, CartId(c.id), OfferId(offer_id), qty, sunday()).await.unwrap();
    }
    c
}

async fn place_at(
    db: &DatabaseConnection,
    c: &cart_entity::Model,
    choice: PayChoice,
    client: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Placed, PlaceError> {
    place_order(db, c, &contact(), choice, Lang::En, None, client, now).await
}

async fn orders_of_cart(db: &DatabaseConnection, cart_id: i32) -> Vec<order::Model> {
    order::Entity::find().filter(order::Column::CartId.eq(cart_id)).order_by_asc(order::Column::Id).all(db).await.unwrap()
}

async fn payments_of(db: &DatabaseConnection, order_id: i32) -> Vec<payment::Model> {
    payment::Entity::find().filter(payment::Column::OrderId.eq(order_id)).all(db).await.unwrap()
}

/// The sandbox bank's signed "paid" callback for an order, applied; returns the page it leads to.
async fn pay(db: &DatabaseConnection, placed: &Placed, now: DateTime<Utc>) -> String {
    let bank = Sandbox::new("k");
    let url = bank.callback_url(&placed.payment_reference, Outcome::Paid, placed.total_cents);
    let params: HashMap<String, String> = url
        .split_once('?')
        .unwrap()
        .1
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    app::payment::service::handle_callback(db, &bank, &params, now).await.unwrap()
}

/// Orders of the cart awaiting payment: never more than one.
async fn awaiting(db: &DatabaseConnection, cart_id: i32) -> Vec<order::Model> {
    orders_of_cart(db, cart_id).await.into_iter().filter(|o| o.status == OrderStatus::AwaitingPayment).collect()
}

async fn same_checkout_twice_gives_one_order(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 2).await;
    // The first offer's last two units: the second post must not find them "sold out" by the
    // first post's own reservation.
    set_stock(db, offers[0].id, 2).await;
    let before = stock_of(db, offers[1].id).await;
    let c = cart_with(db, &[(offers[0].id, 2), (offers[1].id, 1)]).await;

    let first = place_at(db, &c, LHV, None, sunday()).await.unwrap();
    let second = place_at(db, &c, LHV, None, sunday() + Duration::seconds(2)).await.unwrap();
    assert!(!first.repeated);
    assert!(second.repeated);
    assert_eq!((second.order_id, &second.payment_reference, second.total_cents), (first.order_id, &first.payment_reference, first.total_cents));
    assert_eq!(second.token, first.token);
    assert_eq!(order::Entity::find().count(db).await.unwrap(), 1, "one order");
    assert_eq!(payments_of(db, first.order_id).await.len(), 1, "one payment");
    assert_eq!(stock_of(db, offers[0].id).await, 0, "reserved once");
    assert_eq!(stock_of(db, offers[1].id).await, before - 1, "reserved once");
    let o = order::Entity::find_by_id(first.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.pending_cart_id, Some(c.id));

    // Back from the bank: the checkout page still offers the cart (its own reservation counts).
    let view = app::checkout::service::checkout_view(db, &c, Lang::En, sunday()).await.unwrap();
    assert!(view.cart.orderable, "the cart's own pending order does not make it sold out");
    // With the figures shown there, the same post still gives the same order.
    let third = place_order(db, &c, &contact(), LHV, Lang::En, Some(&view.fingerprint), None, sunday()).await.unwrap();
    assert_eq!(third.order_id, first.order_id);
}
on_both_engines!(same_checkout_twice_gives_one_order);

async fn a_different_checkout_replaces_the_pending_order(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 2).await;
    let start = [stock_of(db, offers[0].id).await, stock_of(db, offers[1].id).await];
    let c = cart_with(db, &[(offers[0].id, 2), (offers[1].id, 1)]).await;
    let first = place_at(db, &c, LHV, None, sunday()).await.unwrap();

    // Another payment choice: a new order; the first is cancelled and its stock back.
    let later = PayChoice::Later(PayLater::In30Days);
    let second = place_at(db, &c, later, None, sunday() + Duration::minutes(1)).await.unwrap();
    assert_ne!(second.order_id, first.order_id);
    assert!(!second.repeated);
    let old = order::Entity::find_by_id(first.order_id).one(db).await.unwrap().unwrap();
    assert_eq!((old.status, old.pending_cart_id), (OrderStatus::Cancelled, None));
    let ships = shipment::Entity::find().filter(shipment::Column::OrderId.eq(old.id)).all(db).await.unwrap();
    assert!(!ships.is_empty() && ships.iter().all(|s| s.status == ShipmentStatus::Cancelled));
    let pays = payments_of(db, old.id).await;
    assert_eq!(pays.iter().map(|p| p.status).collect::<Vec<_>>(), [PaymentStatus::Abandoned]);
    assert_eq!(stock_of(db, offers[0].id).await, start[0] - 2, "reserved once, not twice");
    assert_eq!(stock_of(db, offers[1].id).await, start[1] - 1);
    assert_eq!(awaiting(db, c.id).await.iter().map(|o| o.id).collect::<Vec<_>>(), [second.order_id]);

    // A changed quantity: replaced again, the stock follows the new quantity.
    let line = cart_line::Entity::find()
        .filter(cart_line::Column::CartId.eq(c.id))
        .filter(cart_line::Column::OfferId.eq(offers[0].id))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    cart::set_quantity(db, CartId(c.id), line.id, 3, sunday()).await.unwrap();
    let third = place_at(db, &c, later, None, sunday() + Duration::minutes(2)).await.unwrap();
    assert_ne!(third.order_id, second.order_id);
    assert_eq!(stock_of(db, offers[0].id).await, start[0] - 3);
    assert_eq!(stock_of(db, offers[1].id).await, start[1] - 1);
    assert_eq!(awaiting(db, c.id).await.iter().map(|o| o.id).collect::<Vec<_>>(), [third.order_id]);

    // Another address (contact) is another checkout too.
    let mut moved = contact();
    moved.street = "Lai 2".into();
    let fourth = place_order(db, &c, &moved, later, Lang::En, None, None, sunday() + Duration::minutes(3)).await.unwrap();
    assert_ne!(fourth.order_id, third.order_id);
    assert_eq!(order::Entity::find_by_id(fourth.order_id).one(db).await.unwrap().unwrap().street, "Lai 2");

    // The same checkout after the reservation ended (the worker has not run yet) is not reused:
    // that order is given up and a fresh one reserves again.
    let fifth = place_order(db, &c, &moved, later, Lang::En, None, None, sunday() + Duration::minutes(40)).await.unwrap();
    assert_ne!(fifth.order_id, fourth.order_id);
    assert_eq!(stock_of(db, offers[0].id).await, start[0] - 3);
    assert_eq!(awaiting(db, c.id).await.len(), 1);
    assert_eq!(orders_of_cart(db, c.id).await.len(), 5);

    // Once paid the order leaves the cart: the next checkout is a new order and the paid one stays.
    pay(db, &fifth, sunday() + Duration::minutes(41)).await;
    let paid = order::Entity::find_by_id(fifth.order_id).one(db).await.unwrap().unwrap();
    assert_eq!((paid.status, paid.pending_cart_id), (OrderStatus::Paid, None));
    cart::add(db, CartId(c.id), OfferId(offers[1].id), 1, sunday()).await.unwrap();
    let sixth = place_at(db, &c, LHV, None, sunday() + Duration::minutes(42)).await.unwrap();
    assert!(!sixth.repeated);
    assert_eq!(order::Entity::find_by_id(fifth.order_id).one(db).await.unwrap().unwrap().status, OrderStatus::Paid);
    assert_eq!(awaiting(db, c.id).await.iter().map(|o| o.id).collect::<Vec<_>>(), [sixth.order_id]);
}
on_both_engines!(a_different_checkout_replaces_the_pending_order);

/// Four posts of one cart at the same moment: two identical pairs. However they interleave,
/// the cart ends with exactly one order awaiting payment and its stock reserved once; the
/// identical posts of the winner got that same order.
async fn raced_checkouts_give_one_order(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let start = stock_of(db, offers[0].id).await;
    let c = cart_with(db, &[(offers[0].id, 2)]).await;
    let tasks: Vec<_> = [LHV, LHV, PayChoice::Bank(Bank::Seb), PayChoice::Bank(Bank::Seb)]
        .into_iter()
        .map(|choice| {
            let db = db.clone();
            let c = c.clone();
            tokio::spawn(async move { place_at(&db, &c, choice, None, sunday()).await.map(|p| (choice, p)) })
        })
        .collect();
    let mut placed = Vec::new();
    for t in tasks {
        placed.push(t.await.unwrap().expect("every post succeeds"));
    }
    let live = awaiting(db, c.id).await;
    assert_eq!(live.len(), 1, "one order awaiting payment");
    assert_eq!(stock_of(db, offers[0].id).await, start - 2, "stock reserved once");
    let pending_payments = payment::Entity::find().filter(payment::Column::Status.eq(PaymentStatus::Pending)).count(db).await.unwrap();
    assert_eq!(pending_payments, 1);
    // The last post decided; every order but the live one was cancelled, each with its payment.
    assert!(placed.iter().any(|(_, p)| p.order_id == live[0].id));
    let made = orders_of_cart(db, c.id).await;
    assert!(made.len() <= placed.len());
    assert!(made.iter().filter(|o| o.id != live[0].id).all(|o| o.status == OrderStatus::Cancelled && o.pending_cart_id.is_none()));

    // Identical posts only: always one order, one payment, one reservation.
    let c2 = cart_with(db, &[(offers[0].id, 1)]).await;
    let before = stock_of(db, offers[0].id).await;
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let db = db.clone();
            let c2 = c2.clone();
            tokio::spawn(async move { place_at(&db, &c2, LHV, None, sunday()).await })
        })
        .collect();
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.unwrap().expect("every post succeeds"));
    }
    assert!(ids.iter().all(|p| p.order_id == ids[0].order_id && p.payment_reference == ids[0].payment_reference));
    assert_eq!(ids.iter().filter(|p| !p.repeated).count(), 1);
    assert_eq!(orders_of_cart(db, c2.id).await.len(), 1, "one order");
    assert_eq!(payments_of(db, ids[0].order_id).await.len(), 1, "one payment");
    assert_eq!(stock_of(db, offers[0].id).await, before - 1, "one reservation");
}

on_both_engines_racing!(raced_checkouts_give_one_order);

async fn cart_limits_refuse_and_change_nothing(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = dry_offers(db).await;
    assert!(offers.len() as u64 > MAX_LINES, "the demo has enough offers");
    let (c, _) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();

    // Quantity: more than MAX_QUANTITY in one line is refused, whether added or set.
    set_stock(db, offers[0].id, 500).await;
    assert!(matches!(cart::add(db, CartId(c.id), OfferId(offers[0].id), MAX_QUANTITY + 1, sunday()).await, Err(CartError::TooManyUnits)));
    assert_eq!(cart::count(db, c.id).await.unwrap(), 0, "nothing added");
    assert_eq!(cart::add(db, CartId(c.id), OfferId(offers[0].id), MAX_QUANTITY - 1, sunday()).await.unwrap().quantity, MAX_QUANTITY - 1);
    assert!(matches!(cart::add(db, CartId(c.id), OfferId(offers[0].id), 2, sunday()).await, Err(CartError::TooManyUnits)));
    assert_eq!(cart::count(db, c.id).await.unwrap(), MAX_QUANTITY - 1, "unchanged");
    let line = cart_line::Entity::find().filter(cart_line::Column::CartId.eq(c.id)).one(db).await.unwrap().unwrap();
    assert!(matches!(cart::set_quantity(db, CartId(c.id), line.id, MAX_QUANTITY + 1, sunday()).await, Err(CartError::TooManyUnits)));
    assert_eq!(cart::count(db, c.id).await.unwrap(), MAX_QUANTITY - 1, "unchanged");
    assert_eq!(cart::set_quantity(db, CartId(c.id), line.id, MAX_QUANTITY, sunday()).await.unwrap(), (MAX_QUANTITY, None));
    // Within the limit, stock still bounds the line (limited, with the limit said).
    set_stock(db, offers[0].id, 10).await;
    assert_eq!(cart::set_quantity(db, CartId(c.id), line.id, 50, sunday()).await.unwrap(), (10, Some(10)));

    // Lines: MAX_LINES different offers, then no new one; more of an existing line still works.
    for o in &offers[1..MAX_LINES as usize] {
        cart::add(db, CartId(c.id), OfferId(o.id), 1, sunday()).await.unwrap();
    }
    let lines = || cart_line::Entity::find().filter(cart_line::Column::CartId.eq(c.id)).count(db);
    assert_eq!(lines().await.unwrap(), MAX_LINES);
    let next = &offers[MAX_LINES as usize];
    assert!(matches!(cart::add(db, CartId(c.id), OfferId(next.id), 1, sunday()).await, Err(CartError::Full)));
    assert_eq!(lines().await.unwrap(), MAX_LINES, "nothing added");
    assert_eq!(cart::add(db, CartId(c.id), OfferId(offers[1].id), 1, sunday()).await.unwrap().quantity, 2);
    // The limits reach the shopper as translated errors.
    assert_eq!(app::errors::AppError::from(CartError::Full), app::errors::AppError::CartFull);
    assert_eq!(app::errors::AppError::from(CartError::TooManyUnits).status(), 409);
}
on_both_engines!(cart_limits_refuse_and_change_nothing);

async fn pending_orders_per_address_are_limited(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    set_stock(db, offers[0].id, 100).await;
    let here = Some("192.0.2.1");
    let mut carts = Vec::new();
    for _ in 0..=MAX_PENDING_PER_ADDRESS {
        carts.push(cart_with(db, &[(offers[0].id, 1)]).await);
    }
    let mut placed = Vec::new();
    for (k, c) in carts.iter().take(MAX_PENDING_PER_ADDRESS as usize).enumerate() {
        placed.push(place_at(db, c, LHV, here, sunday() + Duration::minutes(k as i64)).await.unwrap());
    }
    let stock = stock_of(db, offers[0].id).await;
    let orders = order::Entity::find().count(db).await.unwrap();
    let sixth = &carts[MAX_PENDING_PER_ADDRESS as usize];
    let err = place_at(db, sixth, LHV, here, sunday() + Duration::minutes(10)).await.unwrap_err();
    assert!(matches!(err, PlaceError::TooManyPending), "{err:?}");
    assert_eq!(app::errors::AppError::TooManyRequests.status(), 429);
    assert_eq!(stock_of(db, offers[0].id).await, stock, "nothing reserved");
    assert_eq!(order::Entity::find().count(db).await.unwrap(), orders, "no order");
    // The address is kept only as a hash.
    let o = order::Entity::find_by_id(placed[0].order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.client_hash.as_deref(), Some(app::server::token_hash("192.0.2.1").as_str()));

    // The same checkout again is no new order, and replacing one is allowed (the old one goes).
    assert!(place_at(db, &carts[0], LHV, here, sunday() + Duration::minutes(11)).await.unwrap().repeated);
    let replaced = place_at(db, &carts[0], PayChoice::Bank(Bank::Seb), here, sunday() + Duration::minutes(12)).await.unwrap();
    assert!(!replaced.repeated);
    // Other addresses, and unknown ones, are not limited by this one.
    place_at(db, sixth, LHV, Some("198.51.100.7"), sunday() + Duration::minutes(13)).await.unwrap();
    let seventh = cart_with(db, &[(offers[0].id, 1)]).await;
    place_at(db, &seventh, LHV, None, sunday() + Duration::minutes(14)).await.unwrap();
    // A paid order no longer waits: the address may order again.
    let eighth = cart_with(db, &[(offers[0].id, 1)]).await;
    assert!(matches!(place_at(db, &eighth, LHV, here, sunday() + Duration::minutes(15)).await, Err(PlaceError::TooManyPending)));
    pay(db, &placed[1], sunday() + Duration::minutes(16)).await;
    place_at(db, &eighth, LHV, here, sunday() + Duration::minutes(17)).await.unwrap();
    // An hour after they were placed, older pending orders no longer count.
    let ninth = cart_with(db, &[(offers[0].id, 1)]).await;
    assert!(place_at(db, &ninth, LHV, here, sunday() + Duration::minutes(18)).await.is_err());
    place_at(db, &ninth, LHV, here, sunday() + Duration::minutes(62)).await.unwrap();
}
on_both_engines!(pending_orders_per_address_are_limited);

async fn idle_carts_are_deleted_and_orders_kept(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let (idle, idle_token) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    cart::add(db, CartId(idle.id), OfferId(offers[0].id), 1, sunday()).await.unwrap();
    let placed = place_at(db, &idle, LHV, None, sunday()).await.unwrap();
    app::checkout::service::save_draft(db, idle.id, &Default::default()).await.unwrap();
    let (recent, recent_token) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    let later = sunday() + Duration::days(5);
    cart::add(db, CartId(recent.id), OfferId(offers[0].id), 1, later).await.unwrap();
    let order_lines = order_line::Entity::find().filter(order_line::Column::OrderId.eq(placed.order_id)).count(db).await.unwrap();

    // Not yet: the idle cart changed exactly IDLE_DAYS ago.
    assert_eq!(cart::delete_idle(db, sunday() + Duration::days(IDLE_DAYS)).await.unwrap(), 0);
    let now = sunday() + Duration::days(IDLE_DAYS + 1);
    assert_eq!(cart::delete_idle(db, now).await.unwrap(), 1);
    assert!(cart::find(db, &idle_token.unwrap()).await.unwrap().is_none(), "the idle cart is gone");
    assert_eq!(cart_line::Entity::find().filter(cart_line::Column::CartId.eq(idle.id)).count(db).await.unwrap(), 0);
    let kept = cart::find(db, &recent_token.unwrap()).await.unwrap().expect("the recent cart stays");
    assert_eq!(cart::count(db, kept.id).await.unwrap(), 1);
    // The order keeps everything but its link to the deleted cart.
    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!((o.cart_id, o.pending_cart_id, o.total_cents), (None, None, placed.total_cents));
    assert_eq!(
        order_line::Entity::find().filter(order_line::Column::OrderId.eq(placed.order_id)).count(db).await.unwrap(),
        order_lines
    );
    assert_eq!(cart::delete_idle(db, now).await.unwrap(), 0, "nothing left to delete");
}
on_both_engines!(idle_carts_are_deleted_and_orders_kept);

async fn the_order_is_found_by_its_key_and_the_key_is_kept_hashed(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let c = cart_with(db, &[(offers[0].id, 1)]).await;
    let other = cart_with(db, &[(offers[0].id, 1)]).await;
    let placed = place_at(db, &c, LHV, None, sunday()).await.unwrap();
    let key = placed.token.clone();
    assert_eq!(key.len(), 32);

    // Only the hash is a lasting part of the row; the key waits with the unpaid order.
    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.token_hash.as_deref(), Some(app::server::token_hash(&key).as_str()));
    assert_ne!(o.token, key);
    assert_eq!(o.pending_key.as_deref(), Some(key.as_str()));

    let by_key = order_for(db, OrderId(placed.order_id), &key, None, None, None).await.unwrap().expect("found by its key");
    assert_eq!(by_key.path(), format!("/en/orders/{}?key={key}", placed.order_id));
    assert!(order_for(db, OrderId(placed.order_id), "0123456789abcdef0123456789abcdef", None, None, None).await.unwrap().is_none(), "wrong key");
    assert!(order_for(db, OrderId(placed.order_id), "", None, None, None).await.unwrap().is_none(), "no key");
    assert!(order_for(db, OrderId(placed.order_id + 1000), &key, None, None, None).await.unwrap().is_none(), "another order");
    // The browser holding the order's cart sees it without the key; another cart does not.
    assert!(order_for(db, OrderId(placed.order_id), "", Some(CartId(c.id)), None, None).await.unwrap().is_some());
    assert!(order_for(db, OrderId(placed.order_id), "", Some(CartId(other.id)), None, None).await.unwrap().is_none());

    // Paid: back from the bank with the key, the e-mail's link carries it, then it is erased.
    assert_eq!(pay(db, &placed, sunday()).await, format!("/en/orders/{}?key={key}", placed.order_id));
    let mail = outbox::Entity::find().one(db).await.unwrap().unwrap();
    assert!(mail.body_text.contains(&format!("/en/orders/{}?key={key}", placed.order_id)), "{}", mail.body_text);
    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.pending_key, None);
    assert!(order_for(db, OrderId(placed.order_id), &key, None, None, None).await.unwrap().is_some(), "the e-mail's link keeps working");
    // A repeated callback no longer knows the key: the order page for the cart's browser.
    assert_eq!(pay(db, &placed, sunday()).await, format!("/en/orders/{}", placed.order_id));

    // A cancelled order's key is erased too.
    let replaced = place_at(db, &other, LHV, None, sunday()).await.unwrap();
    place_at(db, &other, PayChoice::Bank(Bank::Seb), None, sunday()).await.unwrap();
    let o = order::Entity::find_by_id(replaced.order_id).one(db).await.unwrap().unwrap();
    assert_eq!((o.status, o.pending_key), (OrderStatus::Cancelled, None));
    assert!(order_for(db, OrderId(replaced.order_id), &replaced.token, None, None, None).await.unwrap().is_some());
}
on_both_engines!(the_order_is_found_by_its_key_and_the_key_is_kept_hashed);

/// Orders placed before keys were hashed: the migration keeps only the hash, and the plain key
/// of an order still awaiting payment as its pending key.
async fn the_migration_hashes_existing_order_keys(db: &DatabaseConnection) {
    use sea_orm::sea_query::Query;
    use sea_orm::ConnectionTrait;
    use sea_orm_migration::MigratorTrait;
    // Down past this one and every migration after it (counted, so a new migration does not
    // leave this one applied).
    let steps = app::db::migration::Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name() == "m20261130_000004_checkout_safety")
        .expect("the checkout safety migration")
        + 1;
    app::db::migration::Migrator::down(db, Some(steps as u32)).await.expect("down to the orders schema");
    for (token, status) in [("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "awaiting_payment"), ("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "paid")] {
        let insert = Query::insert()
            .into_table("orders")
            .columns([
                "token", "cart_id", "lang", "status", "name", "email", "phone", "street", "city", "postal_code", "county",
                "paper_invoice", "goods_cents", "delivery_cents", "total_cents", "vat_cents", "payment_method", "placed_at",
                "reserved_until",
            ])
            .values_panic([
                token.into(),
                Option::<i32>::None.into(),
                "en".into(),
                status.into(),
                "Mari".into(),
                "mari@example.ee".into(),
                "+37251234567".into(),
                "Pikk 1".into(),
                "Tallinn".into(),
                "10123".into(),
                "harju".into(),
                false.into(),
                100i64.into(),
                0i64.into(),
                100i64.into(),
                19i64.into(),
                "bank_link".into(),
                sunday().into(),
                sunday().into(),
            ])
            .to_owned();
        db.execute(&insert).await.unwrap();
    }
    app::db::migration::Migrator::up(db, None).await.expect("up again");
    let orders = order::Entity::find().order_by_asc(order::Column::Id).all(db).await.unwrap();
    let keys = ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"];
    for (o, key) in orders.iter().zip(keys) {
        assert_eq!(o.token_hash.as_deref(), Some(app::server::token_hash(key).as_str()));
        assert_ne!(o.token, key, "the plain key is gone from the old column");
        assert!(order_for(db, OrderId(o.id), key, None, None, None).await.unwrap().is_some(), "old links keep working");
    }
    assert_eq!(orders[0].pending_key.as_deref(), Some(keys[0]), "kept while awaiting payment");
    assert_eq!(orders[1].pending_key, None);
}
on_both_engines!(the_migration_hashes_existing_order_keys);
