//! `server bench`: how fast Turg answers, against the catalog in `DATABASE_URL`.
//!
//! 1. **Latency, server-side, uncached**: `--samples` requests per endpoint, each for a different
//!    random product, one at a time, in-process (`oneshot` into the full router, page cache off),
//!    timed until the body is collected.
//! 2. **Throughput over TCP**: the full app (page cache on) and a hello-world axum, both in this
//!    process, loaded by `--concurrency` keep-alive HTTP/1.1 connections for `--seconds` each,
//!    in one-second turns.

use crate::page_cache::{PageCache, CAPACITY_BYTES, TTL};
use crate::routes;
use app::db::entity::{offer, product, product_text};
use app::db::seed::Rng;
use app::i18n::Lang;
use axum::{
    body::Body,
    http::{header, HeaderValue, Request, StatusCode, Uri},
    routing::get,
    Router,
};
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Statement,
};
use std::{
    collections::{BTreeMap, HashMap, HashSet},
    io,
    net::SocketAddr,
    pin::Pin,
    sync::Arc,
    task::{ready, Context, Poll},
    time::{Duration, Instant},
};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tower::ServiceExt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Length of each throughput run.
    pub seconds: u64,
    /// Keep-alive connections of the load generator.
    pub concurrency: usize,
    /// Requests per endpoint in the latency runs.
    pub samples: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { seconds: 10, concurrency: 64, samples: 300 }
    }
}

/// What browsers send; the cache keeps one copy per encoding class.
const ACCEPT_ENCODING: &str = "br, gzip";
/// Distinct product pages in the cached throughput run.
const HOT_PRODUCTS: usize = 200;

pub async fn run(db: DatabaseConnection, url: &str, options: Options) -> Result<(), String> {
    let err = |e: sea_orm::DbErr| e.to_string();
    let products = product::Entity::find().count(&db).await.map_err(err)?;
    if products == 0 {
        return Err(format!(
            "the database at {} holds no catalog to measure; seed one first, e.g.\n  \
             DATABASE_URL='{url}' server seed --products 100000 --offers-per-product 10",
            app::db::redact(url)
        ));
    }
    let offers = offer::Entity::find().count(&db).await.map_err(err)?;
    println!(
        "{:?}, {products} products, {offers} offers; {} samples, {} connections, {} s per run\n",
        db.get_database_backend(),
        options.samples,
        options.concurrency,
        options.seconds
    );

    let n = options.samples;
    let mut rng = Rng::new(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64));
    let picked = sample_products(&db, 2 * n + HOT_PRODUCTS, &mut rng).await.map_err(err)?;
    let lang = |i: usize| Lang::ALL[i % Lang::ALL.len()];
    let page = |i: usize| format!("/{}/p/{}", lang(i).code(), picked[i % picked.len()].slug);
    let product_paths: Vec<String> = (0..n).map(page).collect();
    let offer_paths: Vec<String> = (n..2 * n).map(|i| format!("{}/offers", page(i))).collect();
    let (mut exact, mut typos) = (Vec::new(), Vec::new());
    for (i, p) in picked.iter().take(n).enumerate() {
        let l = lang(i);
        let words: Vec<String> = p.titles.get(&l).map_or("", String::as_str)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            continue;
        }
        let word = &words[rng.range(0, words.len() as i64 - 1) as usize];
        exact.push(format!("/{}/search?q={}", l.code(), percent_encode(word)));
        typos.push(format!("/{}/search?q={}", l.code(), percent_encode(&misspell(word, &mut rng))));
    }

    let state = routes::app_state(db.clone()).await?;
    // Measure the app as it runs once started: with the search index built.
    let started = Instant::now();
    while !state.search.is_ready() {
        if started.elapsed() > Duration::from_secs(600) {
            return Err("the search index was not ready after 10 minutes".into());
        }
        progress(&format!("building the search index ({} s)", started.elapsed().as_secs()));
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    progress("");
    println!(
        "search index built in {:.1} s; resident memory {} (peak {})\n",
        started.elapsed().as_secs_f64(),
        memory("VmRSS"),
        memory("VmHWM")
    );
    let others = other_pages(&db, &state.snapshots.current(), n.min(OTHER_SAMPLES), &mut rng).await.map_err(err)?;
    let uncached = PageCache::disabled().layer(routes::router(state));

    println!("Latency, server-side, uncached (in-process, one request at a time, ms)");
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let mut endpoints: Vec<(&str, &Vec<String>)> = vec![
        ("product page", &product_paths),
        ("offers page", &offer_paths),
        ("search", &exact),
        ("search, misspelt", &typos),
    ];
    endpoints.extend(others.iter().map(|(name, paths)| (*name, paths)));
    for (name, paths) in endpoints {
        progress(name);
        let (mut times, failures) = latencies(&uncached, paths).await;
        times.sort_by(f64::total_cmp);
        let failed: usize = failures.values().sum();
        let mut row = vec![name.to_string(), paths.len().to_string(), failed.to_string()];
        row.extend([50.0, 95.0, 99.0, 100.0].map(|p| ms(percentile(&times, p))));
        rows.push(row);
        if failed > 0 {
            let what: Vec<String> = failures.iter().map(|(why, count)| format!("{count}× {why}")).collect();
            notes.push(format!("  {name}: {}", what.join(", ")));
        }
    }
    progress("");
    print!("{}", table(&["endpoint", "requests", "failed", "p50", "p95", "p99", "max"], &rows));
    if !notes.is_empty() {
        println!("failures:\n{}", notes.join("\n"));
    }

    let cache = PageCache::new(CAPACITY_BYTES, TTL);
    let app_addr = listen(cache.layer(uncached.clone())).await?;
    let plain_addr = listen(uncached).await?;
    let hello_addr = listen(Router::new().route("/", get(|| async { "Hello, World!" }))).await?;
    let hot: Vec<String> = (2 * n..2 * n + HOT_PRODUCTS).map(page).collect();
    let all: Vec<String> = (0..picked.len()).map(page).collect();
    let all_offers: Vec<String> = all.iter().map(|p| format!("{p}/offers")).collect();
    let warm = load(app_addr, &hot, 1, Duration::ZERO).await;
    if warm.errors > 0 {
        eprintln!("  warming the cache: {} of {} product pages failed", warm.errors, hot.len());
    }

    println!(
        "\nThroughput over TCP ({} keep-alive connections, {} s each, in turns of 1 s)",
        options.concurrency,
        options.seconds.max(1)
    );
    let runs: [(&str, SocketAddr, &[String]); 5] = [
        ("hello world", hello_addr, &["/".to_string()]),
        ("product pages, 200 products, cached", app_addr, &hot),
        ("one product page, cached", app_addr, &hot[..1]),
        ("product pages, page cache off", plain_addr, &all),
        ("offers pages, page cache off", plain_addr, &all_offers),
    ];
    // One-second turns in rotation, so that whatever else the machine does weighs on every run alike.
    let mut results: Vec<Load> = runs.iter().map(|_| Load::default()).collect();
    for second in 0..options.seconds.max(1) {
        for ((name, addr, paths), total) in runs.iter().zip(&mut results) {
            progress(&format!("{name} ({}/{} s)", second + 1, options.seconds.max(1)));
            total.add(load(*addr, paths, options.concurrency, Duration::from_secs(1)).await);
        }
    }
    let mut rows = Vec::new();
    let mut hello = f64::NAN;
    for ((name, addr, _), mut result) in runs.into_iter().zip(results) {
        result.latencies.sort_by(f64::total_cmp);
        let rate = result.ok as f64 / result.elapsed.as_secs_f64();
        if hello.is_nan() {
            hello = rate;
        }
        let hits = if addr == app_addr { format!("{:.0} %", 100.0 * result.hits as f64 / result.ok.max(1) as f64) } else { "-".into() };
        rows.push(vec![
            name.to_string(),
            format!("{rate:.0}"),
            ms(percentile(&result.latencies, 50.0)),
            ms(percentile(&result.latencies, 99.0)),
            result.errors.to_string(),
            hits,
            format!("{:.2}", rate / hello),
        ]);
    }
    progress("");
    print!("{}", table(&["run", "req/s", "p50 ms", "p99 ms", "errors", "cache hits", "× hello"], &rows));
    Ok(())
}

/// Requests per endpoint for the pages other than product pages and search.
const OTHER_SAMPLES: usize = 60;

/// A line of `/proc/self/status` (`VmRSS`, `VmHWM`) in MiB; `-` where there is none.
fn memory(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?;
            let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{} MiB", kib / 1024))
        })
        .unwrap_or_else(|| "-".into())
}

/// Paths of the other public pages, `count` of each, chosen at random: home, category pages
/// (any sort, any page), the sellers list, and the profile of the seller with the most offers
/// (any page, with and without a category).
async fn other_pages(
    db: &DatabaseConnection,
    snapshot: &app::catalog::snapshot::Snapshot,
    count: usize,
    rng: &mut Rng,
) -> Result<Vec<(&'static str, Vec<String>)>, sea_orm::DbErr> {
    use app::db::entity::{category, seller_category};
    let lang = |i: usize| Lang::ALL[i % Lang::ALL.len()].code();
    let categories: Vec<String> =
        category::Entity::find().select_only().column(category::Column::Slug).into_tuple().all(db).await?;
    // The biggest seller by offers on sale, from the stored counts.
    let counts: Vec<(i32, i32, i32)> = seller_category::Entity::find()
        .select_only()
        .column(seller_category::Column::SellerId)
        .column(seller_category::Column::CategoryId)
        .column(seller_category::Column::OfferCount)
        .into_tuple()
        .all(db)
        .await?;
    let mut per_seller: HashMap<i32, i64> = HashMap::new();
    for (s, _, n) in &counts {
        *per_seller.entry(*s).or_default() += i64::from(*n);
    }
    let biggest = per_seller.iter().max_by_key(|(_, n)| **n).map(|(s, n)| (*s, *n));
    let mut out = vec![
        ("home", (0..count).map(|i| format!("/{}", lang(i))).collect()),
        (
            "category page",
            (0..count)
                .map(|i| {
                    let slug = &categories[rng.range(0, categories.len() as i64 - 1) as usize];
                    let sort = app::catalog::paging::ProductSort::ALL[i % 4].param();
                    format!("/{}/c/{slug}?sort={sort}&page={}", lang(i), rng.range(1, 40))
                })
                .collect(),
        ),
        ("sellers list", (0..count).map(|i| format!("/{}/sellers?page={}", lang(i), 1 + i % 2)).collect()),
    ];
    if let Some((seller_id, offers)) = biggest {
        let slug = snapshot.seller(seller_id).map(|s| s.slug.clone()).unwrap_or_default();
        let pages = (offers / 24).clamp(1, 1000);
        let own: Vec<String> = counts
            .iter()
            .filter(|(s, _, n)| *s == seller_id && *n > 0)
            .filter_map(|(_, c, _)| snapshot.category_slug(*c).map(str::to_owned))
            .collect();
        let name: &'static str = Box::leak(format!("seller profile ({offers} offers)").into_boxed_str());
        out.push((
            name,
            (0..count)
                .map(|i| {
                    let page = rng.range(1, pages);
                    if i % 2 == 1 && !own.is_empty() {
                        let c = &own[rng.range(0, own.len() as i64 - 1) as usize];
                        format!("/{}/sellers/{slug}?category={c}&page={}", lang(i), rng.range(1, 20))
                    } else {
                        format!("/{}/sellers/{slug}?page={page}", lang(i))
                    }
                })
                .collect(),
        ));
    }
    Ok(out)
}

/// What is running now, on a terminal (the line is overwritten; empty clears it).
fn progress(what: &str) {
    use std::io::{IsTerminal, Write};
    let mut err = io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\r\x1b[2K{}", if what.is_empty() { String::new() } else { format!("  {what}…") });
        let _ = err.flush();
    }
}

struct Picked {
    slug: String,
    titles: HashMap<Lang, String>,
}

/// `count` distinct random products (fewer when the catalog is smaller), with their titles.
async fn sample_products(db: &DatabaseConnection, count: usize, rng: &mut Rng) -> Result<Vec<Picked>, sea_orm::DbErr> {
    let sql = Statement::from_string(db.get_database_backend(), "SELECT MIN(id), MAX(id) FROM products");
    let row = db.query_one_raw(sql).await?.expect("one row");
    let (lo, hi): (i32, i32) = (row.try_get_by_index(0)?, row.try_get_by_index(1)?);
    let mut found: Vec<(i32, String)> = Vec::new();
    let mut tried = HashSet::new();
    for _ in 0..10 {
        if found.len() >= count || tried.len() as i64 > i64::from(hi - lo) {
            break;
        }
        let ids: Vec<i32> = (0..2 * (count - found.len()))
            .map(|_| rng.range(lo.into(), hi.into()) as i32)
            .filter(|id| tried.insert(*id))
            .collect();
        for chunk in ids.chunks(500) {
            found.extend(
                product::Entity::find()
                    .select_only()
                    .column(product::Column::Id)
                    .column(product::Column::Slug)
                    .filter(product::Column::Id.is_in(chunk.iter().copied()))
                    .into_tuple::<(i32, String)>()
                    .all(db)
                    .await?,
            );
        }
    }
    rng.shuffle(&mut found);
    found.truncate(count);
    let mut titles: HashMap<i32, HashMap<Lang, String>> = HashMap::new();
    let ids: Vec<i32> = found.iter().map(|(id, _)| *id).collect();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, String, String)> = product_text::Entity::find()
            .select_only()
            .column(product_text::Column::ProductId)
            .column(product_text::Column::Lang)
            .column(product_text::Column::Title)
            .filter(product_text::Column::ProductId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (id, lang, title) in rows {
            if let Some(lang) = Lang::from_code(&lang) {
                titles.entry(id).or_default().insert(lang, title);
            }
        }
    }
    Ok(found.into_iter().map(|(id, slug)| Picked { slug, titles: titles.remove(&id).unwrap_or_default() }).collect())
}

/// A typing mistake a forgiving search should survive: one letter dropped, or two swapped
/// (never the first letter).
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return word.to_owned();
    }
    let i = rng.range(1, chars.len() as i64 - 2) as usize;
    if rng.chance(50) && chars[i] != chars[i + 1] {
        chars.swap(i, i + 1);
    } else {
        chars.remove(i);
    }
    chars.into_iter().collect()
}

pub(crate) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Sends each path once, in turn, into `router`; returns the times (ms) of the 200s and why the
/// others failed. The first path is sent once more beforehand, unmeasured (one-time start-up).
async fn latencies(router: &Router, paths: &[String]) -> (Vec<f64>, BTreeMap<String, usize>) {
    let send = |path: &str| {
        let req = Request::get(path).header(header::ACCEPT_ENCODING, ACCEPT_ENCODING).body(Body::empty());
        let router = router.clone();
        async move {
            let res = router.oneshot(req.map_err(|e| e.to_string())?).await.map_err(|e| e.to_string())?;
            let status = res.status();
            res.into_body().collect().await.map_err(|e| e.to_string())?;
            if status == StatusCode::OK { Ok(()) } else { Err(format!("status {status}")) }
        }
    };
    if let Some(first) = paths.first() {
        let _ = send(first).await;
    }
    let (mut times, mut failures) = (Vec::with_capacity(paths.len()), BTreeMap::new());
    for path in paths {
        let started = Instant::now();
        match send(path).await {
            Ok(()) => times.push(started.elapsed().as_secs_f64() * 1e3),
            Err(why) => *failures.entry(why).or_insert(0) += 1,
        }
    }
    (times, failures)
}

async fn listen(router: Router) -> Result<SocketAddr, String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tokio::spawn(async move { axum::serve(listener, router.into_make_service()).await });
    Ok(addr)
}

#[derive(Default)]
struct Load {
    ok: usize,
    errors: usize,
    hits: usize,
    /// Milliseconds per successful request.
    latencies: Vec<f64>,
    elapsed: Duration,
}

impl Load {
    fn add(&mut self, other: Load) {
        self.ok += other.ok;
        self.errors += other.errors;
        self.hits += other.hits;
        self.latencies.extend(other.latencies);
        self.elapsed += other.elapsed;
    }
}

/// `connections` keep-alive connections, each sending requests for `paths` in turn (each
/// starting at a different one) until `duration` is over; a zero duration sends every path once
/// on each connection.
async fn load(addr: SocketAddr, paths: &[String], connections: usize, duration: Duration) -> Load {
    let uris: Arc<Vec<Uri>> = Arc::new(paths.iter().map(|p| p.parse().expect("a valid path")).collect());
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            let uris = uris.clone();
            let host = HeaderValue::from_str(&addr.to_string()).expect("an address is a valid Host");
            tokio::spawn(async move {
                let mut out = Load::default();
                let mut sender = None;
                let first = c * uris.len() / connections;
                for sent in 0.. {
                    let done = if duration.is_zero() { sent == uris.len() } else { Instant::now() >= deadline };
                    if done {
                        break;
                    }
                    let uri = uris[(first + sent) % uris.len()].clone();
                    let t = Instant::now();
                    match request(&mut sender, addr, &host, uri).await {
                        Ok((StatusCode::OK, hit)) => {
                            out.ok += 1;
                            out.hits += usize::from(hit);
                            out.latencies.push(t.elapsed().as_secs_f64() * 1e3);
                        }
                        Ok(_) => out.errors += 1,
                        Err(_) => {
                            out.errors += 1;
                            sender = None;
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                    }
                }
                out
            })
        })
        .collect();
    let mut total = Load::default();
    for task in tasks {
        total.add(task.await.unwrap_or_default());
    }
    total.elapsed = started.elapsed();
    total
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

/// One GET on the connection (opened first when there is none): its status and whether the page
/// cache answered.
async fn request(
    sender: &mut Option<Sender>,
    addr: SocketAddr,
    host: &HeaderValue,
    uri: Uri,
) -> Result<(StatusCode, bool), String> {
    let e = |e: &dyn std::fmt::Display| e.to_string();
    if sender.is_none() {
        let tcp = TcpStream::connect(addr).await.map_err(|x| e(&x))?;
        tcp.set_nodelay(true).map_err(|x| e(&x))?;
        let (s, connection) =
            hyper::client::conn::http1::handshake(Io { tcp, buf: vec![0; 64 << 10].into() }).await.map_err(|x| e(&x))?;
        tokio::spawn(connection);
        *sender = Some(s);
    }
    let s = sender.as_mut().expect("connected");
    s.ready().await.map_err(|x| e(&x))?;
    let req = Request::get(uri)
        .header(header::HOST, host)
        .header(header::ACCEPT_ENCODING, ACCEPT_ENCODING)
        .body(Empty::new())
        .map_err(|x| e(&x))?;
    let res = s.send_request(req).await.map_err(|x| e(&x))?;
    let hit = res.headers().get("x-cache").is_some_and(|v| v == "hit");
    let status = res.status();
    res.into_body().collect().await.map_err(|x| e(&x))?;
    Ok((status, hit))
}

/// A tokio `TcpStream` for hyper's client (hyper-util's `TokioIo`, without unsafe: reads go
/// through a buffer of our own).
struct Io {
    tcp: TcpStream,
    buf: Box<[u8]>,
}

impl hyper::rt::Read for Io {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, mut out: hyper::rt::ReadBufCursor<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let room = out.remaining().min(this.buf.len());
        let mut buf = tokio::io::ReadBuf::new(&mut this.buf[..room]);
        ready!(Pin::new(&mut this.tcp).poll_read(cx, &mut buf))?;
        out.put_slice(buf.filled());
        Poll::Ready(Ok(()))
    }
}

impl hyper::rt::Write for Io {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().tcp).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_shutdown(cx)
    }
}

/// The `p`-th percentile (nearest rank) of sorted values; NaN when there are none.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(value: f64) -> String {
    match value {
        v if v.is_nan() => "-".into(),
        v if v < 10.0 => format!("{v:.2}"),
        v => format!("{v:.1}"),
    }
}

/// A plain-text table: the first column left-aligned, the others right-aligned.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| if i == 0 { format!("{c:<w$}") } else { format!("{c:>w$}") })
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().iter().map(String::as_str).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 50.0), 50.0);
        assert_eq!(percentile(&values, 99.0), 99.0);
        assert_eq!(percentile(&values, 100.0), 100.0);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
        assert!(percentile(&[], 50.0).is_nan());
    }

    #[test]
    fn misspellings_differ_by_one_letter() {
        let mut rng = Rng::new(3);
        for word in ["piim", "šokolaad", "молоко", "kohupiimakreem"] {
            for _ in 0..20 {
                let typo = misspell(word, &mut rng);
                assert_ne!(typo, word);
                assert_eq!(typo.chars().next(), word.chars().next());
                let (a, b) = (typo.chars().count(), word.chars().count());
                assert!(a == b || a + 1 == b, "{word} → {typo}");
            }
        }
    }

    #[test]
    fn queries_are_percent_encoded() {
        assert_eq!(percent_encode("õun pie"), "%C3%B5un%20pie");
        assert_eq!(percent_encode("abc-1"), "abc-1");
    }

    #[test]
    fn tables_line_up() {
        let t = table(&["run", "req/s"], &[vec!["hello".into(), "12345".into()], vec!["a".into(), "7".into()]]);
        assert_eq!(t, "  run    req/s\n  -----  -----\n  hello  12345\n  a          7\n");
    }

    #[tokio::test]
    async fn the_load_generator_counts_requests() {
        let addr = listen(Router::new().route("/", get(|| async { "Hello, World!" }))).await.unwrap();
        let once = load(addr, &["/".into(), "/nowhere".into()], 2, Duration::ZERO).await;
        assert_eq!((once.ok, once.errors), (2, 2));
        let timed = load(addr, &["/".into()], 4, Duration::from_millis(200)).await;
        assert!(timed.ok > 10 && timed.errors == 0, "{} ok, {} errors", timed.ok, timed.errors);
        assert_eq!(timed.latencies.len(), timed.ok);
    }
}
