//! Pages for administrators: every server function takes the `administrator` guard first (401
//! when signed out, 403 for an account without the role), on the server.

pub mod pages;

use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use crate::wire::Wire;

/// One e-mail in the outbox, as administrators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i32,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub transport: Option<String>,
    #[serde(with = "crate::wire::instant")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[serde(with = "crate::wire::instant_opt")]
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub body_text: String,
    pub last_error: Option<String>,
}

/// Money that arrived for a cancelled order and must be paid back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundDue {
    pub order_id: i32,
    pub amount_cents: i64,
    pub payment_status: crate::orders::PaymentStatus,
    #[serde(with = "crate::wire::instant")]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The refunds still due, oldest first.
#[server(prefix = "/api", endpoint = "admin_refunds_due", output = Wire)]
pub async fn get_refunds_due() -> Result<Vec<RefundDue>, AppError> {
    let _admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    Ok(crate::payment::service::refunds_due(&db)
        .await?
        .into_iter()
        .map(|r| RefundDue {
            order_id: r.order_id,
            amount_cents: r.amount_cents,
            payment_status: r.payment_status,
            created_at: r.created_at,
        })
        .collect())
}

/// The latest 50 messages of the outbox, newest first.
#[server(prefix = "/api", endpoint = "admin_outbox", output = Wire)]
pub async fn get_outbox() -> Result<Vec<OutboxMessage>, AppError> {
    let _admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    Ok(crate::outbox::latest(&db, 50)
        .await?
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            kind: m.kind,
            to: m.to_address,
            subject: m.subject,
            status: m.status.code().to_owned(),
            attempts: m.attempts,
            transport: m.transport,
            created_at: m.created_at,
            sent_at: m.sent_at,
            body_text: m.body_text,
            last_error: m.last_error,
        })
        .collect())
}
