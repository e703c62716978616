//! Messages between a buyer and a seller, one thread per shipment, started by either side
//! (Catawiki's "message the seller first": the help centre sends buyers here before support).
//! The buyer opens the thread from the order page (`/{lang}/messages/{shipment}`, with the
//! order's key, its cart or its account: the same rule as the order page); the seller's people
//! from the seller area (`/{lang}/seller/messages`). Each message e-mails the other side. The
//! rules are here (pure); the database is `service`'s; the server functions are thin adapters.
//! Texts: `locales/*/area_messages.toml`.

pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::errors::AppError;
use crate::wire::Wire;
use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use sea_orm::sea_query::StringLen;

/// The longest message.
pub const BODY_MAX: usize = 2000;
/// Messages one side may send in a thread per hour (a thread is a conversation, not a channel
/// for bulk mail).
pub const PER_HOUR: usize = 20;
pub const THREADS_PER_PAGE: u64 = 30;

/// Who wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(10))"))]
pub enum Side {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "buyer"))]
    Buyer,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "seller"))]
    Seller,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Buyer => "buyer",
            Side::Seller => "seller",
        }
    }
}

/// Why a message was not sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageProblem {
    Empty,
    TooLong,
    /// Control characters or text-direction overrides.
    BadCharacters,
    /// More than [`PER_HOUR`] in the last hour.
    TooMany,
}

/// A message as typed, checked: trimmed, line breaks kept, at most [`BODY_MAX`] characters.
pub fn message_body(raw: &str) -> Result<String, MessageProblem> {
    use crate::checkout::validate::{lines, Problem};
    match lines(raw, BODY_MAX) {
        Ok(body) if body.is_empty() => Err(MessageProblem::Empty),
        Ok(body) => Ok(body),
        Err(Problem::TooLong { .. }) => Err(MessageProblem::TooLong),
        Err(_) => Err(MessageProblem::BadCharacters),
    }
}

/// Whether one more message fits the hourly limit, given when this side's earlier ones were sent.
pub fn within_rate(sent: &[DateTime<Utc>], now: DateTime<Utc>) -> bool {
    sent.iter().filter(|at| **at > now - Duration::hours(1)).count() < PER_HOUR
}

/// One message as the thread shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub author: Side,
    pub body: String,
    #[serde(with = "crate::wire::instant")]
    pub at: DateTime<Utc>,
}

/// A thread for one side: the shipment it is about and what was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    pub shipment_id: i32,
    pub order_id: i32,
    /// The order's key as presented (the buyer's links keep it); empty otherwise.
    pub key: String,
    /// The other side: the seller's shop name for the buyer, the buyer's name for the seller.
    pub other: String,
    pub shipment_status: crate::orders::ShipmentStatus,
    pub messages: Vec<MessageView>,
    pub answer: Option<MessageAnswer>,
}

/// What a message form did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageAnswer {
    pub sent: bool,
    pub problem: Option<MessageProblem>,
    /// What was typed, shown again with a problem.
    pub typed: String,
}

/// A thread in the seller's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadRow {
    pub shipment_id: i32,
    pub order_id: i32,
    pub buyer: String,
    /// The start of the newest message.
    pub last: String,
    pub last_author: Side,
    #[serde(with = "crate::wire::instant")]
    pub last_at: DateTime<Utc>,
    /// The buyer wrote since a member last opened it.
    pub unread: bool,
}

/// `/{lang}/seller/messages`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadsPage {
    pub rows: Vec<ThreadRow>,
    pub page: crate::catalog::paging::Page,
}

/// The buyer's thread about a shipment of their order.
#[server(prefix = "/api", endpoint = "buyer_thread", output = Wire)]
pub async fn get_buyer_thread(shipment_id: i32, key: String) -> Result<ThreadPage, AppError> {
    let db = crate::server::db()?;
    let access = server_side::buyer_access(&db).await?;
    let mut page = service::buyer_thread(&db, access.with_key(&key), shipment_id, Utc::now()).await?.ok_or(AppError::NotFound)?;
    page.answer = crate::accounts::api::server_side::take_flash();
    Ok(page)
}

/// The buyer writes to the seller of a shipment.
#[server(prefix = "/api", endpoint = "buyer_message", output = Wire)]
pub async fn send_buyer_message(
    lang: String,
    shipment_id: i32,
    #[server(default)] key: String,
    body: String,
) -> Result<MessageAnswer, AppError> {
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let access = server_side::buyer_access(&db).await?;
    let answer = service::send_as_buyer(&db, access.with_key(&key), shipment_id, &body, Utc::now()).await?.ok_or(AppError::NotFound)?;
    let back = format!("/{}/messages/{shipment_id}?key={}", lang.code(), crate::markup::query_value(&key));
    Ok(crate::accounts::api::server_side::again(answer, &back))
}

/// The seller's threads, newest first.
#[server(prefix = "/api", endpoint = "seller_threads", output = Wire)]
pub async fn get_seller_threads(page: u64) -> Result<ThreadsPage, AppError> {
    let db = crate::server::db()?;
    let me = crate::sellers::area::member(&db).await?;
    Ok(service::seller_threads(&db, &me, page.max(1)).await?)
}

/// The seller's thread about one of its shipments (empty until either side writes).
#[server(prefix = "/api", endpoint = "seller_thread", output = Wire)]
pub async fn get_seller_thread(shipment_id: i32) -> Result<ThreadPage, AppError> {
    let db = crate::server::db()?;
    let me = crate::sellers::area::member(&db).await?;
    let mut page = service::seller_thread(&db, &me, shipment_id, Utc::now()).await?.ok_or(AppError::NotFound)?;
    page.answer = crate::accounts::api::server_side::take_flash();
    Ok(page)
}

/// A seller's member writes to the buyer of one of the seller's shipments.
#[server(prefix = "/api", endpoint = "seller_message", output = Wire)]
pub async fn send_seller_message(lang: String, shipment_id: i32, body: String) -> Result<MessageAnswer, AppError> {
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let me = crate::sellers::area::member(&db).await?;
    let answer = service::send_as_seller(&db, &me, shipment_id, &body, Utc::now()).await?.ok_or(AppError::NotFound)?;
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/messages/{shipment_id}", lang.code())))
}

#[cfg(feature = "ssr")]
mod server_side {
    use crate::errors::AppError;
    use crate::ids::{CartId, UserId};
    use sea_orm::DatabaseConnection;

    /// Who the request is for the order rule, before the key: its cart and its account.
    pub struct BuyerAccess {
        cart_id: Option<CartId>,
        account: Option<UserId>,
    }

    impl BuyerAccess {
        pub fn with_key<'a>(&self, key: &'a str) -> crate::orders::cancel::OrderAccess<'a> {
            crate::orders::cancel::OrderAccess { key, cart_id: self.cart_id, account: self.account }
        }
    }

    pub async fn buyer_access(db: &DatabaseConnection) -> Result<BuyerAccess, AppError> {
        let owner = crate::cart::api::server_side::Owner::of_request();
        let cart_id = crate::cart::service::find_owned(db, owner.get()).await?.map(|c| CartId(c.id));
        Ok(BuyerAccess { cart_id, account: owner.account })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn messages_are_text_of_a_reasonable_length() {
        assert_eq!(message_body("  Tere!\r\nKas saab homme?  "), Ok("Tere!\nKas saab homme?".into()));
        assert_eq!(message_body(" \n "), Err(MessageProblem::Empty));
        assert_eq!(message_body(&"x".repeat(BODY_MAX + 1)), Err(MessageProblem::TooLong));
        assert!(message_body(&"ü".repeat(BODY_MAX)).is_ok(), "characters, not bytes");
        assert_eq!(message_body("a\u{7}b"), Err(MessageProblem::BadCharacters));
        assert_eq!(message_body("a\u{202E}b"), Err(MessageProblem::BadCharacters));
    }

    #[test]
    fn twenty_messages_an_hour() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let recent: Vec<_> = (0..PER_HOUR as i64).map(|m| now - Duration::minutes(m)).collect();
        assert!(!within_rate(&recent, now));
        assert!(within_rate(&recent[1..], now));
        let old: Vec<_> = (0..50).map(|m| now - Duration::minutes(61 + m)).collect();
        assert!(within_rate(&old, now), "older than an hour do not count");
    }
}
