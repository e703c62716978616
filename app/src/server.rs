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

/// The catalog snapshot (categories, sellers, delivery methods) the server put into context.
pub fn snapshot() -> Result<std::sync::Arc<crate::catalog::snapshot::Snapshot>, AppError> {
    use_context::<std::sync::Arc<crate::catalog::snapshot::Snapshots>>().map(|s| s.current()).ok_or_else(|| {
        tracing::error!("no catalog snapshot in context");
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
    token_hash_bytes(token.as_bytes())
}

/// SHA-256 of bytes, as hex (the names of stored files).
pub fn token_hash_bytes(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// What the legacy `orders.token` column (NOT NULL, UNIQUE, cannot be dropped on SQLite) holds
/// since order keys are kept hashed: the first 32 hex digits of the key's hash. Opens nothing.
pub fn legacy_token_column(token_hash: &str) -> String {
    token_hash.chars().take(32).collect()
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

/// The cookie an end-to-end test sets to read the server's clock at an instant of its choice.
pub const TEST_CLOCK_COOKIE: &str = "turg_test_clock";

/// The time of the request being served: the wall clock; with `TURG_TEST_CLOCK=1` (which the
/// configuration accepts only together with `TURG_DEV=1`) the RFC 3339 instant in the
/// [`TEST_CLOCK_COOKIE`] when the request carries one (a test opens a case "on a Saturday").
pub fn now() -> chrono::DateTime<chrono::Utc> {
    if crate::config::get_or_default().test_clock {
        if let Some(at) = cookie(TEST_CLOCK_COOKIE).and_then(|v| chrono::DateTime::parse_from_rfc3339(&v).ok()) {
            return at.with_timezone(&chrono::Utc);
        }
    }
    chrono::Utc::now()
}

/// Whether cookies should carry `Secure` (the shop is served over HTTPS).
fn secure_cookies() -> bool {
    crate::config::get_or_default().secure_cookies()
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, the whole site, `Secure` behind HTTPS; without
/// `max_age` the cookie ends with the browser session.
pub fn cookie_header(name: &str, value: &str, max_age_seconds: Option<i64>) -> String {
    let secure = if secure_cookies() { "; Secure" } else { "" };
    let max_age = max_age_seconds.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    format!("{name}={value}; Path=/{max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// Sets an HttpOnly, SameSite=Lax cookie on the response (`Secure` behind HTTPS).
pub fn set_cookie(name: &str, value: &str, max_age_seconds: i64) {
    set_cookie_for(name, value, Some(max_age_seconds));
}

/// [`set_cookie`], or without `max_age` a cookie that ends with the browser session.
pub fn set_cookie_for(name: &str, value: &str, max_age_seconds: Option<i64>) {
    let header = cookie_header(name, value, max_age_seconds);
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

/// The client's address for per-client limits (pending orders per address), as text; `None`
/// when it cannot be told. IPv6 clients count per /64 network (one household or phone gets a
/// whole /64 and could otherwise take a new address per request).
///
/// Trust: `X-Forwarded-For` (its first entry, the client as the first proxy saw it) and
/// `X-Real-IP` can be written by anyone, so they are believed only when `TURG_TRUST_PROXY=1`
/// says the shop runs behind a proxy that sets them, or when the server does not know the
/// connection's peer (it was not started with connect info, which means it is meant to run
/// behind such a proxy). Otherwise the connection's peer address counts.
pub fn client_address() -> Option<String> {
    let parts = request_parts()?;
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let trust_proxy = crate::config::get_or_default().trust_proxy;
    pick_client_address(peer, header("x-forwarded-for"), header("x-real-ip"), trust_proxy).map(address_key)
}

/// Which address is the client's (see [`client_address`] for the trust rule).
pub fn pick_client_address(
    peer: Option<std::net::IpAddr>,
    forwarded_for: Option<&str>,
    real_ip: Option<&str>,
    trust_proxy: bool,
) -> Option<std::net::IpAddr> {
    if peer.is_some() && !trust_proxy {
        return peer;
    }
    let forwarded = forwarded_for
        .and_then(|v| v.split(',').next())
        .and_then(|first| first.trim().parse().ok())
        .or_else(|| real_ip.and_then(|v| v.trim().parse().ok()));
    forwarded.or(peer)
}

/// The address as counted: IPv4 as is, IPv6 as its /64 network.
pub fn address_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_peer_counts_unless_the_proxy_is_trusted() {
        let peer = Some(ip("10.0.0.1"));
        assert_eq!(pick_client_address(peer, Some("1.2.3.4"), None, false), peer);
        assert_eq!(pick_client_address(peer, Some(" 1.2.3.4 , 10.0.0.1"), None, true), Some(ip("1.2.3.4")));
        assert_eq!(pick_client_address(peer, None, Some("5.6.7.8"), true), Some(ip("5.6.7.8")));
        assert_eq!(pick_client_address(peer, Some("garbage"), None, true), peer);
        // No peer known: the server runs behind the proxy that sets the headers.
        assert_eq!(pick_client_address(None, Some("1.2.3.4"), Some("5.6.7.8"), false), Some(ip("1.2.3.4")));
        assert_eq!(pick_client_address(None, None, None, false), None);
    }

    #[test]
    fn ipv6_counts_per_64_network() {
        assert_eq!(address_key(ip("2001:db8:1:2:aaaa::1")), address_key(ip("2001:db8:1:2:bbbb::2")));
        assert_ne!(address_key(ip("2001:db8:1:2::1")), address_key(ip("2001:db8:1:3::1")));
        assert_eq!(address_key(ip("::ffff:192.0.2.7")), "192.0.2.7");
        assert_eq!(address_key(ip("192.0.2.7")), "192.0.2.7");
    }
}
