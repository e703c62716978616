//! Buyer–seller threads on the database (migration 16). The buyer reaches a thread through the
//! order rule (`orders::cancel::OrderAccess`: the order's key, its cart or its account); a
//! seller's member only through its own seller's shipments. Anyone else's shipment is "not
//! found" (`None`), whether or not it exists. Each message is queued as an e-mail to the other
//! side in the same transaction.

use super::{message_body, within_rate, MessageAnswer, MessageProblem, MessageView, Side, ThreadPage, ThreadRow, ThreadsPage, THREADS_PER_PAGE};
use crate::catalog::paging::Page;
use crate::db::entity::{message, message_thread, order, seller, shipment};
use crate::i18n::{fill, Lang};
use crate::orders::cancel::OrderAccess;
use crate::sellers::area::Member;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// A shipment and its order, when `access` opens the order.
async fn buyers_shipment<C: ConnectionTrait>(
    db: &C,
    access: OrderAccess<'_>,
    shipment_id: i32,
) -> Result<Option<(shipment::Model, order::Model)>, DbErr> {
    let Some(s) = shipment::Entity::find_by_id(shipment_id).one(db).await? else { return Ok(None) };
    let Some(o) = order::Entity::find_by_id(s.order_id).one(db).await? else { return Ok(None) };
    Ok(access.opens(&o).then_some((s, o)))
}

/// A shipment of the member's seller, and its order.
async fn sellers_shipment<C: ConnectionTrait>(db: &C, me: &Member, shipment_id: i32) -> Result<Option<(shipment::Model, order::Model)>, DbErr> {
    let Some(s) = shipment::Entity::find_by_id(shipment_id).filter(shipment::Column::SellerId.eq(me.seller_id())).one(db).await? else {
        return Ok(None);
    };
    Ok(order::Entity::find_by_id(s.order_id).one(db).await?.map(|o| (s, o)))
}

async fn thread_of<C: ConnectionTrait>(db: &C, shipment_id: i32) -> Result<Option<message_thread::Model>, DbErr> {
    message_thread::Entity::find().filter(message_thread::Column::ShipmentId.eq(shipment_id)).one(db).await
}

async fn messages_of<C: ConnectionTrait>(db: &C, thread: Option<&message_thread::Model>) -> Result<Vec<MessageView>, DbErr> {
    let Some(t) = thread else { return Ok(Vec::new()) };
    Ok(message::Entity::find()
        .filter(message::Column::ThreadId.eq(t.id))
        .order_by_asc(message::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| MessageView { author: m.author, body: m.body, at: m.created_at })
        .collect())
}

/// The column of when `side` last read its thread.
fn read_at(side: Side) -> message_thread::Column {
    match side {
        Side::Buyer => message_thread::Column::BuyerReadAt,
        Side::Seller => message_thread::Column::SellerReadAt,
    }
}

/// Marks a thread read by one side now.
async fn mark_read<C: ConnectionTrait>(db: &C, thread: Option<&message_thread::Model>, side: Side, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(t) = thread else { return Ok(()) };
    message_thread::Entity::update_many().col_expr(read_at(side), Expr::value(now)).filter(message_thread::Column::Id.eq(t.id)).exec(db).await?;
    Ok(())
}

/// The buyer's view of the thread about `shipment_id` (marked read).
pub async fn buyer_thread<C: ConnectionTrait>(
    db: &C,
    access: OrderAccess<'_>,
    shipment_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<ThreadPage>, DbErr> {
    let Some((s, o)) = buyers_shipment(db, access, shipment_id).await? else { return Ok(None) };
    let seller = seller::Entity::find_by_id(s.seller_id).one(db).await?.map(|x| x.name).unwrap_or_default();
    let thread = thread_of(db, s.id).await?;
    mark_read(db, thread.as_ref(), Side::Buyer, now).await?;
    Ok(Some(ThreadPage {
        shipment_id: s.id,
        order_id: o.id,
        key: if access.by_key(&o) { access.key.to_owned() } else { String::new() },
        other: seller,
        shipment_status: s.status,
        messages: messages_of(db, thread.as_ref()).await?,
        answer: None,
    }))
}

/// The seller's view of the thread about one of its shipments (marked read).
pub async fn seller_thread<C: ConnectionTrait>(db: &C, me: &Member, shipment_id: i32, now: DateTime<Utc>) -> Result<Option<ThreadPage>, DbErr> {
    let Some((s, o)) = sellers_shipment(db, me, shipment_id).await? else { return Ok(None) };
    let thread = thread_of(db, s.id).await?;
    mark_read(db, thread.as_ref(), Side::Seller, now).await?;
    Ok(Some(ThreadPage {
        shipment_id: s.id,
        order_id: o.id,
        key: String::new(),
        other: o.name,
        shipment_status: s.status,
        messages: messages_of(db, thread.as_ref()).await?,
        answer: None,
    }))
}

/// The member's seller's threads, newest message first.
pub async fn seller_threads<C: ConnectionTrait>(db: &C, me: &Member, requested: u64) -> Result<ThreadsPage, DbErr> {
    let mine = message_thread::Entity::find().filter(message_thread::Column::SellerId.eq(me.seller_id()));
    let total = mine.clone().count(db).await?;
    let page = Page::new(requested, total, THREADS_PER_PAGE);
    let threads = mine
        .order_by_desc(message_thread::Column::LastMessageAt)
        .order_by_desc(message_thread::Column::Id)
        .offset(page.offset(THREADS_PER_PAGE))
        .limit(THREADS_PER_PAGE)
        .all(db)
        .await?;
    let buyers: HashMap<i32, String> = order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .column(order::Column::Name)
        .filter(order::Column::Id.is_in(threads.iter().map(|t| t.order_id)))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut rows = Vec::with_capacity(threads.len());
    for t in threads {
        let last = message::Entity::find().filter(message::Column::ThreadId.eq(t.id)).order_by_desc(message::Column::Id).one(db).await?;
        let Some(last) = last else { continue };
        rows.push(ThreadRow {
            shipment_id: t.shipment_id,
            order_id: t.order_id,
            buyer: buyers.get(&t.order_id).cloned().unwrap_or_default(),
            last: last.body.chars().take(120).collect(),
            last_author: last.author,
            last_at: last.created_at,
            unread: last.author == Side::Buyer && t.seller_read_at.is_none_or(|r| r < last.created_at),
        });
    }
    Ok(ThreadsPage { rows, page })
}

/// Adds a message to the shipment's thread (made on the first one), within the hourly limit,
/// and queues the e-mail to the other side: all in one transaction.
async fn send<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    s: &shipment::Model,
    o: &order::Model,
    side: Side,
    author_user_id: Option<i32>,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<MessageAnswer, DbErr> {
    let refused = |p| MessageAnswer { problem: Some(p), typed: raw.chars().take(super::BODY_MAX + 100).collect(), ..Default::default() };
    let body = match message_body(raw) {
        Ok(b) => b,
        Err(p) => return Ok(refused(p)),
    };
    let txn = crate::db::begin(db).await?;
    message_thread::Entity::insert(message_thread::ActiveModel {
        shipment_id: Set(s.id),
        order_id: Set(o.id),
        seller_id: Set(s.seller_id),
        created_at: Set(now),
        last_message_at: Set(now),
        ..Default::default()
    })
    .on_conflict(OnConflict::column(message_thread::Column::ShipmentId).do_nothing().to_owned())
    .try_insert()
    .exec(&txn)
    .await?;
    let thread = thread_of(&txn, s.id).await?.ok_or_else(|| DbErr::RecordNotFound("the thread just made".into()))?;
    let sent: Vec<DateTime<Utc>> = message::Entity::find()
        .select_only()
        .column(message::Column::CreatedAt)
        .filter(message::Column::ThreadId.eq(thread.id))
        .filter(message::Column::Author.eq(side))
        .filter(message::Column::CreatedAt.gt(now - chrono::Duration::hours(1)))
        .into_tuple()
        .all(&txn)
        .await?;
    if !within_rate(&sent, now) {
        return Ok(refused(MessageProblem::TooMany));
    }
    let m = message::ActiveModel {
        thread_id: Set(thread.id),
        author: Set(side),
        author_user_id: Set(author_user_id),
        body: Set(body.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The writer has read what it answered.
    message_thread::Entity::update_many()
        .col_expr(message_thread::Column::LastMessageAt, Expr::value(now))
        .col_expr(read_at(side), Expr::value(now))
        .filter(message_thread::Column::Id.eq(thread.id))
        .exec(&txn)
        .await?;
    notify(&txn, s, o, side, m.id, &body, now).await?;
    txn.commit().await?;
    Ok(MessageAnswer { sent: true, ..Default::default() })
}

/// The e-mail that tells the other side: the buyer in the order's language (to the order page,
/// whose link for a guest is in the order confirmation), the seller in Estonian.
async fn notify<C: ConnectionTrait>(
    db: &C,
    s: &shipment::Model,
    o: &order::Model,
    from: Side,
    message_id: i32,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(shop) = seller::Entity::find_by_id(s.seller_id).one(db).await? else { return Ok(()) };
    let base = crate::config::get_or_default().public_url_or_local();
    let (lang, to, link) = match from {
        Side::Buyer => (Lang::Et, shop.email.clone(), format!("{base}/et/seller/messages/{}", s.id)),
        Side::Seller => {
            let lang = Lang::from_code(&o.lang).unwrap_or_default();
            (lang, o.email.clone(), format!("{base}/{}/messages/{}", lang.code(), s.id))
        }
    };
    let t = lang.texts();
    let order_no = o.id.to_string();
    let values = [("order", order_no.as_str()), ("seller", shop.name.as_str()), ("buyer", o.name.as_str())];
    let (subject, intro) = match from {
        Side::Buyer => (t.mail_message_to_seller_subject, t.mail_message_to_seller),
        Side::Seller => (t.mail_message_to_buyer_subject, t.mail_message_to_buyer),
    };
    let email = crate::orders::email::Email::paragraphs(
        lang,
        fill(subject, &values),
        &[fill(intro, &values), body.to_owned()],
        Some((t.mail_message_open, &link)),
    );
    let m = crate::outbox::NewMessage { dedupe_key: format!("message:{message_id}"), kind: "message", lang, to, email };
    crate::outbox::enqueue(db, m, now).await
}

/// The buyer writes about a shipment of an order `access` opens (`None`: not found).
pub async fn send_as_buyer<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: OrderAccess<'_>,
    shipment_id: i32,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<Option<MessageAnswer>, DbErr> {
    let Some((s, o)) = buyers_shipment(db, access, shipment_id).await? else { return Ok(None) };
    Ok(Some(send(db, &s, &o, Side::Buyer, access.account.map(|a| a.0), raw, now).await?))
}

/// A member of the shipment's seller writes to its buyer (`None`: not the seller's shipment).
pub async fn send_as_seller<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    me: &Member,
    shipment_id: i32,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<Option<MessageAnswer>, DbErr> {
    let Some((s, o)) = sellers_shipment(db, me, shipment_id).await? else { return Ok(None) };
    Ok(Some(send(db, &s, &o, Side::Seller, Some(me.user_id()), raw, now).await?))
}
