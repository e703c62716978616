//! The payment endpoints outside Leptos: the sandbox bank's decision (a plain form post from
//! its page; routed only when the sandbox is the configured provider), the browser's return
//! from the bank, and the provider's server-to-server notification. All are thin: the rules
//! are in `app::payment`.

use crate::routes::AppState;
use app::payment::provider::{configured, sandbox, Outcome, PaymentProvider};
use app::payment::service::{handle_callback, handle_notification, sandbox_decision, CallbackError, Refused};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use std::collections::HashMap;

#[derive(serde::Deserialize)]
pub struct Decision {
    reference: String,
    outcome: String,
}

/// The sandbox bank decides: like a real bank, it first notifies the shop's server (so the
/// payment is recorded even if the shopper never comes back), then sends the shopper back
/// with the signed browser return, which then changes nothing.
pub async fn sandbox_decide(State(state): State<AppState>, Form(decision): Form<Decision>) -> Response {
    let Some(bank) = sandbox() else { return StatusCode::NOT_FOUND.into_response() };
    let outcome = if decision.outcome == "paid" { Outcome::Paid } else { Outcome::Failed };
    let url = match sandbox_decision(&state.db, bank, &decision.reference, outcome).await {
        Ok(Some(url)) => url,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "sandbox bank: database error");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let signed: HashMap<String, String> = url
        .split_once('?')
        .map(|(_, q)| q.split('&').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
        .unwrap_or_default();
    if let Err(e) = handle_notification(&state.db, bank, &signed, chrono::Utc::now()).await {
        // The browser return below tries again.
        tracing::warn!(error = %e, "sandbox bank: notification failed");
    }
    Redirect::to(&url).into_response()
}

/// A page saying a bank's answer could not be verified (nothing changed).
fn refused_page() -> Response {
    let t = app::i18n::Lang::default().texts();
    let en = app::i18n::Lang::En.texts();
    (
        StatusCode::BAD_REQUEST,
        Html(format!(
            "<!DOCTYPE html><html lang=\"et\"><head><meta charset=\"utf-8\"><title>Turg</title></head>\
             <body><main><p>{}</p><p lang=\"en\">{}</p></main></body></html>",
            t.callback_refused, en.callback_refused
        )),
    )
        .into_response()
}

/// The shopper's return from the bank: verified, applied once, and the shopper sent on to the
/// order page. A forged or altered return changes nothing and gets 400.
pub async fn callback(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Response {
    let Some(provider) = configured() else { return StatusCode::NOT_FOUND.into_response() };
    match handle_callback(&state.db, provider, &params, chrono::Utc::now()).await {
        Ok(order_page) => Redirect::to(&order_page).into_response(),
        Err(Refused::Callback(CallbackError::Db(e))) => {
            tracing::error!(error = %e, "payment callback: database error");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(refused) => {
            tracing::warn!(%refused, "payment callback refused");
            refused_page()
        }
    }
}

/// The provider's server-to-server notification (`POST /payment/notify`, form-encoded, the
/// same signed fields as the browser return). 200 once applied (also when it was applied
/// before: the provider may send it again), 400 when forged or unknown, 503 when the database
/// is down (the provider retries).
pub async fn notify(State(state): State<AppState>, Form(params): Form<HashMap<String, String>>) -> Response {
    let Some(provider) = configured() else { return StatusCode::NOT_FOUND.into_response() };
    match handle_notification(&state.db, provider as &dyn PaymentProvider, &params, chrono::Utc::now()).await {
        Ok(applied) => (StatusCode::OK, if applied.changed { "applied\n" } else { "already applied\n" }).into_response(),
        Err(Refused::Callback(CallbackError::Db(e))) => {
            tracing::error!(error = %e, "payment notification: database error");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(refused) => {
            tracing::warn!(%refused, "payment notification refused");
            (StatusCode::BAD_REQUEST, "refused\n").into_response()
        }
    }
}
