//! Service tests of buyer–seller messages, each on SQLite and PostgreSQL: the buyer (by the
//! order's key) writes about a shipment, the thread is made and the seller is e-mailed; the
//! seller sees it unread, answers (the buyer is e-mailed), and both read the same conversation;
//! a wrong key, another order's shipment or another seller's member find nothing; bad messages
//! and the 21st of an hour change nothing.

mod support;

use app::db::entity::{message, outbox, seller, seller_member, shipment};
use app::ids::UserId;
use app::messages::service::{buyer_thread, send_as_buyer, send_as_seller, seller_thread, seller_threads};
use app::messages::{MessageProblem, Side, PER_HOUR};
use app::orders::cancel::OrderAccess;
use app::sellers::area::{for_account, Member};
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

async fn member_of(db: &DatabaseConnection, seller_id: i32) -> Member {
    let m = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(seller_id)).one(db).await.unwrap().unwrap();
    for_account(db, m.user_id).await.unwrap().unwrap()
}

async fn mails(db: &DatabaseConnection, to: &str) -> u64 {
    outbox::Entity::find().filter(outbox::Column::Kind.eq("message")).filter(outbox::Column::ToAddress.eq(to)).count(db).await.unwrap()
}

async fn buyer_and_seller_write(db: &DatabaseConnection) {
    support::seeded(db).await;
    let (order_id, key, _) = support::paid_order(db).await;
    let shipments = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).all(db).await.unwrap();
    let (s, other_s) = (&shipments[0], &shipments[1]);
    let me = member_of(db, s.seller_id).await;
    let other = member_of(db, other_s.seller_id).await;
    let shop = seller::Entity::find_by_id(s.seller_id).one(db).await.unwrap().unwrap();
    let buyer = OrderAccess { key: &key, cart_id: None, account: None };
    let stranger = OrderAccess { key: "0123456789abcdef0123456789abcdef", cart_id: None, account: Some(UserId(999_999)) };
    let now = Utc::now();

    // Nobody else finds the shipment.
    assert!(buyer_thread(db, stranger, s.id, now).await.unwrap().is_none());
    assert!(send_as_buyer(db, stranger, s.id, "Tere", now).await.unwrap().is_none());
    assert!(seller_thread(db, &other, s.id, now).await.unwrap().is_none());
    assert!(send_as_seller(db, &other, s.id, "Tere", now).await.unwrap().is_none());
    // An empty message changes nothing.
    let empty = send_as_buyer(db, buyer, s.id, "   ", now).await.unwrap().unwrap();
    assert_eq!(empty.problem, Some(MessageProblem::Empty));
    assert_eq!(message::Entity::find().count(db).await.unwrap(), 0);

    // The buyer starts; the seller is told and sees it unread.
    let page = buyer_thread(db, buyer, s.id, now).await.unwrap().unwrap();
    assert!(page.messages.is_empty());
    assert_eq!((page.other.as_str(), page.key.as_str()), (shop.name.as_str(), key.as_str()));
    assert!(send_as_buyer(db, buyer, s.id, "Kas saab kätte enne reedet?", now).await.unwrap().unwrap().sent);
    assert_eq!(mails(db, &shop.email).await, 1);
    let list = seller_threads(db, &me, 1).await.unwrap();
    assert_eq!(list.rows.len(), 1);
    assert!(list.rows[0].unread);
    assert!(seller_threads(db, &other, 1).await.unwrap().rows.is_empty(), "not in another seller's list");
    // The seller opens and answers; the buyer is told.
    let seen = seller_thread(db, &me, s.id, now).await.unwrap().unwrap();
    assert_eq!(seen.messages.len(), 1);
    assert_eq!(seen.messages[0].author, Side::Buyer);
    assert!(!seller_threads(db, &me, 1).await.unwrap().rows[0].unread, "read once opened");
    let order_email = app::db::entity::order::Entity::find_by_id(order_id).one(db).await.unwrap().unwrap().email;
    assert!(send_as_seller(db, &me, s.id, "Jah, neljapäeval.", now).await.unwrap().unwrap().sent);
    assert_eq!(mails(db, &order_email).await, 1);
    let page = buyer_thread(db, buyer, s.id, now).await.unwrap().unwrap();
    let said: Vec<(Side, &str)> = page.messages.iter().map(|m| (m.author, m.body.as_str())).collect();
    assert_eq!(said, vec![(Side::Buyer, "Kas saab kätte enne reedet?"), (Side::Seller, "Jah, neljapäeval.")]);
    // The other shipment of the same order has its own (empty) thread with its own seller.
    assert!(buyer_thread(db, buyer, other_s.id, now).await.unwrap().unwrap().messages.is_empty());

    // The hourly limit: the buyer's 21st message in an hour is refused and not stored.
    for i in 1..PER_HOUR {
        assert!(send_as_buyer(db, buyer, s.id, &format!("Sõnum {i}"), now).await.unwrap().unwrap().sent);
    }
    let refused = send_as_buyer(db, buyer, s.id, "Veel üks", now).await.unwrap().unwrap();
    assert_eq!(refused.problem, Some(MessageProblem::TooMany));
    assert_eq!(refused.typed, "Veel üks", "what was typed is kept");
    assert_eq!(message::Entity::find().count(db).await.unwrap(), PER_HOUR as u64 + 1);
    assert!(send_as_seller(db, &me, s.id, "Seller is not limited by the buyer's count", now).await.unwrap().unwrap().sent);
}

on_both_engines!(buyer_and_seller_write);
