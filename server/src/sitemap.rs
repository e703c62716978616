//! `/sitemap.xml` and its parts: every public page in every language, each with its language
//! alternates (`xhtml:link rel="alternate" hreflang`, the same as the page's head: both come
//! from `app::seo`) and, where the database knows it, when it last changed (`lastmod`: a
//! product's `updated_at`; for a category, the newest of the products it lists). The list of
//! pages is built from the database once (three queries) and kept ([`SitemapCache`], one
//! entry per page, not per language) until the catalog's change feed reports a change (a
//! product's, or the category tree's: categories hidden from shoppers are not listed), or for
//! at most [`MAX_AGE`] (sellers keep no change marker), so crawlers asking again and again cost
//! nothing but writing the XML of the part they ask for.

use crate::routes::{public_origin, AppState};
use app::catalog::changes::ChangeFeed;
use app::{catalog::service, i18n::Lang, seo};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{DatabaseConnection, DbErr};
use std::ops::Range;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a built list of pages is used when no product changes.
pub const MAX_AGE: Duration = Duration::from_secs(600);

/// One public page (in every language): its path after the language and when it last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapPage {
    /// `""` (home), `/sellers`, `/c/{slug}`, `/p/{slug}`, `/sellers/{slug}`, …
    pub rest: String,
    pub lastmod: Option<DateTime<Utc>>,
}

/// The sitemap's pages, built once and shared until the catalog changes.
#[derive(Default)]
pub struct SitemapCache {
    built: RwLock<Option<(Instant, Arc<Vec<SitemapPage>>)>>,
}

impl SitemapCache {
    /// A cache that is emptied whenever the feed reports changed products.
    pub fn following(feed: &ChangeFeed) -> Arc<SitemapCache> {
        let cache = Arc::new(SitemapCache::default());
        let (weak, mut changes) = (Arc::downgrade(&cache), feed.subscribe());
        tokio::spawn(async move {
            while let Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) = changes.recv().await {
                match weak.upgrade() {
                    Some(cache) => cache.clear(),
                    None => return,
                }
            }
        });
        cache
    }

    pub fn clear(&self) {
        *self.built.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The pages, from the cache or built now.
    pub async fn pages(&self, db: &DatabaseConnection) -> Result<Arc<Vec<SitemapPage>>, DbErr> {
        if let Some((at, pages)) = &*self.built.read().unwrap_or_else(|e| e.into_inner()) {
            if at.elapsed() < MAX_AGE {
                return Ok(pages.clone());
            }
        }
        let pages = Arc::new(sitemap_pages(service::sitemap_slugs(db).await?));
        *self.built.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), pages.clone()));
        Ok(pages)
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// URLs per sitemap file. The protocol allows 50,000 URLs and 50 MB; with four alternates an
/// entry is about 600 bytes, so a part holds 10,000 (about 6 MB, quick to write and compress).
const SITEMAP_PART_URLS: usize = 10_000;

/// Every public page: home, the seller list and ranking page, categories, products and seller
/// profiles. Each is listed once per language.
fn sitemap_pages(slugs: service::SitemapSlugs) -> Vec<SitemapPage> {
    let fixed = ["", "/sellers", "/ranking"].into_iter().map(|rest| SitemapPage { rest: rest.to_owned(), lastmod: None });
    let categories = slugs.categories.into_iter().map(|(c, lastmod)| SitemapPage { rest: format!("/c/{c}"), lastmod });
    let products =
        slugs.products.into_iter().map(|(p, updated)| SitemapPage { rest: format!("/p/{p}"), lastmod: Some(updated) });
    let sellers = slugs.sellers.into_iter().map(|s| SitemapPage { rest: format!("/sellers/{s}"), lastmod: None });
    fixed.chain(categories).chain(products).chain(sellers).collect()
}

/// How many URLs the pages make: one per page and language.
fn url_count(pages: &[SitemapPage]) -> usize {
    pages.len() * Lang::ALL.len()
}

/// The `<urlset>` of the URLs numbered `urls` (URL `i` is page `i / 3` in language `i % 3`).
fn urlset(origin: &str, pages: &[SitemapPage], urls: Range<usize>) -> String {
    let mut body = String::with_capacity(urls.len() * 600 + 256);
    body.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let langs = Lang::ALL.len();
    for i in urls {
        let Some(page) = pages.get(i / langs) else { break };
        let lang = Lang::ALL[i % langs];
        body.push_str("<url><loc>");
        body.push_str(&xml_escape(&seo::absolute(origin, &seo::canonical_path(lang, &page.rest, 1))));
        body.push_str("</loc>");
        if let Some(lastmod) = page.lastmod {
            body.push_str("<lastmod>");
            body.push_str(&lastmod.to_rfc3339_opts(SecondsFormat::Secs, true));
            body.push_str("</lastmod>");
        }
        for (hreflang, href) in seo::alternates(origin, &page.rest, 1) {
            body.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
            body.push_str(hreflang);
            body.push_str("\" href=\"");
            body.push_str(&xml_escape(&href));
            body.push_str("\"/>");
        }
        body.push_str("</url>\n");
    }
    body.push_str("</urlset>\n");
    body
}

/// The newest change among the pages of one part (for the index's `lastmod`).
fn part_lastmod(pages: &[SitemapPage], part: usize) -> Option<DateTime<Utc>> {
    let langs = Lang::ALL.len();
    let first = part * SITEMAP_PART_URLS / langs;
    let last = ((part + 1) * SITEMAP_PART_URLS).div_ceil(langs).min(pages.len());
    pages.get(first..last)?.iter().filter_map(|p| p.lastmod).max()
}

fn xml_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

async fn load_sitemap_pages(state: &AppState) -> Result<Arc<Vec<SitemapPage>>, Response> {
    state.sitemap.pages(&state.db).await.map_err(|e| {
        tracing::error!(error = %e, "sitemap");
        StatusCode::SERVICE_UNAVAILABLE.into_response()
    })
}

/// `/sitemap.xml`: the URL set itself while it fits in one file, otherwise an index of
/// `/sitemaps/{n}.xml` parts.
pub async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let pages = match load_sitemap_pages(&state).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let origin = public_origin(&headers);
    let urls = url_count(&pages);
    if urls <= SITEMAP_PART_URLS {
        return xml_response(urlset(&origin, &pages, 0..urls));
    }
    let origin = xml_escape(&origin);
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 0..urls.div_ceil(SITEMAP_PART_URLS) {
        body.push_str(&format!("<sitemap><loc>{origin}/sitemaps/{part}.xml</loc>"));
        if let Some(lastmod) = part_lastmod(&pages, part) {
            body.push_str(&format!("<lastmod>{}</lastmod>", lastmod.to_rfc3339_opts(SecondsFormat::Secs, true)));
        }
        body.push_str("</sitemap>\n");
    }
    body.push_str("</sitemapindex>\n");
    xml_response(body)
}

/// One part of a large sitemap: `/sitemaps/0.xml`, `/sitemaps/1.xml`, …
pub async fn sitemap_part(State(state): State<AppState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(part) = file.strip_suffix(".xml").and_then(|n| n.parse::<usize>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let pages = match load_sitemap_pages(&state).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let urls = url_count(&pages);
    let start = part.saturating_mul(SITEMAP_PART_URLS);
    if urls <= SITEMAP_PART_URLS || start >= urls {
        return StatusCode::NOT_FOUND.into_response();
    }
    xml_response(urlset(&public_origin(&headers), &pages, start..(start + SITEMAP_PART_URLS).min(urls)))
}


#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn slugs() -> service::SitemapSlugs {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 8, 15, 0).unwrap();
        service::SitemapSlugs {
            categories: vec![("food".into(), Some(at)), ("empty".into(), None)],
            products: vec![("a&b".into(), at), ("c".into(), at)],
            sellers: vec!["shop".into()],
        }
    }

    #[test]
    fn sitemap_lists_every_page_in_every_language() {
        let pages = sitemap_pages(slugs());
        assert_eq!(pages.len(), 8);
        assert_eq!(url_count(&pages), 3 * 8);
        let xml = urlset("https://turg.ee", &pages, 0..url_count(&pages));
        assert_eq!(xml.matches("<url>").count(), 24);
        assert!(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
        for loc in ["https://turg.ee/ru/p/c", "https://turg.ee/en/sellers/shop", "https://turg.ee/et/ranking", "https://turg.ee/et"] {
            assert!(xml.contains(&format!("<loc>{loc}</loc>")), "{loc}");
        }
        assert!(xml.contains("<loc>https://turg.ee/et/p/a&amp;b</loc>"));
    }

    #[test]
    fn every_url_has_its_alternates_and_products_and_categories_a_lastmod() {
        let pages = sitemap_pages(slugs());
        let xml = urlset("https://turg.ee", &pages, 0..url_count(&pages));
        let entry = |loc: &str| {
            let start = xml.find(&format!("<url><loc>{loc}</loc>")).unwrap_or_else(|| panic!("{loc} listed"));
            xml[start..start + xml[start..].find("</url>").unwrap()].to_owned()
        };
        let product = entry("https://turg.ee/en/p/c");
        assert!(product.contains("<lastmod>2026-11-30T08:15:00Z</lastmod>"), "{product}");
        for (lang, href) in [
            ("et", "https://turg.ee/et/p/c"),
            ("en", "https://turg.ee/en/p/c"),
            ("ru", "https://turg.ee/ru/p/c"),
            ("x-default", "https://turg.ee/et/p/c"),
        ] {
            assert!(product.contains(&format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\"/>")), "{product}");
        }
        assert!(entry("https://turg.ee/ru/c/food").contains("<lastmod>2026-11-30T08:15:00Z</lastmod>"));
        // Pages the database keeps no change time for go without one.
        for loc in ["https://turg.ee/et/c/empty", "https://turg.ee/et", "https://turg.ee/ru/sellers/shop"] {
            let e = entry(loc);
            assert!(!e.contains("<lastmod>") && e.matches("<xhtml:link").count() == 4, "{e}");
        }
        assert!(entry("https://turg.ee/en/p/a&amp;b").contains("href=\"https://turg.ee/ru/p/a&amp;b\""));
    }

    #[test]
    fn parts_split_the_urls_between_languages_of_one_page() {
        let pages: Vec<SitemapPage> =
            (0..4).map(|i| SitemapPage { rest: format!("/p/{i}"), lastmod: None }).collect();
        let first = urlset("https://turg.ee", &pages, 0..5);
        let second = urlset("https://turg.ee", &pages, 5..url_count(&pages));
        assert_eq!(first.matches("<url>").count() + second.matches("<url>").count(), 12);
        assert!(first.contains("<loc>https://turg.ee/en/p/1</loc>") && second.contains("<loc>https://turg.ee/ru/p/1</loc>"));
    }

    #[test]
    fn a_part_of_the_index_has_the_newest_change_of_its_pages() {
        let at = |h| Utc.with_ymd_and_hms(2026, 11, 30, h, 0, 0).unwrap();
        let per_part = SITEMAP_PART_URLS / Lang::ALL.len();
        let mut pages: Vec<SitemapPage> =
            (0..per_part + 10).map(|i| SitemapPage { rest: format!("/p/{i}"), lastmod: Some(at(1)) }).collect();
        pages[3].lastmod = Some(at(5));
        pages[per_part + 5].lastmod = Some(at(7));
        assert_eq!(part_lastmod(&pages, 0), Some(at(5)));
        assert_eq!(part_lastmod(&pages, 1), Some(at(7)));
        assert_eq!(part_lastmod(&pages, 2), None);
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(xml_escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }

    #[test]
    fn a_cleared_cache_is_empty() {
        let cache = SitemapCache::default();
        *cache.built.write().unwrap() = Some((Instant::now(), Arc::new(sitemap_pages(slugs()))));
        cache.clear();
        assert!(cache.built.read().unwrap().is_none());
    }
}
