//! Watching the server run: the log subscriber (text or JSON lines), one log line per request
//! with a request id, and the Prometheus metrics behind `/metrics`.
//!
//! Two small middlewares cooperate:
//! - [`tag_route`] sits inside the router (`Router::layer`, so it runs after routing) and writes
//!   the matched route pattern into an internal response header (`x-turg-route`);
//! - [`track`] wraps everything, the page cache included: it gives the request an id, times it,
//!   counts it by route and status and logs it, taking the route from that header (a page-cache
//!   hit replays the stored headers, so its route is known too) and removing the header.
//!
//! Paths are logged without their query string (query strings can carry order keys); metrics
//! are labelled by route pattern, never by the raw path, so random URLs cannot create series.

use app::config::{Config, LogFormat};
use axum::{
    extract::{MatchedPath, Request},
    http::HeaderValue,
    middleware::Next,
    response::Response,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{LazyLock, Mutex};
use std::time::Instant;
use tracing::Instrument;

/// The request id header: taken from the client or proxy when sane, else generated; echoed back.
pub const REQUEST_ID: &str = "x-request-id";
/// Internal: the matched route, from inside the router to [`track`] (never sent to clients).
const ROUTE: &str = "x-turg-route";
/// The route label of requests no route matched (the Leptos fallback, static files, 404s).
pub const OTHER_ROUTE: &str = "other";

/// Installs the log subscriber: `RUST_LOG` (else `default_filter`), text or JSON lines.
pub fn init_logging(config: &Config, default_filter: &str) -> Result<(), String> {
    use tracing_subscriber::EnvFilter;
    let filter = match &config.log_filter {
        Some(f) => EnvFilter::try_new(f).map_err(|e| format!("RUST_LOG `{f}` is not a log filter: {e}"))?,
        None => EnvFilter::new(default_filter),
    };
    // Colours only for a person at a terminal, not in files or a collector's pipe.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi);
    let result = match config.log_format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init(),
    };
    result.map_err(|e| format!("cannot install the logger: {e}"))
}

/// A client's request id is kept when it is 1–128 characters of `A-Z a-z 0-9 - _ . :` (so it
/// cannot forge log lines or headers); otherwise the request gets a new one.
pub fn sane_request_id(value: Option<&HeaderValue>) -> Option<String> {
    let id = value?.to_str().ok()?;
    let ok = (1..=128).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    ok.then(|| id.to_owned())
}

/// A matched path as a label: axum's internal name for a nested service's tail (`/pkg/…`)
/// becomes `{*rest}`.
fn route_label(matched: &str) -> String {
    matched.replace("{*__private__axum_nest_tail_param}", "{*rest}")
}

/// `app` with [`track`] around it (outside the page cache: hits are counted and logged too).
pub fn layer(app: axum::Router) -> axum::Router {
    app.layer(axum::middleware::from_fn(track))
}

/// Inside the router: passes the matched route pattern out in the `x-turg-route` header.
pub async fn tag_route(req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().and_then(|m| HeaderValue::from_str(&route_label(m.as_str())).ok());
    let mut res = next.run(req).await;
    if let Some(route) = route {
        res.headers_mut().insert(ROUTE, route);
    }
    res
}

/// Around everything: request id, timing, metrics and the request's log line.
pub async fn track(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = sane_request_id(req.headers().get(REQUEST_ID)).unwrap_or_else(app::server::random_token);
    let id_value = HeaderValue::from_str(&id).ok();
    if let Some(v) = &id_value {
        req.headers_mut().insert(REQUEST_ID, v.clone());
    }
    let method = req.method().clone();
    let path = req.uri().path().to_owned(); // no query string: it can carry order keys
    let span = tracing::info_span!("request", request_id = %id);
    let mut res = next.run(req).instrument(span).await;

    let elapsed = started.elapsed();
    let route = res.headers_mut().remove(ROUTE);
    let route = route.as_ref().and_then(|v| v.to_str().ok()).unwrap_or(OTHER_ROUTE);
    let cache = res.headers().get("x-cache").and_then(|v| v.to_str().ok()).and_then(CacheResult::parse);
    let status = res.status().as_u16();
    METRICS.record(route, status, elapsed.as_secs_f64(), cache);
    if let Some(v) = id_value {
        res.headers_mut().insert(REQUEST_ID, v);
    }
    let ms = (elapsed.as_secs_f64() * 1000.0 * 10.0).round() / 10.0;
    let cache = cache.map(CacheResult::code); // only product pages have one
    if route.starts_with("/healthz") || route == "/metrics" {
        // Load balancers and scrapers ask every few seconds.
        tracing::debug!(target: "turg::http", request_id = %id, %method, %path, status, ms, "request");
    } else {
        tracing::info!(target: "turg::http", request_id = %id, %method, %path, %route, status, ms, cache = cache.map(tracing::field::display), "request");
    }
    res
}

/// What the product page cache did with a request (its `x-cache` header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheResult {
    Hit,
    Miss,
    Bypass,
}

impl CacheResult {
    fn parse(value: &str) -> Option<CacheResult> {
        match value {
            "hit" => Some(CacheResult::Hit),
            "miss" => Some(CacheResult::Miss),
            "bypass" => Some(CacheResult::Bypass),
            _ => None,
        }
    }

    fn code(self) -> &'static str {
        match self {
            CacheResult::Hit => "hit",
            CacheResult::Miss => "miss",
            CacheResult::Bypass => "bypass",
        }
    }
}

/// Upper bounds (seconds) of the request latency histogram's buckets.
pub const LATENCY_BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// The process's counters. Hand-rolled: a few atomics and one small map.
pub struct Metrics {
    /// Requests by (route pattern, status code); bounded by the routes the app has.
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    /// Per bucket (non-cumulative; the last is above every bound).
    latency: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    latency_sum_micros: AtomicU64,
    cache: [AtomicU64; 3],
    pub reservations_released: AtomicU64,
    pub emails_sent: AtomicU64,
    pub email_attempts_failed: AtomicU64,
}

/// The metrics of this process.
pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::default);

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics {
            requests: Mutex::new(BTreeMap::new()),
            latency: Default::default(),
            latency_sum_micros: AtomicU64::new(0),
            cache: Default::default(),
            reservations_released: AtomicU64::new(0),
            emails_sent: AtomicU64::new(0),
            email_attempts_failed: AtomicU64::new(0),
        }
    }
}

/// What `/metrics` reads at scrape time rather than counting.
#[derive(Debug, Default)]
pub struct Gauges {
    /// Outbox messages by status; `None` when the database did not answer.
    pub outbox: Option<Vec<(String, i64)>>,
    pub search_ready: bool,
}

impl Metrics {
    pub fn record(&self, route: &str, status: u16, seconds: f64, cache: Option<CacheResult>) {
        if let Ok(mut requests) = self.requests.lock() {
            match requests.get_mut(&(route.to_owned(), status)) {
                Some(n) => *n += 1,
                None => {
                    requests.insert((route.to_owned(), status), 1);
                }
            }
        }
        let bucket = LATENCY_BUCKETS.iter().position(|b| seconds <= *b).unwrap_or(LATENCY_BUCKETS.len());
        self.latency[bucket].fetch_add(1, Relaxed);
        self.latency_sum_micros.fetch_add((seconds * 1e6) as u64, Relaxed);
        if let Some(c) = cache {
            self.cache[c as usize].fetch_add(1, Relaxed);
        }
    }

    /// The Prometheus text exposition format (0.0.4).
    pub fn render(&self, gauges: &Gauges) -> String {
        let mut out = String::with_capacity(4096);

        head(&mut out, "turg_http_requests_total", "counter", "HTTP requests by route pattern and status.");
        if let Ok(requests) = self.requests.lock() {
            for ((route, status), n) in requests.iter() {
                let class = format!("{}xx", status / 100);
                let _ = writeln!(
                    out,
                    "turg_http_requests_total{{route=\"{}\",status=\"{status}\",class=\"{class}\"}} {n}",
                    escape_label(route)
                );
            }
        }

        head(&mut out, "turg_http_request_duration_seconds", "histogram", "Time from request to response headers.");
        let mut cumulative = 0;
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            cumulative += self.latency[i].load(Relaxed);
            let _ = writeln!(out, "turg_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        cumulative += self.latency[LATENCY_BUCKETS.len()].load(Relaxed);
        let _ = writeln!(out, "turg_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {cumulative}");
        let sum = self.latency_sum_micros.load(Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "turg_http_request_duration_seconds_sum {sum}");
        let _ = writeln!(out, "turg_http_request_duration_seconds_count {cumulative}");

        head(&mut out, "turg_page_cache_requests_total", "counter", "Product page requests by what the page cache did.");
        for c in [CacheResult::Hit, CacheResult::Miss, CacheResult::Bypass] {
            let _ = writeln!(out, "turg_page_cache_requests_total{{result=\"{}\"}} {}", c.code(), self.cache[c as usize].load(Relaxed));
        }

        head(&mut out, "turg_reservations_released_total", "counter", "Unpaid orders whose reserved stock was returned.");
        let _ = writeln!(out, "turg_reservations_released_total {}", self.reservations_released.load(Relaxed));
        head(&mut out, "turg_emails_sent_total", "counter", "E-mails sent by this instance.");
        let _ = writeln!(out, "turg_emails_sent_total {}", self.emails_sent.load(Relaxed));
        head(&mut out, "turg_email_attempts_failed_total", "counter", "Failed e-mail attempts (retried or given up).");
        let _ = writeln!(out, "turg_email_attempts_failed_total {}", self.email_attempts_failed.load(Relaxed));

        head(&mut out, "turg_database_up", "gauge", "1 when the database answered this scrape.");
        let _ = writeln!(out, "turg_database_up {}", u8::from(gauges.outbox.is_some()));
        if let Some(outbox) = &gauges.outbox {
            head(&mut out, "turg_outbox_messages", "gauge", "Messages in the e-mail outbox by status (all instances).");
            let mut rows: BTreeMap<&str, i64> = [("pending", 0), ("sending", 0), ("failed", 0)].into_iter().collect();
            for (status, n) in outbox {
                rows.insert(status.as_str(), *n);
            }
            for (status, n) in rows {
                let _ = writeln!(out, "turg_outbox_messages{{status=\"{}\"}} {n}", escape_label(status));
            }
        }
        head(&mut out, "turg_search_index_ready", "gauge", "1 when this instance's search index is built.");
        let _ = writeln!(out, "turg_search_index_ready {}", u8::from(gauges.search_ready));
        out
    }
}

/// A metric's `# HELP` and `# TYPE` lines.
fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// A label value as the exposition format wants it: `\`, `"` and newlines escaped.
fn escape_label(v: &str) -> String {
    v.replace('\\', r"\\").replace('"', "\\\"").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_from_clients_must_be_sane() {
        let v = |s: &str| HeaderValue::from_str(s).ok();
        assert_eq!(sane_request_id(v("abc-123_x.y:z").as_ref()).as_deref(), Some("abc-123_x.y:z"));
        assert_eq!(sane_request_id(None), None);
        assert_eq!(sane_request_id(v("").as_ref()), None);
        assert_eq!(sane_request_id(v("a b").as_ref()), None);
        assert_eq!(sane_request_id(v("id\" injected=\"1").as_ref()), None);
        assert_eq!(sane_request_id(v(&"x".repeat(129)).as_ref()), None);
        assert!(sane_request_id(v(&"x".repeat(128)).as_ref()).is_some());
        assert_eq!(sane_request_id(HeaderValue::from_bytes(b"caf\xc3\xa9").ok().as_ref()), None);
    }

    #[test]
    fn metrics_render_in_the_exposition_format() {
        let m = Metrics::default();
        m.record("/{lang}/p/{slug}", 200, 0.003, Some(CacheResult::Hit));
        m.record("/{lang}/p/{slug}", 200, 0.2, Some(CacheResult::Miss));
        m.record("other", 404, 7.0, None);
        m.record("/a\"b", 503, 0.01, Some(CacheResult::Bypass));
        m.reservations_released.fetch_add(2, Relaxed);
        let text = m.render(&Gauges { outbox: Some(vec![("failed".into(), 3), ("sent".into(), 9)]), search_ready: true });
        for line in [
            "# TYPE turg_http_requests_total counter",
            "turg_http_requests_total{route=\"/{lang}/p/{slug}\",status=\"200\",class=\"2xx\"} 2",
            "turg_http_requests_total{route=\"other\",status=\"404\",class=\"4xx\"} 1",
            "turg_http_requests_total{route=\"/a\\\"b\",status=\"503\",class=\"5xx\"} 1",
            "# TYPE turg_http_request_duration_seconds histogram",
            "turg_http_request_duration_seconds_bucket{le=\"0.005\"} 1",
            "turg_http_request_duration_seconds_bucket{le=\"0.01\"} 2",
            "turg_http_request_duration_seconds_bucket{le=\"0.25\"} 3",
            "turg_http_request_duration_seconds_bucket{le=\"5\"} 3",
            "turg_http_request_duration_seconds_bucket{le=\"+Inf\"} 4",
            "turg_http_request_duration_seconds_count 4",
            "turg_page_cache_requests_total{result=\"hit\"} 1",
            "turg_page_cache_requests_total{result=\"miss\"} 1",
            "turg_page_cache_requests_total{result=\"bypass\"} 1",
            "turg_reservations_released_total 2",
            "turg_database_up 1",
            "turg_outbox_messages{status=\"pending\"} 0",
            "turg_outbox_messages{status=\"failed\"} 3",
            "turg_outbox_messages{status=\"sent\"} 9",
            "turg_search_index_ready 1",
        ] {
            assert!(text.lines().any(|l| l == line), "missing `{line}` in\n{text}");
        }
        assert!(text.ends_with('\n'));
        // Every sample line is `name{labels} value` or `name value`, with a number.
        for l in text.lines().filter(|l| !l.starts_with('#')) {
            let value = l.rsplit(' ').next().unwrap_or("");
            assert!(value.parse::<f64>().is_ok(), "{l}");
        }
        // Without a database: no outbox numbers, and the database says so.
        let text = m.render(&Gauges { outbox: None, search_ready: false });
        assert!(text.contains("turg_database_up 0\n") && !text.contains("turg_outbox_messages{"));
        assert!(text.contains("turg_search_index_ready 0\n"));
    }
}
