//! Service tests of what a buyer does after paying, each on SQLite and PostgreSQL: cancelling a
//! shipment before it is shipped (stock back, the refund recorded through the provider, both
//! parties e-mailed), refused once it is shipped, and only for whoever may open the order.

mod support;

use app::cart::service::{self as cart, CartOwner};
use app::checkout::service::place_order;
use app::db::entity::{offer, outbox, refund, shipment};
use app::i18n::Lang;
use app::orders::aftersale::{CancelReason, CannotCancel};
use app::orders::cancel::{cancel_shipment, CancelError, OrderAccess};
use app::orders::ShipmentStatus;
use app::payment::provider::{Callback, Outcome, PaymentProvider, Sandbox};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{contact, seeded, sunday};

async fn stock(db: &DatabaseConnection, id: i32) -> i32 {
    offer::Entity::find_by_id(id).one(db).await.unwrap().unwrap().stock
}

/// A paid order of two offers from two sellers: (order id, key, the two offers).
async fn paid_order(db: &DatabaseConnection) -> (i32, String, Vec<offer::Model>) {
    let now = sunday();
    let all = offer::Entity::find().filter(offer::Column::Active.eq(true)).filter(offer::Column::Stock.gte(5)).order_by_asc(offer::Column::Id).all(db).await.unwrap();
    let mut picked: Vec<offer::Model> = Vec::new();
    for o in all {
        if picked.len() < 2 && picked.iter().all(|p| p.seller_id != o.seller_id) {
            picked.push(o);
        }
    }
    let (c, _) = cart::find_or_create(db, CartOwner::Guest(None), now).await.unwrap();
    for o in &picked {
        cart::add(db, c.id, o.id, 2, now).await.unwrap();
    }
    let view = cart::cart_view(db, CartOwner::Account(-1), Lang::En, now).await.unwrap();
    assert!(view.groups.is_empty(), "an account's cart is not a guest's");
    let placed = place_order(db, &c, &contact(), app::checkout::PayChoice::Bank(app::orders::Bank::Lhv), Lang::En, None, None, now)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let paid = Callback { reference: placed.payment_reference.clone(), outcome: Outcome::Paid, amount_cents: placed.total_cents };
    app::payment::service::apply_callback(db, &paid, now).await.unwrap();
    (placed.order_id, placed.token, picked)
}

async fn cancel_before_shipping(db: &DatabaseConnection) {
    seeded(db).await;
    let sandbox = Sandbox::new(b"a test secret of at least thirty-two bytes".to_vec());
    let provider: Option<&dyn PaymentProvider> = Some(&sandbox);
    let (order_id, key, offers) = paid_order(db).await;
    let shipments = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await.unwrap();
    assert_eq!(shipments.len(), 2);
    let first = &shipments[0];
    let offer_of_first = offers.iter().find(|o| o.seller_id == first.seller_id).unwrap();
    let before = stock(db, offer_of_first.id).await;
    let now = sunday();
    let access = OrderAccess { key: &key, cart_id: None, account: None };

    // Nobody else: a wrong key reads as a missing order.
    let wrong = OrderAccess { key: "0123456789abcdef0123456789abcdef", cart_id: None, account: None };
    assert!(matches!(cancel_shipment(db, wrong, first.id, CancelReason::ChangedMind, "", provider, now).await, Err(CancelError::NotFound)));
    // "Other" needs words.
    assert!(matches!(
        cancel_shipment(db, access, first.id, CancelReason::Other, " ", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::ReasonMissing))
    ));
    let outbox_before = outbox::Entity::find().count(db).await.unwrap();

    let done = cancel_shipment(db, access, first.id, CancelReason::FoundCheaper, "", provider, now).await.unwrap();
    assert_eq!(done.refunded_cents, first.goods_cents + first.fee_cents);
    assert!(done.refund_reference.as_deref().is_some_and(|r| r.starts_with("sandbox-refund-")));
    assert_eq!(stock(db, offer_of_first.id).await, before + 2, "the stock is back");
    let row = shipment::Entity::find_by_id(first.id).one(db).await.unwrap().unwrap();
    assert_eq!(row.status, ShipmentStatus::Cancelled.code());
    assert_eq!(row.cancel_reason.as_deref(), Some("found_cheaper"));
    let refunds = refund::Entity::find().all(db).await.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!((refunds[0].shipment_id, refunds[0].amount_cents, refunds[0].provider.as_str()), (first.id, done.refunded_cents, "sandbox"));
    // The buyer and the seller were told.
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), outbox_before + 2);
    let to_buyer = outbox::Entity::find().filter(outbox::Column::ToAddress.eq(contact().email)).filter(outbox::Column::Kind.eq("cancelled")).one(db).await.unwrap().unwrap();
    assert!(to_buyer.body_text.contains(&order_id.to_string()));
    // The other shipment goes on.
    assert_eq!(shipment::Entity::find_by_id(shipments[1].id).one(db).await.unwrap().unwrap().status, ShipmentStatus::Paid.code());

    // Again: nothing more happens (no second refund, no second restock).
    assert!(matches!(
        cancel_shipment(db, access, first.id, CancelReason::FoundCheaper, "", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::Over))
    ));
    assert_eq!(stock(db, offer_of_first.id).await, before + 2);
    assert_eq!(refund::Entity::find().count(db).await.unwrap(), 1);

    // Once handed to the carrier, it cannot be cancelled: the buyer refuses the parcel instead.
    let second = &shipments[1];
    let mut s: shipment::ActiveModel = shipment::Entity::find_by_id(second.id).one(db).await.unwrap().unwrap().into();
    s.status = Set(ShipmentStatus::Shipped.code().to_owned());
    s.update(db).await.unwrap();
    assert!(matches!(
        cancel_shipment(db, access, second.id, CancelReason::TooLate, "", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::Shipped))
    ));
    assert_eq!(refund::Entity::find().count(db).await.unwrap(), 1);
}
on_both_engines!(cancel_before_shipping);
