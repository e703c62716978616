//! Who is asking, once per request: the `turg_session` cookie is looked up (one query for the
//! session and its account, one for the roles) and the signed-in `Visitor` is put into the
//! request's extensions, where `app::accounts::visitor::current` reads it. Static files are
//! skipped. A cookie whose session has ended is cleared, so the browser's next requests are
//! anonymous again (and page-cacheable).

use app::accounts::SESSION_COOKIE;
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::Response,
};
use sea_orm::DatabaseConnection;

/// The value of one cookie of a request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

/// Static files: the same for everyone, no session needed.
pub fn is_static(path: &str) -> bool {
    ["/pkg/", "/img/", "/icons/", "/media/"].iter().any(|p| path.starts_with(p))
        || matches!(path, "/sw.js" | "/manifest.webmanifest" | "/favicon.ico" | "/robots.txt" | "/offline.html")
}

pub async fn resolve(State(db): State<DatabaseConnection>, mut req: Request, next: Next) -> Response {
    let mut ended = false;
    if let Some(token) = cookie(req.headers(), SESSION_COOKIE).filter(|_| !is_static(req.uri().path())) {
        match app::accounts::service::resolve(&db, &token, chrono::Utc::now()).await {
            Ok(Some(visitor)) => {
                req.extensions_mut().insert(visitor);
            }
            Ok(None) => ended = true,
            // Served as signed out this once; the cookie stays for the next request.
            Err(e) => tracing::error!(error = %e, "resolving a session"),
        }
    }
    let mut res = next.run(req).await;
    if ended {
        if let Ok(v) = HeaderValue::from_str(&app::server::cookie_header(SESSION_COOKIE, "", Some(0))) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// `/account/export.json`: everything held about the signed-in account, as a download
/// ("My data"). 401 when signed out; never stored by any cache.
pub async fn export(axum::extract::State(state): axum::extract::State<crate::routes::AppState>, req: Request) -> Response {
    use axum::response::IntoResponse;
    let Some(visitor) = req.extensions().get::<app::accounts::visitor::Visitor>().cloned() else {
        return (axum::http::StatusCode::UNAUTHORIZED, [(header::CACHE_CONTROL, "no-store")], "sign in first").into_response();
    };
    let who = app::accounts::visitor::SignedIn::from(visitor);
    match app::accounts::profile::export(&state.db, &who, chrono::Utc::now()).await {
        Ok(json) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"turg-account.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&json).unwrap_or_default(),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "exporting an account");
            (axum::http::StatusCode::SERVICE_UNAVAILABLE, [(header::CACHE_CONTROL, "no-store")], "try again later").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_by_name() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; turg_session=abc; b=2"));
        assert_eq!(cookie(&h, "turg_session").as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "turg_sessio"), None);
        h.insert(header::COOKIE, HeaderValue::from_static("turg_session="));
        assert_eq!(cookie(&h, "turg_session"), None, "an emptied cookie is no session");
    }

    #[test]
    fn static_files_skip_the_lookup() {
        assert!(is_static("/pkg/turg.wasm") && is_static("/sw.js"));
        assert!(!is_static("/et/account") && !is_static("/api/account"));
    }
}
