//! The payment endpoints outside Leptos: the sandbox bank's decision (a plain form post from
//! its page) and the callback every provider sends the shopper back to. Both are thin: the
//! rules are in `app::payment`.

use crate::routes::AppState;
use app::payment::provider::{configured, Outcome};
use app::payment::service::{handle_callback, sandbox_decision, CallbackError, Refused};
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

/// The sandbox bank sends the shopper back with a signed callback.
pub async fn sandbox_decide(State(state): State<AppState>, Form(decision): Form<Decision>) -> Response {
    let outcome = if decision.outcome == "paid" { Outcome::Paid } else { Outcome::Failed };
    match sandbox_decision(&state.db, configured(), &decision.reference, outcome).await {
        Ok(Some(url)) => Redirect::to(&url).into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "sandbox bank: database error");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// A provider's callback: verified, applied once, and the shopper sent on to the order page.
/// A forged or altered callback changes nothing and gets 400.
pub async fn callback(State(state): State<AppState>, Query(params): Query<HashMap<String, String>>) -> Response {
    match handle_callback(&state.db, configured(), &params, chrono::Utc::now()).await {
        Ok(order_page) => Redirect::to(&order_page).into_response(),
        Err(Refused::Callback(CallbackError::Db(e))) => {
            tracing::error!(error = %e, "payment callback: database error");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
        Err(refused) => {
            tracing::warn!(%refused, "payment callback refused");
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
    }
}
