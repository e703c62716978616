//! Service tests of the seller area's offers, each on SQLite and PostgreSQL: a member makes an
//! offer below the current winner and it takes the buy box; after a price rise the offer's
//! standing says the price that would win, and at that price it wins again; wrong terms change
//! nothing; another seller's offer is "not found" and stays as it was.

mod support;

use app::catalog::SellerStatus;
use app::db::entity::{offer, product, seller, seller_member};
use app::delivery::County;
use app::i18n::Lang;
use app::offers::buybox::Standing;
use app::sellers::area::{for_account, Member};
use app::sellers::offer_service::{editor, offers_page, save, SaveError};
use app::sellers::offers::OfferForm;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

/// The member of an active demo seller with a courier that reaches Harju County.
async fn member_of_seller(db: &DatabaseConnection, seller_id: i32) -> Member {
    let m = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(seller_id)).one(db).await.unwrap().unwrap();
    for_account(db, m.user_id).await.unwrap().expect("a member")
}

/// A product with offers from sellers other than `seller_id`, which that seller does not offer
/// and can deliver (not cold-chain).
async fn product_to_compete_for(db: &DatabaseConnection, seller_id: i32) -> product::Model {
    let mine: Vec<i32> = offer::Entity::find().filter(offer::Column::SellerId.eq(seller_id)).all(db).await.unwrap().iter().map(|o| o.product_id).collect();
    product::Entity::find()
        .filter(product::Column::ColdChain.eq(false))
        .filter(product::Column::OfferCount.gte(2))
        .filter(product::Column::Id.is_not_in(mine))
        .order_by_asc(product::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("a product to compete for")
}

async fn winner(db: &DatabaseConnection, p: &product::Model) -> (i32, i64) {
    let snapshot = support::snapshot(db).await;
    let offers = app::offers::service::product_offers(db, &snapshot, Lang::En, p.id, p.cold_chain, County::DEFAULT, chrono::Utc::now())
        .await
        .unwrap();
    let w = offers.winner().expect("a winner");
    (w.offer_id, w.landed_cents.unwrap())
}

fn terms(price: &str, methods: Vec<i32>) -> OfferForm {
    OfferForm { price: price.into(), stock: "7".into(), handling_days: "0".into(), active: true, methods }
}

async fn methods_of(db: &DatabaseConnection, seller_id: i32) -> Vec<i32> {
    use app::db::entity::delivery_method;
    delivery_method::Entity::find()
        .filter(delivery_method::Column::SellerId.eq(seller_id))
        .filter(delivery_method::Column::Active.eq(true))
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect()
}

async fn offer_below_the_winner_wins(db: &DatabaseConnection) {
    support::seeded(db).await;
    let now = chrono::Utc::now();
    let sellers = seller::Entity::find().filter(seller::Column::Status.eq(SellerStatus::Active)).order_by_asc(seller::Column::Id).all(db).await.unwrap();
    // A seller whose methods serve Harju County (the default county) and carry dry goods.
    let s = &sellers[1];
    let me = member_of_seller(db, s.id).await;
    let p = product_to_compete_for(db, s.id).await;
    let (before, landed) = winner(db, &p).await;
    let methods = methods_of(db, s.id).await;

    // Wrong terms: nothing is made.
    assert!(matches!(save(db, &me, None, p.id, &terms("abc", methods.clone()), now).await, Err(SaveError::Invalid(_))));
    assert!(offer::Entity::find().filter(offer::Column::SellerId.eq(s.id)).filter(offer::Column::ProductId.eq(p.id)).one(db).await.unwrap().is_none());

    // A price so low that it must win (one cent); it takes the buy box.
    let id = save(db, &me, None, p.id, &terms("0,01", methods.clone()), now).await.unwrap();
    let (after, _) = winner(db, &p).await;
    assert_ne!(before, after);
    assert_eq!(after, id);
    let snapshot = support::snapshot(db).await;
    let page = offers_page(db, &snapshot, &me, Lang::En, 1, now).await.unwrap();
    let row = page.rows.iter().find(|r| r.offer_id == id).expect("listed");
    assert_eq!(row.standing, Standing::Wins);
    let stored = product::Entity::find_by_id(p.id).one(db).await.unwrap().unwrap();
    assert_eq!(stored.min_price_cents, Some(1), "the product's summary follows");

    // A second "new" offer of the same product is the same offer.
    assert!(matches!(save(db, &me, None, p.id, &terms("5", methods.clone()), now).await, Err(SaveError::Exists(x)) if x == id));

    // Priced above the old winner's landed price: it loses, and says what price would win.
    let high = format!("{},00", landed / 100 + 50);
    assert_eq!(save(db, &me, Some(id), p.id, &terms(&high, methods.clone()), now).await.unwrap(), id);
    let e = editor(db, &snapshot, &me, Lang::En, Some(id), None, now).await.unwrap().unwrap();
    let Standing::PriceToWin(to_win) = e.offer.unwrap().standing else { panic!("it should lose on price") };
    assert!(to_win < landed, "{to_win} vs {landed}");
    let at = format!("{},{:02}", to_win / 100, to_win % 100);
    save(db, &me, Some(id), p.id, &terms(&at, methods.clone()), now).await.unwrap();
    assert_eq!(winner(db, &p).await.0, id, "at the price to win it wins");

    // Paused: it leaves the buy box.
    save(db, &me, Some(id), p.id, &OfferForm { active: false, ..terms(&at, methods.clone()) }, now).await.unwrap();
    assert_eq!(winner(db, &p).await.0, before);
}
on_both_engines!(offer_below_the_winner_wins);

async fn another_sellers_offer_is_not_found(db: &DatabaseConnection) {
    support::seeded(db).await;
    let now = chrono::Utc::now();
    let sellers = seller::Entity::find().order_by_asc(seller::Column::Id).all(db).await.unwrap();
    let me = member_of_seller(db, sellers[0].id).await;
    let theirs = offer::Entity::find().filter(offer::Column::SellerId.eq(sellers[1].id)).one(db).await.unwrap().unwrap();
    let snapshot = support::snapshot(db).await;
    assert!(editor(db, &snapshot, &me, Lang::En, Some(theirs.id), None, now).await.unwrap().is_none());
    let mine = methods_of(db, sellers[0].id).await;
    assert!(matches!(save(db, &me, Some(theirs.id), theirs.product_id, &terms("1", mine), now).await, Err(SaveError::NotFound)));
    assert_eq!(offer::Entity::find_by_id(theirs.id).one(db).await.unwrap().unwrap(), theirs);
    // Its own list holds only its own offers.
    let page = offers_page(db, &snapshot, &me, Lang::En, 1, now).await.unwrap();
    let own: Vec<i32> = offer::Entity::find().filter(offer::Column::SellerId.eq(sellers[0].id)).all(db).await.unwrap().iter().map(|o| o.id).collect();
    assert!(!page.rows.is_empty());
    assert!(page.rows.iter().all(|r| own.contains(&r.offer_id)));
}
on_both_engines!(another_sellers_offer_is_not_found);

async fn shipments_move_on_or_are_cancelled(db: &DatabaseConnection) {
    use app::db::entity::{outbox, refund, shipment};
    use app::ids::ShipmentId;
    use app::orders::aftersale::{CancelReason, CancelledBy, CannotCancel};
    use app::orders::cancel::{cancel, CancelError, Canceller};
    use app::orders::ShipmentStatus;
    use app::sellers::shipment_service::{act, ShipError};
    use app::sellers::shipments::{ShipAction, ShipProblem};
    support::seeded(db).await;
    let now = chrono::Utc::now();
    let (order_id, _, _) = support::paid_order(db).await;
    let buyer = support::contact().email;
    let ships = shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await.unwrap();
    let (a, b) = (&ships[0], &ships[1]);
    let ma = member_of_seller(db, a.seller_id).await;

    // Each seller reaches only its own shipment.
    assert!(matches!(act(db, &ma, b.id, ShipAction::Accept, "", "", now).await, Err(ShipError::NotFound)));
    assert_eq!(act(db, &ma, a.id, ShipAction::Accept, "", "", now).await.unwrap().status, ShipmentStatus::Processing);
    assert!(matches!(act(db, &ma, a.id, ShipAction::Deliver, "", "", now).await, Err(ShipError::Problem(ShipProblem::NotNow(ShipmentStatus::Processing)))));
    assert!(matches!(act(db, &ma, a.id, ShipAction::Ship, "DPD", " ", now).await, Err(ShipError::Problem(ShipProblem::TrackingRequired))));
    let shipped = act(db, &ma, a.id, ShipAction::Ship, "DPD", "05212345678", now).await.unwrap();
    assert_eq!((shipped.status, shipped.carrier.as_deref(), shipped.tracking_number.as_deref()), (ShipmentStatus::Shipped, Some("DPD"), Some("05212345678")));
    let mails = outbox::Entity::find().filter(outbox::Column::ToAddress.eq(buyer.as_str())).filter(outbox::Column::Kind.eq("shipped")).all(db).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body_text.contains("05212345678"));
    // Shipped cannot be shipped again, nor cancelled by the seller.
    assert!(matches!(act(db, &ma, a.id, ShipAction::Ship, "DPD", "1", now).await, Err(ShipError::Problem(ShipProblem::NotNow(ShipmentStatus::Shipped)))));
    assert!(matches!(
        cancel(db, Canceller::Seller(a.seller_id), ShipmentId(a.id), CancelReason::OutOfStock, "", None, now).await,
        Err(CancelError::Cannot(CannotCancel::Shipped))
    ));
    let delivered = act(db, &ma, a.id, ShipAction::Deliver, "", "", now).await.unwrap();
    assert_eq!(delivered.status, ShipmentStatus::Delivered);
    assert!(delivered.delivered_at.is_some());

    // The other seller cancels its own, with one of the seller's reasons.
    let sandbox = app::payment::provider::Sandbox::new(b"a test secret of at least thirty-two bytes".to_vec());
    let provider: Option<&dyn app::payment::provider::PaymentProvider> = Some(&sandbox);
    let line = app::db::entity::order_line::Entity::find().filter(app::db::entity::order_line::Column::ShipmentId.eq(b.id)).one(db).await.unwrap().unwrap();
    let stock_before = offer::Entity::find_by_id(line.offer_id).one(db).await.unwrap().unwrap().stock;
    assert!(matches!(
        cancel(db, Canceller::Seller(a.seller_id), ShipmentId(b.id), CancelReason::OutOfStock, "", provider, now).await,
        Err(CancelError::NotFound)
    ));
    assert!(matches!(
        cancel(db, Canceller::Seller(b.seller_id), ShipmentId(b.id), CancelReason::ChangedMind, "", provider, now).await,
        Err(CancelError::Cannot(CannotCancel::ReasonMissing))
    ), "a buyer's reason is not the seller's");
    let done = cancel(db, Canceller::Seller(b.seller_id), ShipmentId(b.id), CancelReason::OutOfStock, "", provider, now).await.unwrap();
    assert_eq!(done.refunded_cents, b.goods_cents + b.fee_cents);
    let row = shipment::Entity::find_by_id(b.id).one(db).await.unwrap().unwrap();
    assert_eq!((row.status, row.cancelled_by, row.cancel_reason), (ShipmentStatus::Cancelled, Some(CancelledBy::Seller), Some(CancelReason::OutOfStock)));
    assert_eq!(offer::Entity::find_by_id(line.offer_id).one(db).await.unwrap().unwrap().stock, stock_before + line.quantity);
    assert_eq!(refund::Entity::find().filter(refund::Column::ShipmentId.eq(b.id)).all(db).await.unwrap().len(), 1);
}
on_both_engines!(shipments_move_on_or_are_cancelled);

/// Suspending a seller takes its offers out of every product's buy box, offers list and search
/// document at once (the products are marked changed); reinstating brings them back. Both are
/// in the audit log; a suspension needs a reason.
async fn suspension_takes_offers_out(db: &DatabaseConnection) {
    use app::admin::sellers::service::{set_standing, StandingError};
    use app::admin::sellers::Standing;
    use app::db::entity::audit_entry;
    support::seeded(db).await;
    let now = chrono::Utc::now();
    let user = app::accounts::service::ensure_account(db, "boss@turg.ee", "Kirsid-Tallinnas-2026", "Boss", &[app::accounts::Role::Administrator], now).await.unwrap();
    let session = app::accounts::service::start_session(db, app::ids::UserId(user.id), false, "test", now).await.unwrap();
    let boss = app::accounts::visitor::Administrator::from_visitor(app::accounts::service::resolve(db, &session.token, now).await.unwrap().unwrap()).unwrap();
    // A product whose buy box a seller wins now.
    let p = product::Entity::find().filter(product::Column::OfferCount.gte(2)).filter(product::Column::ColdChain.eq(false)).order_by_asc(product::Column::Id).one(db).await.unwrap().unwrap();
    let (winner_offer, _) = winner(db, &p).await;
    let seller_id = offer::Entity::find_by_id(winner_offer).one(db).await.unwrap().unwrap().seller_id;
    let changed_before = p.updated_at;

    assert!(matches!(set_standing(db, &boss, seller_id, Standing::Suspend, " ", now).await, Err(StandingError::Reason(_))));
    set_standing(db, &boss, seller_id, Standing::Suspend, "Fake documents.", now).await.unwrap();
    assert!(matches!(set_standing(db, &boss, seller_id, Standing::Suspend, "again", now).await, Err(StandingError::Stale)));
    let snapshot = support::snapshot(db).await;
    let offers = app::offers::service::product_offers(db, &snapshot, Lang::En, p.id, false, County::DEFAULT, now).await.unwrap();
    assert!(offers.offers.iter().all(|o| o.offer_id != winner_offer), "not in the offers list");
    assert_ne!(offers.winner().map(|w| w.offer_id), Some(winner_offer), "not in the buy box");
    let docs = app::search::service::load_docs(db, &[p.id]).await.unwrap();
    assert!(!docs[0].seller_ids.contains(&seller_id), "not in search");
    let after = product::Entity::find_by_id(p.id).one(db).await.unwrap().unwrap();
    assert!(after.updated_at > changed_before, "marked changed for every instance's feed");
    assert_eq!(after.offer_count, p.offer_count - 1);

    set_standing(db, &boss, seller_id, Standing::Reinstate, "", now).await.unwrap();
    assert_eq!(winner(db, &p).await.0, winner_offer, "back in the buy box");
    let log: Vec<String> = audit_entry::Entity::find().order_by_asc(audit_entry::Column::Id).all(db).await.unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(log, vec!["seller.suspend", "seller.reinstate"]);
}
on_both_engines!(suspension_takes_offers_out);
