//! Service tests of payments that must be safe in production: the provider's server-to-server
//! notification and the shopper's return apply once whichever comes first, and money that
//! arrives for a cancelled order becomes a durable "refund due" (and an e-mail to the shop),
//! however often it is reported. Each runs on SQLite and on PostgreSQL.

mod support;

use support::{seeded, sunday};

use app::checkout::service::place_order;
use app::checkout::PayChoice;
use app::db::entity::{offer, order, outbox, payment, product, refund_due};
use app::i18n::Lang;
use app::ids::{CartId, OfferId};
use app::orders::{Bank, OrderStatus, PaymentStatus};
use app::payment::provider::{Outcome, Sandbox};
use app::payment::service::{handle_callback, handle_notification, refunds_due, release_expired, Refused};
use chrono::Duration;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

fn params(bank: &Sandbox, reference: &str, outcome: Outcome, amount: i64) -> HashMap<String, String> {
    bank.callback_url(reference, outcome, amount)
        .split_once('?')
        .unwrap()
        .1
        .split('&')
        .map(|kv| kv.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).unwrap())
        .collect()
}

/// An order awaiting payment for one unit of a dry-goods offer: (order id, reference, amount, offer id).
async fn pending_order(db: &DatabaseConnection) -> (i32, String, i64, i32) {
    let dry: Vec<i32> =
        product::Entity::find().filter(product::Column::ColdChain.eq(false)).all(db).await.unwrap().iter().map(|p| p.id).collect();
    let o = offer::Entity::find()
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gte(5))
        .filter(offer::Column::ProductId.is_in(dry))
        .order_by_asc(offer::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let (cart, _) = app::cart::service::find_or_create(db, app::cart::service::CartOwner::Guest(None), sunday()).await.unwrap();
    app::cart::service::add(db, CartId(cart.id), OfferId(o.id), 1, sunday()).await.unwrap();
    let contact = support::contact();
    let placed = place_order(db, &cart, &contact, PayChoice::Bank(Bank::Seb), Lang::En, None, None, sunday()).await.unwrap();
    (placed.order_id, placed.payment_reference, placed.total_cents, o.id)
}

async fn notification_and_return_apply_once(db: &DatabaseConnection) {
    seeded(db).await;
    let bank = Sandbox::new("a-secret-of-thirty-two-bytes-or-more!!");
    let (order_id, reference, amount, _) = pending_order(db).await;
    let paid = params(&bank, &reference, Outcome::Paid, amount);

    // The bank's server notifies first (the shopper closed the tab) …
    let first = handle_notification(db, &bank, &paid, sunday()).await.unwrap();
    assert!(first.changed);
    // … then the notification again, and the browser's return: nothing more happens.
    assert!(!handle_notification(db, &bank, &paid, sunday()).await.unwrap().changed);
    let page = handle_callback(db, &bank, &paid, sunday()).await.unwrap();
    // The key was erased when the order was paid: the browser holding the cart opens the page.
    assert!(page.ends_with(&format!("/orders/{order_id}")), "{page}");

    let o = order::Entity::find_by_id(order_id).one(db).await.unwrap().unwrap();
    assert_eq!((o.status, o.invoice_number), (OrderStatus::Paid, Some(1)));
    let p = payment::Entity::find().filter(payment::Column::Reference.eq(&reference)).one(db).await.unwrap().unwrap();
    assert_eq!((p.status, p.callbacks), (PaymentStatus::Paid, 3), "three reports counted, one applied");
    assert_eq!(outbox::Entity::find().filter(outbox::Column::Kind.eq("order_confirmation")).count(db).await.unwrap(), 1);

    // A forged notification is refused and changes nothing.
    let mut forged = paid.clone();
    forged.insert("amount".into(), "1".into());
    assert!(matches!(handle_notification(db, &bank, &forged, sunday()).await, Err(Refused::Verify(_))));
    let other_bank = Sandbox::new("another-secret-of-thirty-two-bytes!!");
    assert!(matches!(handle_notification(db, &other_bank, &paid, sunday()).await, Err(Refused::Verify(_))));
    assert!(refunds_due(db).await.unwrap().is_empty());
}
on_both_engines!(notification_and_return_apply_once);

async fn payment_after_cancellation_becomes_refund_due(db: &DatabaseConnection) {
    seeded(db).await;
    let bank = Sandbox::new("a-secret-of-thirty-two-bytes-or-more!!");
    let (order_id, reference, amount, offer_id) = pending_order(db).await;
    let stock = offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().stock;
    // Nobody paid within the reservation: the order is cancelled, the stock returns.
    assert_eq!(release_expired(db, sunday() + Duration::minutes(31)).await.unwrap(), 1);
    assert_eq!(offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().stock, stock + 1);

    // Then the bank reports the money, twice, by both channels.
    let paid = params(&bank, &reference, Outcome::Paid, amount);
    let later = sunday() + Duration::minutes(40);
    assert!(!handle_notification(db, &bank, &paid, later).await.unwrap().changed);
    handle_callback(db, &bank, &paid, later).await.unwrap();
    handle_notification(db, &bank, &paid, later).await.unwrap();

    // The order stays cancelled, no stock is taken again, and the refund is due once.
    let o = order::Entity::find_by_id(order_id).one(db).await.unwrap().unwrap();
    assert_eq!((o.status, o.invoice_number), (OrderStatus::Cancelled, None));
    assert_eq!(offer::Entity::find_by_id(offer_id).one(db).await.unwrap().unwrap().stock, stock + 1);
    let due = refunds_due(db).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].order_id, due[0].amount_cents, due[0].payment_status), (order_id, amount, PaymentStatus::Abandoned));
    assert_eq!(refund_due::Entity::find().count(db).await.unwrap(), 1);
    let mails = outbox::Entity::find().filter(outbox::Column::Kind.eq("refund_due")).all(db).await.unwrap();
    assert_eq!(mails.len(), 1, "the shop is told once");
    assert!(mails[0].body_text.contains(&format!("{order_id}")), "{}", mails[0].body_text);
    assert_eq!(outbox::Entity::find().filter(outbox::Column::Kind.eq("order_confirmation")).count(db).await.unwrap(), 0);

    // A payment the shopper cancelled at the bank, then paid after all: also a refund.
    let (_, reference2, amount2, _) = pending_order(db).await;
    handle_callback(db, &bank, &params(&bank, &reference2, Outcome::Failed, amount2), later).await.unwrap();
    handle_notification(db, &bank, &params(&bank, &reference2, Outcome::Paid, amount2), later).await.unwrap();
    let due = refunds_due(db).await.unwrap();
    assert_eq!(due.iter().map(|d| d.payment_status).collect::<Vec<_>>(), [PaymentStatus::Abandoned, PaymentStatus::Failed]);
}
on_both_engines!(payment_after_cancellation_becomes_refund_due);
