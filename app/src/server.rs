//! Server-side glue for server functions: what the axum server provides through context.

use crate::errors::AppError;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

/// The database pool the server put into context for this request.
pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<DatabaseConnection>().ok_or_else(|| {
        tracing::error!("no database connection in context");
        AppError::Unavailable
    })
}

/// Sets the HTTP status of the page being rendered (a no-op outside a request).
pub fn set_status(code: u16) {
    if let (Some(options), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        options.set_status(status);
    }
}

/// The search index the server put into context.
pub fn search() -> Result<std::sync::Arc<crate::search::service::Search>, AppError> {
    use_context::<std::sync::Arc<crate::search::service::Search>>().ok_or_else(|| {
        tracing::error!("no search index in context");
        AppError::Unavailable
    })
}

impl From<crate::search::service::IndexError> for AppError {
    fn from(e: crate::search::service::IndexError) -> AppError {
        tracing::error!("search failed: {e}");
        AppError::Unavailable
    }
}

/// A new random token: 128 bits from the OS, as 32 hex digits (cart cookies, order keys,
/// payment references).
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
    hex::encode(bytes)
}

/// SHA-256 of a token, as hex: what the database keeps of bearer tokens.
pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

/// The request being served (during SSR and in server functions).
fn request_parts() -> Option<axum::http::request::Parts> {
    use_context::<axum::http::request::Parts>()
}

/// A cookie of the current request.
pub fn cookie(name: &str) -> Option<String> {
    let parts = request_parts()?;
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// Whether cookies should carry `Secure` (the shop is served over HTTPS).
fn secure_cookies() -> bool {
    crate::config::get_or_default().secure_cookies()
}

/// Sets an HttpOnly, SameSite=Lax cookie on the response (`Secure` behind HTTPS).
pub fn set_cookie(name: &str, value: &str, max_age_seconds: i64) {
    let secure = if secure_cookies() { "; Secure" } else { "" };
    let header = format!("{name}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{secure}");
    if let (Some(options), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::HeaderValue::from_str(&header))
    {
        options.append_header(axum::http::header::SET_COOKIE, value);
    }
}

/// Whether the current request is a plain HTML form post (no JavaScript): such requests get
/// a redirect to the page that shows the result.
pub fn is_form_post() -> bool {
    request_parts().is_some_and(|p| {
        p.headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// Redirects a plain form post to `path` (after a server function); a no-op for calls from
/// the hydrated page, which update in place.
pub fn redirect_form_post(path: &str) {
    if is_form_post() {
        leptos_axum::redirect(path);
    }
}
