//! Service tests of the cart, checkout, payments, invoices and the outbox, on the demo catalog,
//! each run on SQLite and on PostgreSQL. The concurrency test uses a SQLite file (several
//! connections, as the server has), not the single-connection in-memory database.

mod support;

use support::{seeded, sunday};

use app::cart::pricing::LineProblem;
use app::cart::service as cart;
use app::checkout::service::{place_order, PlaceError, Placed};
use app::checkout::validate::{validate, Contact, ContactForm};
use app::checkout::PayChoice;
use app::db::entity::{offer, order, outbox, payment, product, seller, shipment};
use app::delivery::County;
use app::i18n::Lang;
use app::ids::{CartId, OfferId};
use app::orders::{Bank, OrderStatus, PaymentStatus, ShipmentStatus};
use app::outbox::OutboxStatus;
use app::outbox::{deliver_due, LocalOutbox, Transport, MAX_ATTEMPTS};
use app::payment::instalments::PayLater;
use app::payment::provider::{Outcome, PaymentProvider, Sandbox};
use app::payment::service::{handle_callback, release_expired, Refused};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;


fn contact() -> Contact {
    validate(&ContactForm {
        name: "Mari Maasikas".into(),
        email: "mari@example.ee".into(),
        phone: "5123 4567".into(),
        street: "Pikk 1".into(),
        city: "Tallinn".into(),
        postal_code: "10123".into(),
        county: "harju".into(),
        comment: "Pärast 17".into(),
        paper_invoice: false,
    })
    .expect("a valid form")
}

/// `n` buyable offers of dry goods from `n` different active sellers.
async fn offers_from_sellers(db: &DatabaseConnection, n: usize) -> Vec<offer::Model> {
    let dry: Vec<i32> = product::Entity::find()
        .filter(product::Column::ColdChain.eq(false))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let active: Vec<i32> =
        seller::Entity::find().filter(seller::Column::Status.eq(app::catalog::SellerStatus::Active)).all(db).await.unwrap().into_iter().map(|s| s.id).collect();
    let mut picked: Vec<offer::Model> = Vec::new();
    for o in offer::Entity::find()
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gte(5))
        .filter(offer::Column::ProductId.is_in(dry))
        .filter(offer::Column::SellerId.is_in(active))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await
        .unwrap()
    {
        if picked.len() < n && picked.iter().all(|p| p.seller_id != o.seller_id) {
            picked.push(o);
        }
    }
    assert_eq!(picked.len(), n, "the demo has {n} sellers with dry goods");
    picked
}

async fn stock_of(db: &DatabaseConnection, offer_id: i32) -> i32 {
    offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().stock
}

async fn set_stock(db: &DatabaseConnection, offer_id: i32, stock: i32) {
    let o = offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap();
    let mut a: offer::ActiveModel = o.into();
    a.stock = Set(stock);
    a.update(db).await.unwrap();
}

/// A new cart holding `lines` (offer, quantity).
async fn cart_with(db: &DatabaseConnection, lines: &[(i32, i32)]) -> app::db::entity::cart::Model {
    let (c, _) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    for &(offer_id, qty) in lines {
        cart::add(db, CartId(c.id), OfferId(offer_id), qty, sunday()).await.unwrap();
    }
    c
}

async fn place(db: &DatabaseConnection, lines: &[(i32, i32)], choice: PayChoice) -> Placed {
    let c = cart_with(db, lines).await;
    place_order(db, &c, &contact(), choice, Lang::En, None, None, sunday()).await.expect("order placed")
}

fn callback(bank: &Sandbox, reference: &str, outcome: Outcome, amount: i64) -> HashMap<String, String> {
    let url = bank.callback_url(reference, outcome, amount);
    url.split_once('?')
        .unwrap()
        .1
        .split('&')
        .map(|kv| kv.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).unwrap())
        .collect()
}

async fn cart_adds_up_and_respects_stock(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 2).await;
    let (c, token) = cart::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    let token = token.expect("a new cart gets a token");
    assert_eq!(cart::find(db, &token).await.unwrap().map(|x| x.id), Some(c.id));
    assert!(cart::find(db, "not-a-token").await.unwrap().is_none());

    // More than in stock: limited, with the limit said.
    set_stock(db, offers[0].id, 3).await;
    let added = cart::add(db, CartId(c.id), OfferId(offers[0].id), 5, sunday()).await.unwrap();
    assert_eq!((added.quantity, added.limited_to), (3, Some(3)));
    let added = cart::add(db, CartId(c.id), OfferId(offers[1].id), 2, sunday()).await.unwrap();
    assert_eq!((added.quantity, added.limited_to, added.count), (2, None, 5));

    let view = cart::cart_view(db, app::cart::service::CartOwner::Guest(Some(&token)), Lang::En, sunday()).await.unwrap();
    assert_eq!(view.groups.len(), 2, "one group per seller");
    assert_eq!(view.count, 5);
    let goods = offers[0].price_cents * 3 + offers[1].price_cents * 2;
    assert_eq!(view.goods_cents, goods);
    let fees: i64 = view.groups.iter().map(|g| g.chosen_option().unwrap().fee_cents).sum();
    assert_eq!(view.delivery_cents, fees);
    assert_eq!(view.total_cents, goods + fees);
    assert_eq!(view.vat.iter().map(|v| v.gross_cents).sum::<i64>(), view.total_cents);
    assert!(view.orderable);

    // Choosing another method of the first seller changes its fee to that method's.
    let group = &view.groups[0];
    if let Some(other) = group.options.iter().find(|o| Some(o.method_id) != group.chosen) {
        cart::choose_method(db, CartId(c.id), other.method_id, sunday()).await.unwrap();
        let again = cart::cart_view(db, app::cart::service::CartOwner::Guest(Some(&token)), Lang::En, sunday()).await.unwrap();
        assert_eq!(again.groups[0].chosen, Some(other.method_id));
    }

    // Stock falls below the line: the line says so and the cart cannot be ordered.
    set_stock(db, offers[0].id, 1).await;
    let view = cart::cart_view(db, app::cart::service::CartOwner::Guest(Some(&token)), Lang::En, sunday()).await.unwrap();
    let line = view.groups.iter().flat_map(|g| &g.lines).find(|l| l.offer_id == offers[0].id).unwrap();
    assert_eq!(line.problem, Some(LineProblem::OnlyLeft(1)));
    assert!(!view.orderable);
    let err = place_order(db, &c, &contact(), PayChoice::Bank(Bank::Lhv), Lang::En, None, None, sunday()).await.unwrap_err();
    assert!(matches!(err, PlaceError::NotOrderable), "{err:?}");
    // Fixing the quantity makes it orderable again; 0 removes the line.
    let line_id = line.line_id;
    assert_eq!(cart::set_quantity(db, CartId(c.id), line_id, 4, sunday()).await.unwrap(), (1, Some(1)));
    assert!(cart::cart_view(db, app::cart::service::CartOwner::Guest(Some(&token)), Lang::En, sunday()).await.unwrap().orderable);
    cart::set_quantity(db, CartId(c.id), line_id, 0, sunday()).await.unwrap();
    assert_eq!(cart::count(db, c.id).await.unwrap(), 2);
    // Another cart's line cannot be changed through this cart.
    let other = cart_with(db, &[(offers[1].id, 1)]).await;
    let foreign = cart::cart_view(db, app::cart::service::CartOwner::Guest(None), Lang::En, sunday()).await.unwrap();
    assert!(foreign.groups.is_empty());
    assert!(cart::set_quantity(db, CartId(other.id), line_id, 1, sunday()).await.is_err());
}
on_both_engines!(cart_adds_up_and_respects_stock);

async fn checkout_splits_per_seller_and_snapshots(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 2).await;
    let before = [stock_of(db, offers[0].id).await, stock_of(db, offers[1].id).await];
    let placed = place(db, &[(offers[0].id, 2), (offers[1].id, 1)], PayChoice::Later(PayLater::Monthly(3))).await;
    assert_eq!(stock_of(db, offers[0].id).await, before[0] - 2, "stock reserved");
    assert_eq!(stock_of(db, offers[1].id).await, before[1] - 1);

    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.status, OrderStatus::AwaitingPayment);
    assert_eq!(o.phone, "+37251234567");
    assert_eq!(o.total_cents, placed.total_cents);
    assert_eq!(o.goods_cents, offers[0].price_cents * 2 + offers[1].price_cents);
    let ships = shipment::Entity::find().filter(shipment::Column::OrderId.eq(o.id)).all(db).await.unwrap();
    assert_eq!(ships.len(), 2, "one shipment per seller");
    assert_eq!(ships.iter().map(|s| s.fee_cents).sum::<i64>(), o.delivery_cents);
    assert!(ships.iter().all(|s| s.status == ShipmentStatus::Placed && s.earliest > sunday().date_naive()));

    let view = app::orders::service::order_view(db, o.id, Some(&Sandbox::new("k"))).await.unwrap().unwrap();
    assert_eq!(view.instalments.len(), 3);
    assert_eq!(view.instalments.iter().map(|i| i.amount_cents).sum::<i64>(), o.total_cents, "instalments sum to the cent");
    assert_eq!(view.vat.iter().map(|v| v.gross_cents).sum::<i64>(), o.total_cents);
    assert_eq!(view.vat.iter().map(|v| v.vat_cents).sum::<i64>(), o.vat_cents);
    assert!(view.vat.iter().all(|v| v.rate_bp == 2400), "food and delivery: 24% from 2025-07-01");
    assert!(view.pay_path.is_some());

    // The line keeps its price when the offer's price changes later.
    let mut a: offer::ActiveModel = offer::Entity::find_by_id(offers[0].id).one(db).await.unwrap().unwrap().into();
    a.price_cents = Set(offers[0].price_cents + 1000);
    a.update(db).await.unwrap();
    let again = app::orders::service::order_view(db, o.id, Some(&Sandbox::new("k"))).await.unwrap().unwrap();
    let line = again.shipments.iter().flat_map(|s| &s.lines).find(|l| l.quantity == 2).unwrap();
    assert_eq!(line.unit_price_cents, offers[0].price_cents);
}
on_both_engines!(checkout_splits_per_seller_and_snapshots);

async fn stale_figures_are_not_ordered(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let c = cart_with(db, &[(offers[0].id, 1)]).await;
    let shown = app::checkout::service::checkout_view(db, &c, Lang::En, sunday()).await.unwrap();
    let stock = stock_of(db, offers[0].id).await;
    let mut a: offer::ActiveModel = offer::Entity::find_by_id(offers[0].id).one(db).await.unwrap().unwrap().into();
    a.price_cents = Set(offers[0].price_cents + 100);
    a.update(db).await.unwrap();
    let err = place_order(db, &c, &contact(), PayChoice::Bank(Bank::Lhv), Lang::En, Some(&shown.fingerprint), None, sunday())
        .await
        .unwrap_err();
    assert!(matches!(err, PlaceError::Changed), "{err:?}");
    assert_eq!(stock_of(db, offers[0].id).await, stock, "nothing reserved");
    assert_eq!(order::Entity::find().count(db).await.unwrap(), 0);
    let fresh = app::checkout::service::checkout_view(db, &c, Lang::En, sunday()).await.unwrap();
    assert_ne!(fresh.fingerprint, shown.fingerprint);
    let placed = place_order(db, &c, &contact(), PayChoice::Bank(Bank::Lhv), Lang::En, Some(&fresh.fingerprint), None, sunday())
        .await
        .unwrap();
    assert_eq!(placed.total_cents, fresh.cart.total_cents);
}
on_both_engines!(stale_figures_are_not_ordered);

async fn callbacks_apply_once_and_forgeries_change_nothing(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let bank = Sandbox::new("test-secret");
    let placed = place(db, &[(offers[0].id, 1)], PayChoice::Bank(Bank::Swedbank)).await;

    // Forged: signed with another key, or an altered amount.
    let forged = callback(&Sandbox::new("guess"), &placed.payment_reference, Outcome::Paid, placed.total_cents);
    assert!(matches!(handle_callback(db, &bank, &forged, sunday()).await, Err(Refused::Verify(_))));
    let mut altered = callback(&bank, &placed.payment_reference, Outcome::Paid, placed.total_cents);
    altered.insert("amount".into(), "1".into());
    assert!(matches!(handle_callback(db, &bank, &altered, sunday()).await, Err(Refused::Verify(_))));
    let pay = payment::Entity::find().filter(payment::Column::Reference.eq(&placed.payment_reference)).one(db).await.unwrap().unwrap();
    assert_eq!((pay.status, pay.callbacks), (PaymentStatus::Pending, 0), "forgeries change nothing");

    // The same signed callback five times: one payment, one invoice number, one e-mail.
    let good = callback(&bank, &placed.payment_reference, Outcome::Paid, placed.total_cents);
    for k in 0..5 {
        let page = handle_callback(db, &bank, &good, sunday()).await.unwrap();
        // Back from the bank with the key; once paid only its hash is kept, and a repeated
        // callback leads to the page the browser holding the cart opens without it.
        let expected = match k {
            0 => format!("/en/orders/{}?key={}", placed.order_id, placed.token),
            _ => format!("/en/orders/{}", placed.order_id),
        };
        assert_eq!(page, expected);
    }
    let pay = payment::Entity::find_by_id(pay.id).one(db).await.unwrap().unwrap();
    assert_eq!((pay.status, pay.callbacks), (PaymentStatus::Paid, 5));
    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.status, OrderStatus::Paid);
    assert_eq!(o.invoice_number, Some(1));
    let ships = shipment::Entity::find().filter(shipment::Column::OrderId.eq(o.id)).all(db).await.unwrap();
    assert!(ships.iter().all(|s| s.status == ShipmentStatus::Paid));
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), 1);
    let mail = outbox::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(mail.to_address, "mari@example.ee");
    assert_eq!(mail.dedupe_key, format!("order-confirmation:{}", o.id));
    assert!(mail.body_text.contains("TRG-000001"), "{}", mail.body_text);

    // A late "failed" for the paid payment changes nothing either.
    let late = callback(&bank, &placed.payment_reference, Outcome::Failed, placed.total_cents);
    handle_callback(db, &bank, &late, sunday()).await.unwrap();
    let o = order::Entity::find_by_id(placed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!(o.status, OrderStatus::Paid);
    // The paid lines left the cart.
    assert_eq!(cart::count(db, o.cart_id.unwrap()).await.unwrap(), 0);
}
on_both_engines!(callbacks_apply_once_and_forgeries_change_nothing);

async fn failed_and_abandoned_payments_release_stock_and_invoices_stay_gap_free(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let bank = Sandbox::new("k");
    let start = stock_of(db, offers[0].id).await;

    let failed = place(db, &[(offers[0].id, 2)], PayChoice::Bank(Bank::Seb)).await;
    assert_eq!(stock_of(db, offers[0].id).await, start - 2);
    handle_callback(db, &bank, &callback(&bank, &failed.payment_reference, Outcome::Failed, failed.total_cents), sunday())
        .await
        .unwrap();
    assert_eq!(stock_of(db, offers[0].id).await, start, "a failed payment gives the stock back");
    let o = order::Entity::find_by_id(failed.order_id).one(db).await.unwrap().unwrap();
    assert_eq!((o.status, o.invoice_number), (OrderStatus::Cancelled, None));
    // A paid callback after the failure changes nothing.
    handle_callback(db, &bank, &callback(&bank, &failed.payment_reference, Outcome::Paid, failed.total_cents), sunday())
        .await
        .unwrap();
    assert_eq!(order::Entity::find_by_id(failed.order_id).one(db).await.unwrap().unwrap().status, OrderStatus::Cancelled);

    let abandoned = place(db, &[(offers[0].id, 1)], PayChoice::Bank(Bank::Seb)).await;
    assert_eq!(release_expired(db, sunday() + Duration::minutes(29)).await.unwrap(), 0, "still reserved");
    assert_eq!(release_expired(db, sunday() + Duration::minutes(31)).await.unwrap(), 1);
    assert_eq!(stock_of(db, offers[0].id).await, start);
    let pay = payment::Entity::find().filter(payment::Column::OrderId.eq(abandoned.order_id)).one(db).await.unwrap().unwrap();
    assert_eq!(pay.status, PaymentStatus::Abandoned);

    // Paid orders get 1, 2, 3: cancelled ones use no number.
    for expected in 1..=3 {
        let p = place(db, &[(offers[0].id, 1)], PayChoice::Later(PayLater::In30Days)).await;
        handle_callback(db, &bank, &callback(&bank, &p.payment_reference, Outcome::Paid, p.total_cents), sunday())
            .await
            .unwrap();
        let o = order::Entity::find_by_id(p.order_id).one(db).await.unwrap().unwrap();
        assert_eq!(o.invoice_number, Some(expected));
    }
}
on_both_engines!(failed_and_abandoned_payments_release_stock_and_invoices_stay_gap_free);

/// A transport that fails the first `fail` sends.
struct Flaky {
    fail: std::sync::atomic::AtomicI32,
    sent: std::sync::atomic::AtomicI32,
}

impl Transport for Flaky {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send<'a>(&'a self, _: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        use std::sync::atomic::Ordering::SeqCst;
        Box::pin(async move {
            if self.fail.fetch_sub(1, SeqCst) > 0 {
                Err("connection refused".into())
            } else {
                self.sent.fetch_add(1, SeqCst);
                Ok(())
            }
        })
    }
}

async fn outbox_sends_once_and_retries(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let bank = Sandbox::new("k");
    let p = place(db, &[(offers[0].id, 1)], PayChoice::Bank(Bank::Luminor)).await;
    handle_callback(db, &bank, &callback(&bank, &p.payment_reference, Outcome::Paid, p.total_cents), sunday()).await.unwrap();

    let flaky = Flaky { fail: 1.into(), sent: 0.into() };
    let now = sunday();
    let r = deliver_due(db, &flaky, now, 10).await.unwrap();
    assert_eq!((r.sent, r.retried), (0, 1));
    // Not due again before its delay.
    assert_eq!(deliver_due(db, &flaky, now + Duration::seconds(10), 10).await.unwrap().sent, 0);
    let r = deliver_due(db, &flaky, now + Duration::seconds(31), 10).await.unwrap();
    assert_eq!(r.sent, 1);
    // Sent: never again, however often the worker runs.
    for k in 0..3 {
        assert_eq!(deliver_due(db, &flaky, now + Duration::hours(k + 1), 10).await.unwrap(), Default::default());
    }
    assert_eq!(flaky.sent.load(std::sync::atomic::Ordering::SeqCst), 1);
    let mail = outbox::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!((mail.status, mail.attempts, mail.transport.as_deref()), (OutboxStatus::Sent, 2, Some("smtp")));

    // A message that never goes through is given up after MAX_ATTEMPTS.
    let q = place(db, &[(offers[0].id, 1)], PayChoice::Bank(Bank::Luminor)).await;
    handle_callback(db, &bank, &callback(&bank, &q.payment_reference, Outcome::Paid, q.total_cents), sunday()).await.unwrap();
    let dead = Flaky { fail: 1000.into(), sent: 0.into() };
    let mut t = now;
    for _ in 0..MAX_ATTEMPTS {
        t += Duration::hours(2);
        deliver_due(db, &dead, t, 10).await.unwrap();
    }
    let mail = outbox::Entity::find().order_by_desc(outbox::Column::Id).one(db).await.unwrap().unwrap();
    assert_eq!((mail.status, mail.attempts), (OutboxStatus::Failed, MAX_ATTEMPTS));
    // The local outbox "sends" by keeping the message.
    assert_eq!(LocalOutbox.name(), "local");
}
on_both_engines!(outbox_sends_once_and_retries);

/// 20 shoppers check out the last unit at the same moment: exactly one gets it.
async fn last_unit_goes_to_exactly_one_of_twenty(db: &DatabaseConnection) {
    seeded(db).await;
    let offers = offers_from_sellers(db, 1).await;
    let offer_id = offers[0].id;
    let mut carts = Vec::new();
    for _ in 0..20 {
        carts.push(cart_with(db, &[(offer_id, 1)]).await);
    }
    set_stock(db, offer_id, 1).await;
    let tasks: Vec<_> = carts
        .into_iter()
        .map(|c| {
            let db = db.clone();
            tokio::spawn(async move { place_order(&db, &c, &contact(), PayChoice::Bank(Bank::CoopPank), Lang::Et, None, None, sunday()).await })
        })
        .collect();
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => won += 1,
            Err(PlaceError::SoldOut(_) | PlaceError::NotOrderable) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(won, 1, "exactly one checkout gets the last unit");
    assert_eq!(stock_of(db, offer_id).await, 0, "stock never negative");
    assert_eq!(order::Entity::find().count(db).await.unwrap(), 1);
}

on_both_engines_racing!(last_unit_goes_to_exactly_one_of_twenty);

#[test]
fn provider_start_page_is_the_sandbox_bank() {
    assert_eq!(Sandbox::new("k").start_url(Lang::Ru, "abc"), "/ru/pay/sandbox/abc");
    assert_eq!(County::from_code("harju"), Some(County::Harju));
}
