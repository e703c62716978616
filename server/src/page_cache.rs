//! A shared in-memory cache of rendered product pages: `/{lang}/p/{slug}` and
//! `/{lang}/p/{slug}/offers` (with their query strings).
//!
//! The cache sits in front of the router (outside the compression layer), so a hit skips the
//! app entirely and sends the stored, already-compressed bytes: one entry per (path + query,
//! encoding class). Entries live 30 s at most (delivery dates on the pages move at cut-off
//! times) and are evicted sooner when the catalog's change feed reports the product changed,
//! on every instance (`spawn_invalidator`).
//!
//! **Cached pages are shared between all visitors.** A page on these paths must depend only on
//! its URL and the catalog, never on who asks: anything personal (cart, account, "you bought
//! this") is either filled in by the browser after hydration, or its request carries one of
//! the `PERSONAL_COOKIES` (those requests bypass the cache), or the response says
//! `Cache-Control: private`/`no-store`, sets a cookie or varies on a request header other
//! than `Accept-Encoding` (then it is not stored). Only 200s are stored.
//!
//! Responses carry `x-cache: hit`, `miss` (looked up, rendered) or `bypass` (personal request).
//! `TURG_PAGE_CACHE=0` turns the cache off.

use app::catalog::changes::{ChangeFeed, ChangedProduct};
use app::i18n::Lang;
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
    Router,
};
use bytes::Bytes;
use http_body_util::BodyExt;
use quick_cache::{sync::Cache, Equivalent, Weighter};
use std::{
    collections::HashSet,
    convert::Infallible,
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    task::{Context, Poll},
    time::{Duration, Instant},
};
use tokio::sync::broadcast::{error::RecvError, Receiver};
use tower::{Service, ServiceExt};

/// How long a stored page is served.
pub const TTL: Duration = Duration::from_secs(30);
/// The bound on what the cache holds (bodies, keys and headers).
pub const CAPACITY_BYTES: u64 = 64 << 20;
/// Requests carrying any of these cookies are personal: never served from or stored in the cache.
pub const PERSONAL_COOKIES: &[&str] = &["turg_session", "turg_cart"];

/// The response encoding a request accepts, as far as the cache is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// `br` if the request accepts Brotli, else `gzip` if it accepts gzip, else identity.
    pub fn negotiate(headers: &HeaderMap) -> Encoding {
        let (mut br, mut gzip) = (false, false);
        for value in headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()) {
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
                });
                if name.eq_ignore_ascii_case("br") {
                    br = !refused;
                } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                    gzip |= !refused;
                }
            }
        }
        if br {
            Encoding::Brotli
        } else if gzip {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    /// Whether a response with this `Content-Encoding` is what this class gets.
    fn matches(self, content_encoding: Option<&HeaderValue>) -> bool {
        matches!(
            (self, content_encoding.map(HeaderValue::as_bytes)),
            (Encoding::Brotli, Some(b"br")) | (Encoding::Gzip, Some(b"gzip")) | (Encoding::Identity, None)
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// Path and query, as requested.
    uri: Box<str>,
    encoding: Encoding,
}

/// A `Key` to look up without allocating (hashes the same way).
#[derive(Hash)]
struct KeyRef<'a> {
    uri: &'a str,
    encoding: Encoding,
}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        *key.uri == *self.uri && key.encoding == self.encoding
    }
}

struct Entry {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    stored: Instant,
}

impl Entry {
    /// The stored response; for `HEAD`, its headers only (with the body's length).
    fn response(&self, head: bool) -> Response {
        let mut res = Response::new(if head { Body::empty() } else { Body::from(self.body.clone()) });
        *res.status_mut() = self.status;
        *res.headers_mut() = self.headers.clone();
        if head {
            res.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(self.body.len()));
        }
        res.headers_mut().insert(X_CACHE, HeaderValue::from_static("hit"));
        res
    }
}

#[derive(Clone)]
struct ByteWeighter;

impl Weighter<Key, Arc<Entry>> for ByteWeighter {
    fn weight(&self, key: &Key, entry: &Arc<Entry>) -> u64 {
        let headers: usize = entry.headers.iter().map(|(n, v)| n.as_str().len() + v.len() + 32).sum();
        (key.uri.len() + entry.body.len() + headers + 128) as u64
    }
}

struct Inner {
    cache: Cache<Key, Arc<Entry>, ByteWeighter>,
    ttl: Duration,
    /// Bumped by every eviction; a page rendered while one ran is not kept (it may be stale).
    generation: AtomicU64,
}

/// The page cache: cheap to clone, shared by the router and the invalidator.
#[derive(Clone)]
pub struct PageCache {
    inner: Option<Arc<Inner>>,
}

const X_CACHE: &str = "x-cache";

impl PageCache {
    /// A cache holding up to `capacity_bytes`, serving each page for `ttl`.
    pub fn new(capacity_bytes: u64, ttl: Duration) -> PageCache {
        let estimated_items = (capacity_bytes / 8192).max(16) as usize;
        let cache = Cache::with_weighter(estimated_items, capacity_bytes, ByteWeighter);
        PageCache { inner: Some(Arc::new(Inner { cache, ttl, generation: AtomicU64::new(0) })) }
    }

    /// A cache that stores nothing: `layer` leaves the router as it is.
    pub fn disabled() -> PageCache {
        PageCache { inner: None }
    }

    /// 64 MiB for 30 s, or disabled when `TURG_PAGE_CACHE` is `0`/`off`/`false`.
    pub fn from_env() -> PageCache {
        if app::config::get().page_cache {
            PageCache::new(CAPACITY_BYTES, TTL)
        } else {
            PageCache::disabled()
        }
    }

    /// Stored pages (fresh or expired, until they are replaced or pushed out).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.inner.as_ref().map_or(0, |i| i.cache.len())
    }

    /// Drops every stored page of this product: both pages, every query string and encoding.
    #[allow(dead_code)] // for code that changes a product and wants its pages gone at once
    pub fn evict_product(&self, slug: &str) {
        self.evict_products(&[slug]);
    }

    /// Drops every stored page of these products (one pass over the cache).
    pub fn evict_products(&self, slugs: &[&str]) {
        let Some(inner) = &self.inner else { return };
        let slugs: HashSet<&str> = slugs.iter().copied().collect();
        inner.generation.fetch_add(1, Ordering::AcqRel);
        inner.cache.retain(|key, _| !product_slug(path_of(&key.uri)).is_some_and(|s| slugs.contains(s)));
    }

    /// Drops every stored page.
    pub fn clear(&self) {
        let Some(inner) = &self.inner else { return };
        inner.generation.fetch_add(1, Ordering::AcqRel);
        inner.cache.clear();
    }

    /// `router` with the cache in front of it (outside every layer it already has, and before
    /// routing, so a hit costs little more than a lookup); `router` itself when disabled.
    pub fn layer(&self, router: Router) -> Router {
        match &self.inner {
            Some(inner) => Router::new().fallback_service(Cached { inner: inner.clone(), app: router }),
            None => router,
        }
    }
}

/// The app behind the cache.
#[derive(Clone)]
struct Cached {
    inner: Arc<Inner>,
    app: Router,
}

impl Service<Request> for Cached {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(())) // the router is always ready; `app` is called with `oneshot`
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let (inner, app) = (self.inner.clone(), self.app.clone());
        Box::pin(async move { Ok(inner.respond(app, req).await) })
    }
}

fn path_of(uri: &str) -> &str {
    uri.split_once('?').map_or(uri, |(path, _)| path)
}

/// The product slug of a cacheable path (`/{lang}/p/{slug}` or `/{lang}/p/{slug}/offers`).
fn product_slug(path: &str) -> Option<&str> {
    let mut segments = path.strip_prefix('/')?.split('/');
    let (lang, p, slug) = (segments.next()?, segments.next()?, segments.next()?);
    let tail_ok = matches!((segments.next(), segments.next()), (None, _) | (Some("offers"), None));
    (tail_ok && p == "p" && !slug.is_empty() && Lang::from_code(lang).is_some()).then_some(slug)
}

/// The key a product page is stored under: its path and the query parameters the page reads
/// (`county` on both pages, `sort` on the offers page) with valid values, in one order. `None`
/// when the query carries anything else (another parameter, an invalid value, a repeat): such
/// requests bypass the cache, so random query strings can neither evict nor grow it.
fn canonical_uri(path: &str, query: Option<&str>) -> Option<String> {
    let offers = path.ends_with("/offers");
    let (mut county, mut sort) = (None, None);
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "county" if county.is_none() => county = Some(app::delivery::County::from_code(value)?.code()),
            "sort" if offers && sort.is_none() => sort = Some(app::offers::buybox::OfferSort::from_code(value)?.code()),
            _ => return None,
        }
    }
    let mut uri = path.to_owned();
    let params: Vec<String> = [("county", county), ("sort", sort)]
        .into_iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={v}")))
        .collect();
    if !params.is_empty() {
        uri.push('?');
        uri.push_str(&params.join("&"));
    }
    Some(uri)
}

fn has_personal_cookie(headers: &HeaderMap) -> bool {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).any(|cookies| {
        cookies.split(';').any(|c| PERSONAL_COOKIES.contains(&c.split('=').next().unwrap_or("").trim()))
    })
}

/// A 200 that the app did not mark as personal and that varies by nothing but the URL (and
/// the encoding, which is in the key).
fn storable(res: &Response) -> bool {
    let any = |name, bad: fn(&str) -> bool| {
        res.headers().get_all(name).iter().any(|v| v.to_str().map_or(true, |v| v.split(',').map(str::trim).any(bad)))
    };
    res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && !any(header::CACHE_CONTROL, |d| d == "private" || d == "no-store")
        && !any(header::VARY, |v| !v.eq_ignore_ascii_case("accept-encoding"))
}

fn tagged(mut res: Response, value: &'static str) -> Response {
    res.headers_mut().insert(X_CACHE, HeaderValue::from_static(value));
    res
}

async fn call(app: Router, req: Request) -> Response {
    match app.oneshot(req).await {
        Ok(res) => res,
        Err(never) => match never {},
    }
}

impl Inner {
    async fn respond(&self, app: Router, req: Request) -> Response {
        let method = req.method().clone();
        if !(method == Method::GET || method == Method::HEAD) || product_slug(req.uri().path()).is_none() {
            return call(app, req).await;
        }
        if has_personal_cookie(req.headers()) {
            return tagged(call(app, req).await, "bypass");
        }
        let Some(uri) = canonical_uri(req.uri().path(), req.uri().query()) else {
            return tagged(call(app, req).await, "bypass");
        };
        let uri = uri.as_str();
        let encoding = Encoding::negotiate(req.headers());
        if let Some(entry) = self.cache.get(&KeyRef { uri, encoding }) {
            if entry.stored.elapsed() < self.ttl {
                return entry.response(method == Method::HEAD);
            }
        }
        let key = Key { uri: uri.into(), encoding };
        let generation = self.generation.load(Ordering::Acquire);
        let res = call(app, req).await;
        if method != Method::GET || !storable(&res) || !encoding.matches(res.headers().get(header::CONTENT_ENCODING)) {
            self.cache.remove(&key); // an expired page of something that is now gone or personal
            return tagged(res, "miss");
        }
        let (parts, body) = res.into_parts();
        let body = match body.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) => {
                tracing::error!(error = %e, uri = &*key.uri, "page cache: the page's body failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        let entry = Entry { status: parts.status, headers: parts.headers.clone(), body: body.clone(), stored: Instant::now() };
        if self.generation.load(Ordering::Acquire) == generation {
            self.cache.insert(key.clone(), Arc::new(entry));
            // An eviction that started after the check above may have missed this insert.
            if self.generation.load(Ordering::Acquire) != generation {
                self.cache.remove(&key);
            }
        }
        tagged(Response::from_parts(parts, Body::from(body)), "miss")
    }
}

/// Keeps `cache` in step with the catalog: evicts every product the change feed reports, and
/// everything when this subscriber fell behind and lost some reports.
pub fn spawn_invalidator(cache: PageCache, feed: ChangeFeed) -> tokio::task::JoinHandle<()> {
    tokio::spawn(invalidate(cache, feed.subscribe()))
}

async fn invalidate(cache: PageCache, mut changes: Receiver<Arc<Vec<ChangedProduct>>>) {
    loop {
        match changes.recv().await {
            Ok(batch) => cache.evict_products(&batch.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>()),
            Err(RecvError::Lagged(missed)) => {
                tracing::warn!(missed, "page cache fell behind the change feed; clearing it");
                cache.clear();
            }
            Err(RecvError::Closed) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{extract::Path, routing::get};
    use std::sync::atomic::AtomicUsize;
    use tower::ServiceExt;
    use tower_http::compression::CompressionLayer;

    /// A stand-in for the app: counts renders; `/et/p/gone` is a 404, `/et/p/cookie` sets a
    /// cookie, `/et/p/private` is `Cache-Control: private`, `/et/p/vary` varies on `Cookie`.
    fn app(cache: &PageCache) -> (Router, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let page = {
            let calls = calls.clone();
            move |Path(params): Path<Vec<(String, String)>>| {
                let calls = calls.clone();
                async move {
                    let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                    let slug = params.iter().find(|(k, _)| k == "slug").map(|(_, v)| v.clone()).unwrap_or_default();
                    let body = format!("<html><body>{slug} render {n} {}</body></html>", "padding ".repeat(20));
                    match slug.as_str() {
                        "gone" => (StatusCode::NOT_FOUND, body).into_response(),
                        "cookie" => ([(header::SET_COOKIE, "turg_cart=1")], body).into_response(),
                        "private" => ([(header::CACHE_CONTROL, "max-age=0, private")], body).into_response(),
                        "vary" => ([(header::VARY, "Cookie")], body).into_response(),
                        _ => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
                    }
                }
            }
        };
        let router = Router::new()
            .route("/{lang}/p/{slug}", get(page.clone()))
            .route("/{lang}/p/{slug}/offers", get(page.clone()))
            .route("/{lang}/c/{slug}", get(page))
            .layer(CompressionLayer::new());
        (cache.layer(router), calls)
    }

    async fn fetch(router: &Router, uri: &str, headers: &[(&str, &str)]) -> (StatusCode, String, Bytes, HeaderMap) {
        let mut req = Request::get(uri);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        let res = router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
        let status = res.status();
        let x_cache = res.headers().get(X_CACHE).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        let headers = res.headers().clone();
        (status, x_cache, res.into_body().collect().await.unwrap().to_bytes(), headers)
    }

    async fn x_cache(router: &Router, uri: &str) -> String {
        fetch(router, uri, &[]).await.1
    }

    fn cache() -> PageCache {
        PageCache::new(CAPACITY_BYTES, TTL)
    }

    #[tokio::test]
    async fn a_miss_then_hits_render_once() {
        let (router, calls) = app(&cache());
        let first = fetch(&router, "/et/p/milk", &[]).await;
        assert_eq!((first.0, first.1.as_str()), (StatusCode::OK, "miss"));
        for _ in 0..3 {
            let again = fetch(&router, "/et/p/milk", &[]).await;
            assert_eq!(again.1, "hit");
            assert_eq!(again.2, first.2, "the same bytes");
            assert_eq!(again.3.get(header::CONTENT_TYPE), first.3.get(header::CONTENT_TYPE));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn head_is_served_from_a_stored_get() {
        let (router, calls) = app(&cache());
        x_cache(&router, "/et/p/milk").await;
        let req = Request::head("/et/p/milk").body(Body::empty()).unwrap();
        let res = router.clone().oneshot(req).await.unwrap();
        assert_eq!(res.headers()[X_CACHE], "hit");
        let length: usize = res.headers()[header::CONTENT_LENGTH].to_str().unwrap().parse().unwrap();
        assert!(length > 0);
        assert!(res.into_body().collect().await.unwrap().to_bytes().is_empty());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn queries_and_pages_are_separate_entries() {
        let (router, calls) = app(&cache());
        for uri in ["/et/p/milk", "/et/p/milk/offers", "/et/p/milk/offers?sort=date", "/et/p/milk/offers?county=harju"] {
            assert_eq!(x_cache(&router, uri).await, "miss", "{uri}");
        }
        for uri in ["/et/p/milk", "/et/p/milk/offers", "/et/p/milk/offers?sort=date", "/et/p/milk/offers?county=harju"] {
            assert_eq!(x_cache(&router, uri).await, "hit", "{uri}");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn encodings_are_separate_entries() {
        let (router, calls) = app(&cache());
        let browsers = [("br, gzip", Some("br")), ("gzip, deflate", Some("gzip")), ("identity", None)];
        for (accept, encoding) in browsers {
            let (_, x, _, headers) = fetch(&router, "/ru/p/milk", &[("accept-encoding", accept)]).await;
            assert_eq!(x, "miss", "{accept}");
            assert_eq!(headers.get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()), encoding);
        }
        for (accept, encoding) in browsers {
            let (_, x, _, headers) = fetch(&router, "/ru/p/milk", &[("accept-encoding", accept)]).await;
            assert_eq!(x, "hit", "{accept}");
            assert_eq!(headers.get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()), encoding);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn only_the_parameters_a_page_reads_make_a_key() {
        assert_eq!(canonical_uri("/et/p/milk", None).as_deref(), Some("/et/p/milk"));
        assert_eq!(canonical_uri("/et/p/milk", Some("county=tartu")).as_deref(), Some("/et/p/milk?county=tartu"));
        assert_eq!(
            canonical_uri("/et/p/milk/offers", Some("sort=date&county=tartu")).as_deref(),
            Some("/et/p/milk/offers?county=tartu&sort=date")
        );
        for (path, query) in [
            ("/et/p/milk", "utm_source=x"),
            ("/et/p/milk", "county=atlantis"),
            ("/et/p/milk", "county=tartu&county=harju"),
            ("/et/p/milk", "sort=date"),
            ("/et/p/milk/offers", "sort=random"),
            ("/et/p/milk/offers", "x"),
        ] {
            assert_eq!(canonical_uri(path, Some(query)), None, "{path}?{query}");
        }
    }

    #[tokio::test]
    async fn random_query_strings_neither_evict_nor_grow_the_cache() {
        let cache = cache();
        let (router, calls) = app(&cache);
        assert_eq!(x_cache(&router, "/et/p/milk").await, "miss");
        for i in 0..20 {
            assert_eq!(x_cache(&router, &format!("/et/p/milk?r={i}")).await, "bypass");
        }
        assert_eq!(cache.len(), 1);
        assert_eq!(x_cache(&router, "/et/p/milk").await, "hit");
        assert_eq!(calls.load(Ordering::SeqCst), 21);
    }

    #[test]
    fn encoding_classes() {
        let class = |accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
            Encoding::negotiate(&headers)
        };
        assert_eq!(class("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(class("gzip;q=1.0, br;q=0.5"), Encoding::Brotli);
        assert_eq!(class("br;q=0, gzip"), Encoding::Gzip);
        assert_eq!(class("x-gzip"), Encoding::Gzip);
        assert_eq!(class("deflate"), Encoding::Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Encoding::Identity);
    }

    #[tokio::test]
    async fn evicting_a_product_drops_its_pages_only() {
        let cache = cache();
        let (router, calls) = app(&cache);
        let milk = ["/et/p/milk", "/en/p/milk/offers?sort=date"];
        let others = ["/et/p/milk-2", "/et/p/bread/offers", "/et/c/milk"];
        for uri in milk.iter().chain(&others) {
            x_cache(&router, uri).await;
            fetch(&router, uri, &[("accept-encoding", "gzip")]).await;
        }
        cache.evict_product("milk");
        for uri in milk {
            assert_eq!(x_cache(&router, uri).await, "miss", "{uri}");
            assert_eq!(fetch(&router, uri, &[("accept-encoding", "gzip")]).await.1, "miss", "{uri}");
        }
        for uri in ["/et/p/milk-2", "/et/p/bread/offers"] {
            assert_eq!(x_cache(&router, uri).await, "hit", "{uri}");
        }
        assert_eq!(x_cache(&router, "/et/c/milk").await, "", "category pages are not cached");
        let renders = calls.load(Ordering::SeqCst);
        cache.clear();
        assert_eq!(x_cache(&router, "/et/p/bread/offers").await, "miss");
        assert_eq!(calls.load(Ordering::SeqCst), renders + 1);
    }

    #[tokio::test]
    async fn pages_expire() {
        let (router, calls) = app(&PageCache::new(CAPACITY_BYTES, Duration::from_millis(50)));
        assert_eq!(x_cache(&router, "/et/p/milk").await, "miss");
        assert_eq!(x_cache(&router, "/et/p/milk").await, "hit");
        tokio::time::sleep(Duration::from_millis(80)).await;
        assert_eq!(x_cache(&router, "/et/p/milk").await, "miss");
        assert_eq!(x_cache(&router, "/et/p/milk").await, "hit");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn personal_requests_bypass_the_cache() {
        let (router, calls) = app(&cache());
        x_cache(&router, "/et/p/milk").await;
        for cookie in ["turg_session=abc", "theme=dark; turg_cart=42"] {
            let (_, x, body, _) = fetch(&router, "/et/p/milk", &[("cookie", cookie)]).await;
            assert_eq!(x, "bypass");
            assert!(String::from_utf8_lossy(&body).contains("render"), "rendered afresh");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        assert_eq!(fetch(&router, "/et/p/milk", &[("cookie", "theme=dark")]).await.1, "hit", "other cookies are fine");
    }

    #[tokio::test]
    async fn only_plain_200s_are_stored() {
        let (router, calls) = app(&cache());
        for uri in ["/et/p/gone", "/et/p/cookie", "/et/p/private", "/et/p/vary", "/xx/p/milk"] {
            x_cache(&router, uri).await;
            assert_ne!(x_cache(&router, uri).await, "hit", "{uri}");
        }
        assert_eq!(fetch(&router, "/et/p/gone", &[]).await.0, StatusCode::NOT_FOUND);
        assert_eq!(calls.load(Ordering::SeqCst), 11);
    }

    #[tokio::test]
    async fn a_disabled_cache_passes_everything_through() {
        let cache = PageCache::disabled();
        let (router, calls) = app(&cache);
        assert_eq!(x_cache(&router, "/et/p/milk").await, "");
        assert_eq!(x_cache(&router, "/et/p/milk").await, "");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        cache.evict_product("milk");
        cache.clear();
    }

    #[tokio::test]
    async fn the_change_feed_evicts_and_a_lag_clears() {
        let cache = cache();
        let (router, _) = app(&cache);
        let feed = ChangeFeed::new();
        let _task = spawn_invalidator(cache.clone(), feed.clone());
        for uri in ["/et/p/milk", "/et/p/milk/offers", "/et/p/bread"] {
            x_cache(&router, uri).await;
        }
        feed.publish(vec![ChangedProduct { id: 1, slug: "milk".into() }]);
        let settled = || async {
            for _ in 0..100 {
                if cache.len() < 3 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        };
        settled().await;
        assert_eq!(x_cache(&router, "/et/p/milk").await, "miss");
        assert_eq!(x_cache(&router, "/et/p/milk/offers").await, "miss");
        assert_eq!(x_cache(&router, "/et/p/bread").await, "hit");

        // A subscriber that misses reports must forget everything.
        let cache = PageCache::new(CAPACITY_BYTES, TTL);
        let (router, _) = app(&cache);
        x_cache(&router, "/et/p/bread").await;
        let (tx, rx) = tokio::sync::broadcast::channel(1);
        for id in 0..3 {
            tx.send(Arc::new(vec![ChangedProduct { id, slug: format!("p{id}") }])).unwrap();
        }
        drop(tx);
        invalidate(cache.clone(), rx).await; // returns once the channel is closed
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn cacheable_paths() {
        assert_eq!(product_slug("/et/p/milk"), Some("milk"));
        assert_eq!(product_slug("/ru/p/milk/offers"), Some("milk"));
        for path in ["/et/p/", "/et/p/milk/reviews", "/et/p/milk/offers/x", "/et/c/milk", "/pkg/p/x", "/et"] {
            assert_eq!(product_slug(path), None, "{path}");
        }
        assert_eq!(path_of("/et/p/milk/offers?sort=date"), "/et/p/milk/offers");
    }
}
