//! Pages for administrators: every server function takes the `administrator` guard first (401
//! when signed out, 403 for an account without the role), on the server.

#[cfg(feature = "ssr")]
pub mod audit;
pub mod applications;
pub mod categories;
pub mod pages;
pub mod sellers;
pub mod users;

/// Every page under `/{lang}/admin/…`, by its last segment (one lazy route; see `lib.rs`); an
/// unknown one is "not found".
#[leptos::component]
pub fn AdminArea() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    match path.trim_end_matches('/').rsplit('/').next().unwrap_or("") {
        "outbox" => view! { <pages::OutboxPage/> }.into_any(),
        "applications" => view! { <applications::ApplicationsPage/> }.into_any(),
        "audit" => view! { <applications::AuditPage/> }.into_any(),
        "sellers" => view! { <sellers::page::AdminSellersPage/> }.into_any(),
        "categories" => view! { <categories::page::AdminCategoriesPage/> }.into_any(),
        "users" => view! { <users::page::AdminUsersPage/> }.into_any(),
        _ => view! { <crate::ui::NotFoundBody/> }.into_any(),
    }
}

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

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    #[serde(with = "crate::wire::instant")]
    pub at: chrono::DateTime<chrono::Utc>,
    /// The e-mail of the account that acted.
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// The latest 100 entries of the audit log, newest first.
#[server(prefix = "/api", endpoint = "admin_audit", output = Wire)]
pub async fn get_audit() -> Result<Vec<AuditRow>, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let db = crate::server::db()?;
    Ok(audit::latest(&db, &admin, 100)
        .await?
        .into_iter()
        .map(|(e, actor)| AuditRow { at: e.at, actor, action: e.action, subject: e.subject, detail: e.detail })
        .collect())
}

/// Applications to sell: the open ones and the 20 latest decided, with what a plain post of a
/// decision left.
#[server(prefix = "/api", endpoint = "admin_applications", output = Wire)]
pub async fn get_applications() -> Result<crate::sellers::onboarding::ApplicationsPage, AppError> {
    let admin = crate::accounts::visitor::administrator()?;
    let answer = crate::accounts::api::server_side::take_flash();
    let db = crate::server::db()?;
    let applications = crate::sellers::applications::for_administrators(&db, &admin, 20).await?;
    Ok(crate::sellers::onboarding::ApplicationsPage { applications, answer })
}

/// Approves an application, asks its applicant for changes, or rejects it (the last two with
/// a message the applicant reads). Recorded in the audit log.
#[server(prefix = "/api", endpoint = "admin_decide_application", output = Wire)]
pub async fn decide_application(
    lang: String,
    id: i32,
    decision: String,
    #[server(default)] message: Option<String>,
) -> Result<crate::sellers::onboarding::DecideAnswer, AppError> {
    use crate::sellers::applications::{decide, DecideError};
    use crate::sellers::onboarding::{DecideAnswer, Decision};
    let admin = crate::accounts::visitor::administrator()?;
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let decision = Decision::from_code(&decision).ok_or_else(|| AppError::BadRequest(format!("decision {decision:?}")))?;
    let db = crate::server::db()?;
    let mut answer = DecideAnswer { application_id: id, ..Default::default() };
    match decide(&db, &admin, id, decision, message.as_deref().unwrap_or_default(), chrono::Utc::now()).await {
        Ok(_) => answer.done = Some(decision),
        Err(DecideError::Message(p)) => answer.problem = Some(p),
        Err(DecideError::NotFound) | Err(DecideError::NotAllowed(_)) => answer.stale = true,
        Err(DecideError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/admin/applications", lang.code())))
}
