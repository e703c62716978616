//! Service tests of what a buyer does after paying, each on SQLite and PostgreSQL: cancelling a
//! shipment before it is shipped (stock back, the refund recorded through the provider, both
//! parties e-mailed), refused once it is shipped, and only for whoever may open the order;
//! withdrawing within 14 days of delivery (not perishable goods) and complaining within two
//! years, once each per shipment. A stored status the code does not know is an error when read,
//! never a guess.

mod support;

use app::db::entity::{claim, offer, order_line, outbox, product, refund, shipment};
use app::ids::ShipmentId;
use app::orders::aftersale::{CancelReason, CancelledBy, CannotCancel, CannotComplain, CannotWithdraw, ClaimKind, ClaimStatus, Remedy};
use app::orders::claims::{make_claim, record_delivery, ClaimError, ClaimRequest};
use app::orders::cancel::{cancel_shipment, CancelError, OrderAccess};
use app::orders::ShipmentStatus;
use app::payment::provider::{PaymentProvider, Sandbox};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{contact, seeded, sunday};

async fn stock(db: &DatabaseConnection, id: i32) -> i32 {
    offer::Entity::find_by_id(id).one(db).await.unwrap().unwrap().stock
}

async fn cancel_before_shipping(db: &DatabaseConnection) {
    seeded(db).await;
    let sandbox = Sandbox::new(b"a test secret of at least thirty-two bytes".to_vec());
    let provider: Option<&dyn PaymentProvider> = Some(&sandbox);
    let (order_id, key, offers) = support::paid_order(db).await;
    let shipments = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await.unwrap();
    assert_eq!(shipments.len(), 2);
    let first = &shipments[0];
    let offer_of_first = offers.iter().find(|o| o.seller_id == first.seller_id).unwrap();
    let before = stock(db, offer_of_first.id).await;
    let now = sunday();
    let access = OrderAccess { key: &key, cart_id: None, account: None };

    // Nobody else: a wrong key reads as a missing order.
    let wrong = OrderAccess { key: "0123456789abcdef0123456789abcdef", cart_id: None, account: None };
    assert!(matches!(cancel_shipment(db, wrong, ShipmentId(first.id), CancelReason::ChangedMind, "", provider, now).await, Err(CancelError::NotFound)));
    // "Other" needs words.
    assert!(matches!(
        cancel_shipment(db, access, ShipmentId(first.id), CancelReason::Other, " ", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::ReasonMissing))
    ));
    let outbox_before = outbox::Entity::find().count(db).await.unwrap();

    let done = cancel_shipment(db, access, ShipmentId(first.id), CancelReason::FoundCheaper, "", provider, now).await.unwrap();
    assert_eq!(done.refunded_cents, first.goods_cents + first.fee_cents);
    assert!(done.refund_reference.as_deref().is_some_and(|r| r.starts_with("sandbox-refund-")));
    assert_eq!(stock(db, offer_of_first.id).await, before + 2, "the stock is back");
    let row = shipment::Entity::find_by_id(first.id).one(db).await.unwrap().unwrap();
    assert_eq!(row.status, ShipmentStatus::Cancelled);
    assert_eq!((row.cancel_reason, row.cancelled_by), (Some(CancelReason::FoundCheaper), Some(CancelledBy::Buyer)));
    let refunds = refund::Entity::find().all(db).await.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!((refunds[0].shipment_id, refunds[0].amount_cents, refunds[0].provider.as_str()), (first.id, done.refunded_cents, "sandbox"));
    // The buyer and the seller were told.
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), outbox_before + 2);
    let to_buyer = outbox::Entity::find().filter(outbox::Column::ToAddress.eq(contact().email)).filter(outbox::Column::Kind.eq("cancelled")).one(db).await.unwrap().unwrap();
    assert!(to_buyer.body_text.contains(&order_id.to_string()));
    // The other shipment goes on.
    assert_eq!(shipment::Entity::find_by_id(shipments[1].id).one(db).await.unwrap().unwrap().status, ShipmentStatus::Paid);

    // Again: nothing more happens (no second refund, no second restock).
    assert!(matches!(
        cancel_shipment(db, access, ShipmentId(first.id), CancelReason::FoundCheaper, "", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::Over))
    ));
    assert_eq!(stock(db, offer_of_first.id).await, before + 2);
    assert_eq!(refund::Entity::find().count(db).await.unwrap(), 1);

    // Once handed to the carrier, it cannot be cancelled: the buyer refuses the parcel instead.
    let second = &shipments[1];
    let mut s: shipment::ActiveModel = shipment::Entity::find_by_id(second.id).one(db).await.unwrap().unwrap().into();
    s.status = Set(ShipmentStatus::Shipped);
    s.update(db).await.unwrap();
    assert!(matches!(
        cancel_shipment(db, access, ShipmentId(second.id), CancelReason::TooLate, "", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::Shipped))
    ));
    assert_eq!(refund::Entity::find().count(db).await.unwrap(), 1);
}
on_both_engines!(cancel_before_shipping);

/// Marks the products of a shipment perishable or not.
async fn perishable(db: &DatabaseConnection, shipment_id: i32, yes: bool) {
    for l in order_line::Entity::find().filter(order_line::Column::ShipmentId.eq(shipment_id)).all(db).await.unwrap() {
        let mut p: product::ActiveModel = product::Entity::find_by_id(l.product_id).one(db).await.unwrap().unwrap().into();
        p.perishable = Set(yes);
        p.update(db).await.unwrap();
    }
}

async fn withdraw_and_complain(db: &DatabaseConnection) {
    seeded(db).await;
    let (order_id, key, _) = support::paid_order(db).await;
    let shipments = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await.unwrap();
    let (food, lasting) = (shipments[0].id, shipments[1].id);
    perishable(db, food, true).await;
    perishable(db, lasting, false).await;
    let access = OrderAccess { key: &key, cart_id: None, account: None };
    let delivered = sunday();
    let day = chrono::Duration::days(1);
    let complaint = ClaimRequest::Complaint { remedy: Remedy::Replacement, description: "The lid of the jar is cracked." };

    // Not delivered yet: neither.
    assert!(matches!(make_claim(db, access, ShipmentId(lasting), ClaimRequest::Withdrawal, delivered).await, Err(ClaimError::Withdraw(CannotWithdraw::NotDelivered))));
    assert!(matches!(make_claim(db, access, ShipmentId(lasting), complaint, delivered).await, Err(ClaimError::Complain(CannotComplain::NotDelivered))));
    // Delivery is recorded for a shipment on its way only, once.
    assert!(!record_delivery(db, ShipmentId(lasting), delivered).await.unwrap(), "a paid shipment is not on its way");
    for id in [food, lasting] {
        let mut s: shipment::ActiveModel = shipment::Entity::find_by_id(id).one(db).await.unwrap().unwrap().into();
        s.status = Set(ShipmentStatus::Shipped);
        s.update(db).await.unwrap();
        assert!(record_delivery(db, ShipmentId(id), delivered).await.unwrap());
    }
    assert!(!record_delivery(db, ShipmentId(lasting), delivered + day).await.unwrap(), "a second report changes nothing");

    // Perishable goods: no withdrawal, however soon.
    assert!(matches!(make_claim(db, access, ShipmentId(food), ClaimRequest::Withdrawal, delivered + day).await, Err(ClaimError::Withdraw(CannotWithdraw::Perishable))));
    // Nobody else, and not after the 14 days.
    let wrong = OrderAccess { key: "0123456789abcdef0123456789abcdef", cart_id: None, account: None };
    assert!(matches!(make_claim(db, wrong, ShipmentId(lasting), ClaimRequest::Withdrawal, delivered + day).await, Err(ClaimError::NotFound)));
    assert!(matches!(make_claim(db, access, ShipmentId(lasting), ClaimRequest::Withdrawal, delivered + day * 15).await, Err(ClaimError::Withdraw(CannotWithdraw::TooLate))));
    assert_eq!(claim::Entity::find().count(db).await.unwrap(), 0, "nothing refused was recorded");

    // On the 14th day it is still in time.
    let outbox_before = outbox::Entity::find().count(db).await.unwrap();
    let w = make_claim(db, access, ShipmentId(lasting), ClaimRequest::Withdrawal, delivered + day * 14).await.unwrap();
    assert_eq!((w.kind, w.status, w.remedy), (ClaimKind::Withdrawal, ClaimStatus::Open, None));
    assert_eq!(w.due_on, chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(), "the goods go back within 14 days of withdrawing");
    assert_eq!(outbox::Entity::find().filter(outbox::Column::Kind.eq("withdrawal")).count(db).await.unwrap(), 2, "buyer and seller");
    assert_eq!(outbox::Entity::find().count(db).await.unwrap(), outbox_before + 2);
    assert!(matches!(make_claim(db, access, ShipmentId(lasting), ClaimRequest::Withdrawal, delivered + day * 14).await, Err(ClaimError::AlreadyMade(ClaimKind::Withdrawal))));

    // A complaint: described, within two years, answered in 15 days; perishable goods too.
    let blank = ClaimRequest::Complaint { remedy: Remedy::Refund, description: "  " };
    assert!(matches!(make_claim(db, access, ShipmentId(food), blank, delivered + day).await, Err(ClaimError::Complain(CannotComplain::DescriptionMissing))));
    assert!(matches!(make_claim(db, access, ShipmentId(food), complaint, delivered + day * 732).await, Err(ClaimError::Complain(CannotComplain::TooLate))));
    let c = make_claim(db, access, ShipmentId(food), complaint, delivered + day * 3).await.unwrap();
    assert_eq!((c.kind, c.remedy, c.description.as_deref()), (ClaimKind::Complaint, Some(Remedy::Replacement), Some("The lid of the jar is cracked.")));
    assert_eq!(c.due_on, chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
    let to_seller = outbox::Entity::find().filter(outbox::Column::Kind.eq("complaint")).filter(outbox::Column::ToAddress.ne(contact().email)).one(db).await.unwrap().unwrap();
    assert!(to_seller.body_text.contains("The lid of the jar is cracked."), "the seller reads the buyer's words");
    assert!(matches!(make_claim(db, access, ShipmentId(food), complaint, delivered + day * 4).await, Err(ClaimError::AlreadyMade(ClaimKind::Complaint))));

    // The order page shows both, and why the perishable shipment cannot be withdrawn from.
    let view = app::orders::service::order_view(db, order_id, None).await.unwrap().unwrap();
    let (v_food, v_lasting) = (&view.shipments[0], &view.shipments[1]);
    assert_eq!(v_food.after.no_withdrawal, Some(CannotWithdraw::Perishable));
    assert_eq!(v_food.claims.iter().map(|c| c.kind).collect::<Vec<_>>(), [ClaimKind::Complaint]);
    assert_eq!(v_lasting.claims.iter().map(|c| c.kind).collect::<Vec<_>>(), [ClaimKind::Withdrawal]);
    assert_eq!(v_lasting.after.delivered_on, Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()));
}
on_both_engines!(withdraw_and_complain);

/// A status no code writes (an old value, a hand edit): reading the row is an error, and so
/// are the order page and a cancellation, rather than a default standing in for it.
async fn an_unknown_stored_status_is_an_error(db: &DatabaseConnection) {
    use sea_orm::ConnectionTrait;
    seeded(db).await;
    let (order_id, key, _) = support::paid_order(db).await;
    let shipments = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await.unwrap();
    let (lost, other) = (shipments[0].id, shipments[1].id);
    db.execute_unprepared(&format!("UPDATE shipments SET status = 'lost' WHERE id = {lost}")).await.unwrap();

    let read = shipment::Entity::find_by_id(lost).one(db).await;
    assert!(read.is_err(), "an unknown status reads as an error, not a default: {read:?}");
    assert!(shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).all(db).await.is_err());
    assert_eq!(shipment::Entity::find_by_id(other).one(db).await.unwrap().unwrap().status, ShipmentStatus::Paid, "the other row reads as before");
    assert!(app::orders::service::order_view(db, order_id, None).await.is_err());
    let access = OrderAccess { key: &key, cart_id: None, account: None };
    assert!(matches!(cancel_shipment(db, access, ShipmentId(lost), CancelReason::ChangedMind, "", None, sunday()).await, Err(CancelError::Db(_))));

    // A known code written the same way reads again.
    db.execute_unprepared(&format!("UPDATE shipments SET status = 'shipped' WHERE id = {lost}")).await.unwrap();
    assert_eq!(shipment::Entity::find_by_id(lost).one(db).await.unwrap().unwrap().status, ShipmentStatus::Shipped);
}
on_both_engines!(an_unknown_stored_status_is_an_error);
