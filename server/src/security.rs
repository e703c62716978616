//! Request hygiene in front of every route:
//!
//! - [`same_origin`]: a state-changing request (anything but GET, HEAD, OPTIONS) from another
//!   site is refused with 403 before it reaches a handler. The browser's `Origin` decides;
//!   without it, `Sec-Fetch-Site`, then `Referer`. A request with none of them is not from a
//!   browser page (curl, a payment provider's server) and cannot ride on a shopper's cookies,
//!   so it passes; the provider's notification endpoint is signed and checked on its own.
//! - [`headers`]: security headers on every response; a Content-Security-Policy on every HTML
//!   page that allows exactly the inline scripts and styles that page carries (by their
//!   SHA-256, computed from the body, so a page stored by the page cache keeps a policy that
//!   matches it: no per-response nonce is needed); `Cache-Control: no-store` on personal pages
//!   and on everything that sets a cookie.
//! - [`server_fn_status`]: a server function's error answers with its own HTTP status (404,
//!   409, 403 …) instead of the 500 that leptos gives every error.

use app::errors::AppError;
use app::i18n::{negotiate, Lang};
use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine;
use sha2::{Digest, Sha256};

/// Where the request came from, as far as the browser tells.
#[derive(Debug, PartialEq, Eq)]
pub enum Provenance {
    SameOrigin,
    /// Another site; the string says how we know (for the log and the 403).
    CrossSite(String),
    /// No browser header at all: not a page's request.
    Unknown,
}

/// `scheme://host[:port]` of a URL (`Origin` is already one; `Referer` is a whole URL).
fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&url[..scheme.len() + 3 + end])
}

/// Whether `origin` is this site: the configured public origin, or the `Host` the request was
/// sent to (any scheme: TLS may end at a proxy in front of us).
fn is_own_origin(origin: &str, headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if public_origin.is_some_and(|p| p.trim_end_matches('/').eq_ignore_ascii_case(origin)) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let authority = origin.split_once("://").map(|(_, a)| a);
    matches!((host, authority), (Some(h), Some(a)) if h.eq_ignore_ascii_case(a))
}

/// Where a request came from, by `Origin`, else `Sec-Fetch-Site`, else `Referer`.
pub fn provenance(headers: &HeaderMap, public_origin: Option<&str>) -> Provenance {
    let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    if let Some(origin) = text(header::ORIGIN) {
        return if origin != "null" && is_own_origin(origin, headers, public_origin) {
            Provenance::SameOrigin
        } else {
            Provenance::CrossSite(format!("Origin {origin}"))
        };
    }
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return match site {
            "same-origin" | "none" => Provenance::SameOrigin,
            other => Provenance::CrossSite(format!("Sec-Fetch-Site {other}")),
        };
    }
    if let Some(referer) = text(header::REFERER) {
        return match origin_of(referer) {
            Some(o) if is_own_origin(o, headers, public_origin) => Provenance::SameOrigin,
            _ => Provenance::CrossSite("Referer of another site".into()),
        };
    }
    Provenance::Unknown
}

fn public_origin() -> Option<String> {
    app::config::get().public_url.clone()
}

/// Refuses state-changing requests from other sites (403, with a translated reason).
pub async fn same_origin(req: Request, next: Next) -> Response {
    // The provider's notification comes from its server and is signed; it is checked there.
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) || req.uri().path() == "/payment/notify" {
        return next.run(req).await;
    }
    match provenance(req.headers(), public_origin().as_deref()) {
        Provenance::SameOrigin | Provenance::Unknown => next.run(req).await,
        Provenance::CrossSite(why) => {
            tracing::warn!(method = %req.method(), path = req.uri().path(), %why, "cross-site request refused");
            let lang = negotiate(req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()));
            let body = format!("{}\n({why})\n", lang.texts().error_cross_origin);
            let mut res = (StatusCode::FORBIDDEN, body).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
    }
}

/// Pages and endpoints that belong to one visitor: never stored by a browser, a proxy or the
/// service worker.
pub fn is_personal_path(path: &str) -> bool {
    const PERSONAL: &[&str] = &["cart", "checkout", "orders", "pay", "account", "admin", "seller", "pantry", "messages", "support"];
    // In the help centre the articles are public; an answer (it may be about an order) and a
    // case are the visitor's.
    const PERSONAL_HELP: &[&str] = &["ask", "cases"];
    if path.starts_with("/api/") || path.starts_with("/payment/") {
        return true;
    }
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(lang), Some("help"), Some(page)) => Lang::from_code(lang).is_some() && PERSONAL_HELP.contains(&page),
        (Some(lang), Some(section), _) => Lang::from_code(lang).is_some() && PERSONAL.contains(&section),
        _ => false,
    }
}

/// The inline `<script>` and `<style>` elements of an HTML document, as CSP source
/// expressions (`'sha256-…'`) of their exact text: (scripts, styles).
pub fn inline_hashes(html: &str) -> (Vec<String>, Vec<String>) {
    let (mut scripts, mut styles) = (Vec::new(), Vec::new());
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        let rest = &lower[start + 1..];
        let (tag, list) = if rest.starts_with("script") {
            ("script", &mut scripts)
        } else if rest.starts_with("style") {
            ("style", &mut styles)
        } else {
            at = start + 1;
            continue;
        };
        let after_name = start + 1 + tag.len();
        // `<scripts>` or `<styled>` are other elements.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace() || c == '/') {
            at = after_name;
            continue;
        }
        let Some(open_end) = lower[after_name..].find('>').map(|i| after_name + i + 1) else { break };
        let close = format!("</{tag}");
        let Some(content_end) = lower[open_end..].find(&close).map(|i| open_end + i) else { break };
        let attributes = &lower[after_name..open_end];
        let external = tag == "script" && attributes.contains("src=");
        if !external {
            let digest = Sha256::digest(&html.as_bytes()[open_end..content_end]);
            let source = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
            if !list.contains(&source) {
                list.push(source);
            }
        }
        at = content_end + close.len();
    }
    (scripts, styles)
}

/// The policy of an HTML page with these inline hashes.
pub fn content_security_policy(scripts: &[String], styles: &[String]) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}{}; style-src 'self'{}{}; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        if scripts.is_empty() { "" } else { " " },
        scripts.join(" "),
        if styles.is_empty() { "" } else { " " },
        styles.join(" "),
    )
}

/// Whether the shop is served over HTTPS (then browsers are told to keep to it).
fn served_over_https(headers: &HeaderMap) -> bool {
    public_origin().is_some_and(|u| u.starts_with("https://"))
        || headers.get("x-forwarded-proto").is_some_and(|p| p.as_bytes().eq_ignore_ascii_case(b"https"))
}

/// The largest page whose body is read to hash its inline scripts.
const MAX_HTML_BYTES: usize = 16 << 20;

/// Security headers, the page's Content-Security-Policy and `no-store` for personal pages.
pub async fn headers(req: Request, next: Next) -> Response {
    // A page rendered for a signed-in visitor is theirs alone, whatever its address.
    // (Static files stay cacheable: they are the same for everyone.)
    let personal = is_personal_path(req.uri().path())
        || (crate::visitor::cookie(req.headers(), app::accounts::SESSION_COOKIE).is_some()
            && !crate::visitor::is_static(req.uri().path()));
    let https = served_over_https(req.headers());
    let res = next.run(req).await;
    let (mut parts, body) = res.into_parts();
    let h = &mut parts.headers;
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"));
    if https {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    if personal || h.contains_key(header::SET_COOKIE) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let html = h.get(header::CONTENT_TYPE).is_some_and(|c| c.as_bytes().starts_with(b"text/html"));
    if !html || h.contains_key(header::CONTENT_ENCODING) {
        return Response::from_parts(parts, body);
    }
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_HTML_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "reading a page to hash its scripts");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let (scripts, styles) = inline_hashes(&String::from_utf8_lossy(&bytes));
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&scripts, &styles)) {
        parts.headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

/// Server functions that read a multipart body (file uploads): server_fn panics on one that is
/// not multipart, so such a request is refused here with 415 before it reaches them.
pub async fn multipart_only(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if req.method() == axum::http::Method::POST
        && app::sellers::imports::MULTIPART_ENDPOINTS.contains(&path)
    {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data") && v.contains("boundary="));
        if !multipart {
            return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "a file upload is sent as multipart/form-data").into_response();
        }
    }
    next.run(req).await
}

/// The header leptos puts on a server function's error response.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// Gives a server function's error response the status of its [`AppError`] (leptos answers
/// 500 for every error; a 400 set while reading the arguments is kept).
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR || !res.headers().contains_key(SERVER_FN_ERROR) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 << 10).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn provenance_by_origin_then_fetch_metadata_then_referer() {
        let host = ("host", "shop.test:3000");
        assert_eq!(provenance(&headers(&[host, ("origin", "http://shop.test:3000")]), None), Provenance::SameOrigin);
        assert!(matches!(provenance(&headers(&[host, ("origin", "https://evil.test")]), None), Provenance::CrossSite(_)));
        assert!(matches!(provenance(&headers(&[host, ("origin", "null")]), None), Provenance::CrossSite(_)));
        // A port is part of the origin.
        assert!(matches!(provenance(&headers(&[host, ("origin", "http://shop.test")]), None), Provenance::CrossSite(_)));
        // Behind a proxy that rewrites Host, the configured public origin counts.
        assert_eq!(
            provenance(&headers(&[("host", "10.0.0.5:3000"), ("origin", "https://turg.ee")]), Some("https://turg.ee/")),
            Provenance::SameOrigin
        );
        assert_eq!(provenance(&headers(&[host, ("sec-fetch-site", "same-origin")]), None), Provenance::SameOrigin);
        assert!(matches!(provenance(&headers(&[host, ("sec-fetch-site", "cross-site")]), None), Provenance::CrossSite(_)));
        assert!(matches!(provenance(&headers(&[host, ("sec-fetch-site", "same-site")]), None), Provenance::CrossSite(_)));
        assert_eq!(provenance(&headers(&[host, ("referer", "http://shop.test:3000/et/cart?x=1")]), None), Provenance::SameOrigin);
        assert!(matches!(
            provenance(&headers(&[host, ("referer", "http://shop.test:3000.evil.test/")]), None),
            Provenance::CrossSite(_)
        ));
        assert_eq!(provenance(&headers(&[host]), None), Provenance::Unknown);
    }

    #[test]
    fn personal_paths() {
        for p in ["/et/cart", "/en/checkout", "/ru/orders/5", "/et/pay/sandbox/abc", "/en/admin/outbox", "/api/cart_add", "/payment/callback", "/et/account/profile", "/en/messages/7", "/et/seller/imports", "/en/pantry", "/en/help/ask", "/ru/help/cases/3", "/et/support/4"] {
            assert!(is_personal_path(p), "{p}");
        }
        for p in ["/et", "/en/p/milk", "/et/c/food", "/en/sellers", "/sitemap.xml", "/xx/cart", "/en/help", "/en/help/cancel-order"] {
            assert!(!is_personal_path(p), "{p}");
        }
    }

    #[test]
    fn inline_scripts_and_styles_are_hashed_external_ones_not() {
        let html = r#"<html><head><script type="module">import('/pkg/x.js')</script><script src="/pkg/y.js"></script>
            <STYLE>b{}</STYLE><link rel="stylesheet"></head><body><scripts>no</scripts><script>a</script><script>a</script></body></html>"#;
        let (scripts, styles) = inline_hashes(html);
        let hash = |s: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())));
        assert_eq!(scripts, vec![hash("import('/pkg/x.js')"), hash("a")]);
        assert_eq!(styles, vec![hash("b{}")]);
        let csp = content_security_policy(&scripts, &styles);
        assert!(csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {} {};", scripts[0], scripts[1])), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
        assert_eq!(content_security_policy(&[], &[]).matches("  ").count(), 0);
    }

    #[test]
    fn origins_of_urls() {
        assert_eq!(origin_of("https://a.test:8080/x?y"), Some("https://a.test:8080"));
        assert_eq!(origin_of("http://a.test"), Some("http://a.test"));
        assert_eq!(origin_of("nonsense"), None);
    }
}
