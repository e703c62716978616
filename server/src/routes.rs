//! The HTTP surface: Leptos pages and server functions, the machine-facing files (`/healthz`,
//! `/sitemap.xml`, `/robots.txt`, `/offline.html`, PWA files) and static assets.

use app::{catalog::service, db::seed::seed_demo, i18n::{negotiate, Lang}, shell, App};
use axum::{
    extract::{FromRef, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Json, Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use serde_json::json;
use app::{
    catalog::{changes::ChangeFeed, snapshot::Snapshots},
    search::service::Search,
};
use std::{path::PathBuf, sync::Arc};
use tower_http::{
    compression::{CompressionLayer, CompressionLevel},
    services::{ServeDir, ServeFile},
    set_header::{SetResponseHeader, SetResponseHeaderLayer},
};
use tower::Layer;

#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub db: DatabaseConnection,
    /// This instance's view of catalog changes (polled from the shared database).
    pub feed: ChangeFeed,
    /// The search index (a cache of the database, built in the background at start-up).
    pub search: Arc<Search>,
    /// The sitemap's pages (a cache of the database, emptied by the change feed).
    pub sitemap: Arc<crate::sitemap::SitemapCache>,
    /// Categories, sellers and delivery methods (a cache of the database, reloaded after every
    /// batch of the change feed).
    pub snapshots: Arc<Snapshots>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// The Leptos options from the environment; hashed asset names when cargo-leptos wrote
/// `hash.txt` next to this binary (so the binary also runs outside `cargo leptos`).
fn leptos_options() -> Result<LeptosOptions, String> {
    let config = app::config::get();
    let mut options = get_configuration(None).map_err(|e| e.to_string())?.leptos_options;
    options.site_addr = config.site_addr;
    options.hash_files = match config.hash_files {
        Some(hash_files) => hash_files,
        None => {
            let hash_file = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join(options.hash_file.as_ref())));
            hash_file.is_some_and(|f| f.exists())
        }
    };
    Ok(options)
}

/// How long shutdown waits for the workers to finish their current job.
const WORKERS_STOP_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves until SIGTERM or Ctrl-C: then stops taking connections, lets the requests in flight
/// finish, tells the workers to stop between jobs and waits for them (at most 10 s).
pub async fn serve(db: DatabaseConnection, config: &app::config::Config) -> Result<(), String> {
    if config.demo {
        if let Some(r) = seed_demo(&db).await.map_err(|e| e.to_string())? {
            tracing::info!(products = r.products, offers = r.offers, sellers = r.sellers, "seeded the demo catalog");
        }
    }
    let state = app_state(db.clone()).await?;
    let shutdown = tokio_util::sync::CancellationToken::new();
    let workers = crate::workers::spawn(db.clone(), crate::workers::transport(config)?, shutdown.clone());
    let addr = state.leptos.site_addr;
    let page_cache = crate::page_cache::PageCache::from_env();
    crate::page_cache::spawn_invalidator(page_cache.clone(), state.feed.clone());
    let app = crate::observe::layer(page_cache.layer(router(state.clone()).merge(crate::health::routes(state))));
    let listener = tokio::net::TcpListener::bind(&addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("Turg listening on http://{addr}");
    tokio::spawn({
        let shutdown = shutdown.clone();
        async move {
            let signal = shutdown_signal().await;
            tracing::info!("{signal}: finishing the requests in flight, then stopping");
            shutdown.cancel();
        }
    });
    let served = axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown.clone().cancelled_owned())
        .await
        .map_err(|e| e.to_string());
    shutdown.cancel(); // also when serving failed
    if let Err(e) = workers.join(WORKERS_STOP_WITHIN).await {
        tracing::warn!("{e}");
    }
    tracing::info!("stopped");
    served
}

/// Waits for Ctrl-C or (on Unix) SIGTERM, and says which came.
async fn shutdown_signal() -> &'static str {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => "Ctrl-C",
        _ = term => "SIGTERM",
    }
}

/// The state every route shares, from the environment (`serve` and `server bench`). Starts
/// this instance's change poller (one per instance: subscribe to `feed` rather than starting
/// another) and the search index build; `search.is_ready()` tells when that has finished.
pub async fn app_state(db: DatabaseConnection) -> Result<AppState, String> {
    // The help centre's shipped articles: added or updated (never over an agent's edit).
    match app::help::service::sync_builtin(&db, chrono::Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(articles = n, "help centre articles written"),
        Err(e) => return Err(format!("cannot write the help centre's articles: {e}")),
    }
    let feed = ChangeFeed::new();
    // Subscribed before the poller starts, so no batch is missed.
    let snapshots = Snapshots::load(&db).await.map_err(|e| format!("cannot load the catalog snapshot: {e}"))?;
    snapshots.follow(db.clone(), &feed);
    feed.spawn_poller(db.clone(), std::time::Duration::from_secs(1));
    let search = Search::new().map_err(|e| e.to_string())?;
    search.spawn(db.clone(), &feed);
    let sitemap = crate::sitemap::SitemapCache::following(&feed);
    Ok(AppState { leptos: leptos_options()?, db, feed, search, sitemap, snapshots })
}

/// A folder of static files. The release build writes each file's brotli (quality 11) and gzip
/// copies beside it (`cargo leptos build --release -P`); they are served as they are, with
/// `Content-Encoding` and `Vary: Accept-Encoding`, so nothing is compressed per request. A file
/// without copies (debug builds) goes through the compression layer like any response.
fn static_dir(
    root: &std::path::Path,
    dir: &str,
    cache: &'static str,
) -> SetResponseHeader<SetResponseHeader<ServeDir, HeaderValue>, HeaderValue> {
    let files = ServeDir::new(root.join(dir)).precompressed_br().precompressed_gzip();
    let files = SetResponseHeaderLayer::if_not_present(header::VARY, HeaderValue::from_static("accept-encoding")).layer(files);
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(cache)).layer(files)
}

fn root_file(root: &std::path::Path, name: &str, cache: &'static str) -> axum::routing::MethodRouter<AppState> {
    axum::routing::get_service(ServeFile::new(root.join(name))).layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache),
    ))
}

pub fn router(state: AppState) -> Router {
    let options = state.leptos.clone();
    let root = PathBuf::from(options.site_root.as_ref());
    let routes = generate_route_list(App);
    let (db, search, snapshots) = (state.db.clone(), state.search.clone(), state.snapshots.clone());
    let context = move || {
        provide_context(db.clone());
        provide_context(search.clone());
        provide_context(snapshots.clone());
    };
    const IMMUTABLE: &str = "public, max-age=31536000, immutable";
    const DAY: &str = "public, max-age=86400";

    Router::new()
        .route("/", get(root_redirect))
        .route("/healthz", get(healthz))
        .route("/payment/sandbox/decide", axum::routing::post(crate::payments::sandbox_decide))
        .route("/payment/callback", get(crate::payments::callback))
        .route("/payment/notify", axum::routing::post(crate::payments::notify))
        .route("/account/export.json", get(crate::visitor::export))
        .route("/media/sellers/{file}", get(crate::media::seller_logo))
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(crate::sitemap::sitemap))
        .route("/sitemaps/{file}", get(crate::sitemap::sitemap_part))
        .route("/offline.html", get(offline))
        .route(
            "/manifest.webmanifest",
            root_file(&root, "manifest.webmanifest", DAY).layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/manifest+json"),
            )),
        )
        .route("/sw.js", root_file(&root, "sw.js", "no-cache"))
        .route("/favicon.ico", root_file(&root, "favicon.ico", DAY))
        // Build assets keep the compression library's default (best) quality: they are compressed
        // once per browser and cached for a year. Pages are compressed at PAGE_QUALITY below.
        .nest_service(
            "/pkg",
            CompressionLayer::new().layer(static_dir(&root, "pkg", if options.hash_files { IMMUTABLE } else { "no-cache" })),
        )
        .nest_service("/img", static_dir(&root, "img", DAY))
        .nest_service("/icons", static_dir(&root, "icons", DAY))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn_with_state(state.db.clone(), crate::visitor::resolve))
        .layer(axum::middleware::from_fn(crate::observe::tag_route))
        // Inside out: a server function's error gets its status; cross-site writes are refused;
        // every response gets its security headers (HTML pages are hashed uncompressed); then
        // HTML pages are compressed in one pass (`compress`), everything else by the layer.
        .layer(axum::middleware::from_fn(crate::security::multipart_only))
        .layer(axum::middleware::from_fn(crate::security::server_fn_status))
        .layer(axum::middleware::from_fn(crate::security::same_origin))
        .layer(axum::middleware::from_fn(crate::security::headers))
        .layer(axum::middleware::from_fn(crate::compress::compress_pages))
        .layer(CompressionLayer::new().quality(PAGE_QUALITY))
        .with_state(state)
}

/// The compression of what is rendered per request and is not an HTML page (those go through
/// `compress::compress_pages`): server-function JSON, sitemaps. Brotli quality 4 (gzip level
/// 4); the library's default is Brotli's best (11), which costs milliseconds per response.
const PAGE_QUALITY: CompressionLevel = CompressionLevel::Precise(4);

/// `/` → `/{lang}` chosen by the browser's Accept-Language (Estonian by default).
async fn root_redirect(headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let lang = negotiate(accept);
    let mut res = Redirect::to(&format!("/{}", lang.code())).into_response();
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    res
}

/// Ready when the database answers and the search index has been built (an instance that is
/// still building it serves pages but not search, so it reports 503 until then).
pub(crate) async fn healthz(State(state): State<AppState>) -> Response {
    let search = if state.search.is_ready() { "ok" } else { "building" };
    match service::ping(&state.db).await {
        Ok(()) if state.search.is_ready() => Json(json!({ "status": "ok", "database": "ok", "search": search })).into_response(),
        Ok(()) => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "starting", "database": "ok", "search": search })))
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable", "search": search })),
            )
                .into_response()
        }
    }
}

/// The absolute origin for links that leave the site (sitemap, robots): `TURG_PUBLIC_URL`, or
/// the request's own host.
pub fn public_origin(headers: &HeaderMap) -> String {
    if let Some(url) = &app::config::get().public_url {
        return url.clone();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1:3000");
    let proto = headers.get("x-forwarded-proto").and_then(|h| h.to_str().ok()).unwrap_or("http");
    format!("{proto}://{host}")
}

/// What crawlers are asked not to fetch: personal pages (cart, checkout, account, seller area,
/// administrators, orders, the bank), server functions and payment endpoints, and search (an
/// endless number of result lists). The pages among them also carry `noindex` (an address
/// linked from elsewhere can be listed without being fetched). The offers comparison
/// (`/{lang}/p/{slug}/offers`) is deliberately *not* here: it is `noindex, follow`, and a
/// crawler must fetch it to read that. Indexable pages (home, categories, products, sellers,
/// ranking: the sitemap's) never match a rule (tested below).
const ROBOTS_DISALLOW: [&str; 15] = [
    "/api/", "/*/cart", "/*/checkout", "/*/account/", "/*/seller/", "/*/admin/", "/*/search", "/*/orders/", "/*/pay/", "/payment/",
    "/*/messages/", "/*/pantry", "/*/help/ask", "/*/help/cases/", "/*/support",
];

fn robots_txt(origin: &str) -> String {
    let mut body = String::from("User-agent: *\nAllow: /\n");
    for rule in ROBOTS_DISALLOW {
        body.push_str("Disallow: ");
        body.push_str(rule);
        body.push('\n');
    }
    body.push_str(&format!("\nSitemap: {origin}/sitemap.xml\n"));
    body
}

async fn robots(headers: HeaderMap) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], robots_txt(&public_origin(&headers)))
}

/// The page the service worker shows for a navigation when the network is gone: every
/// language at once, since it cannot know which page was asked for.
async fn offline() -> impl IntoResponse {
    let sections: String = Lang::ALL
        .iter()
        .map(|l| {
            let t = l.texts();
            format!(
                "<section lang=\"{}\"><h2>{}</h2><p>{}</p></section>",
                l.code(),
                t.offline_title,
                t.offline_text
            )
        })
        .collect();
    let et = Lang::Et.texts();
    Html(format!(
        "<!DOCTYPE html><html lang=\"et\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — Turg</title><style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2b24}}\
         h1{{color:#0b6e4f}}section{{margin:1.5rem 0}}a{{color:#0b6e4f}}</style></head><body><main><h1>Turg</h1>{sections}\
         <p><a href=\"/\">{retry}</a></p></main></body></html>",
        title = et.offline_title,
        retry = et.offline_retry,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a robots.txt rule matches a path (a prefix, `*` for any run of characters).
    fn matches(rule: &str, path: &str) -> bool {
        let mut parts = rule.split('*');
        let first = parts.next().unwrap_or_default();
        let Some(mut rest) = path.strip_prefix(first) else { return false };
        for part in parts {
            match rest.find(part) {
                Some(i) => rest = &rest[i + part.len()..],
                None => return false,
            }
        }
        true
    }

    #[test]
    fn robots_keeps_crawlers_off_personal_pages_and_on_indexable_ones() {
        let disallowed = |path: &str| ROBOTS_DISALLOW.iter().any(|r| matches(r, path));
        for path in ["/et", "/en/c/piim", "/ru/c/piim?page=2", "/et/p/piim-1l", "/et/sellers", "/en/sellers/farm-ou", "/ru/ranking",
            // noindex, follow: must be fetched for its noindex to be read.
            "/et/p/piim-1l/offers"]
        {
            assert!(!disallowed(path), "{path} is indexable (or must be fetched)");
        }
        for path in ["/et/cart", "/en/checkout", "/ru/orders/5?key=k", "/et/pay/sandbox/ref", "/en/admin/outbox", "/et/search?q=piim", "/api/product"] {
            assert!(disallowed(path), "{path} is kept away");
        }
        let txt = robots_txt("https://turg.ee");
        assert!(txt.contains("Disallow: /*/search\n") && txt.ends_with("Sitemap: https://turg.ee/sitemap.xml\n"), "{txt}");
    }

    #[tokio::test]
    async fn static_files_are_served_precompressed_with_their_encoding_and_vary() {
        use axum::{body::Body, http::Request};
        use tower::ServiceExt;
        let root = std::env::temp_dir().join(format!("turg-static-{}", std::process::id()));
        let pkg = root.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(pkg.join("app.js"), "plain").unwrap();
        std::fs::write(pkg.join("app.js.br"), "brotli").unwrap();
        std::fs::write(pkg.join("app.js.gz"), "gzip").unwrap();
        std::fs::write(pkg.join("only.css"), "css").unwrap();
        for (path, accept, encoding, body) in [
            ("/app.js", "gzip, deflate, br", Some("br"), "brotli"),
            ("/app.js", "gzip", Some("gzip"), "gzip"),
            ("/app.js", "identity", None, "plain"),
            // No copies beside it: the file itself (the compression layer may still compress it).
            ("/only.css", "br", None, "css"),
        ] {
            let res = static_dir(&root, "pkg", "public, max-age=60")
                .oneshot(Request::get(path).header(header::ACCEPT_ENCODING, accept).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{path} {accept}");
            let got = res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
            assert_eq!(got.as_deref(), encoding, "{path} {accept}");
            assert_eq!(res.headers()[header::VARY], "accept-encoding", "{path} {accept}");
            assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=60");
            if path == "/app.js" {
                assert_eq!(res.headers()[header::CONTENT_TYPE], "text/javascript", "the type of the file, not of its copy");
            }
            let bytes = axum::body::to_bytes(Body::new(res.into_body()), 1024).await.unwrap();
            assert_eq!(bytes, body.as_bytes(), "{path} {accept}");
        }
        std::fs::remove_dir_all(root).unwrap();
    }
}
