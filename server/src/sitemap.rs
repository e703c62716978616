//! `/sitemap.xml` and its parts: every public page in every language. The list of pages is
//! built from the database once and kept ([`SitemapCache`]) until the catalog's change feed
//! reports a change (or for at most [`MAX_AGE`], for categories and sellers), so crawlers
//! asking again and again cost nothing.

use crate::routes::{public_origin, AppState};
use app::catalog::changes::ChangeFeed;
use app::{catalog::service, i18n::Lang};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use sea_orm::{DatabaseConnection, DbErr};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a built list of pages is used when no product changes.
pub const MAX_AGE: Duration = Duration::from_secs(600);

/// The sitemap's pages, built once and shared until the catalog changes.
#[derive(Default)]
pub struct SitemapCache {
    built: RwLock<Option<(Instant, Arc<Vec<String>>)>>,
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
    pub async fn paths(&self, db: &DatabaseConnection) -> Result<Arc<Vec<String>>, DbErr> {
        if let Some((at, paths)) = &*self.built.read().unwrap_or_else(|e| e.into_inner()) {
            if at.elapsed() < MAX_AGE {
                return Ok(paths.clone());
            }
        }
        let paths = Arc::new(sitemap_paths(&service::sitemap_slugs(db).await?));
        *self.built.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), paths.clone()));
        Ok(paths)
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// The sitemap protocol allows at most 50,000 URLs per file.
const SITEMAP_MAX_URLS: usize = 50_000;

/// Every public page path: home, the seller list and ranking page, categories, products and
/// seller profiles, in each language.
fn sitemap_paths(slugs: &service::SitemapSlugs) -> Vec<String> {
    let mut paths =
        Vec::with_capacity(3 * (3 + slugs.categories.len() + slugs.products.len() + slugs.sellers.len()));
    for lang in Lang::ALL {
        let code = lang.code();
        paths.push(format!("/{code}"));
        paths.push(format!("/{code}/sellers"));
        paths.push(format!("/{code}/ranking"));
        paths.extend(slugs.categories.iter().map(|c| format!("/{code}/c/{c}")));
        paths.extend(slugs.products.iter().map(|p| format!("/{code}/p/{p}")));
        paths.extend(slugs.sellers.iter().map(|s| format!("/{code}/sellers/{s}")));
    }
    paths
}

fn urlset(origin: &str, paths: &[String]) -> String {
    let mut body = String::with_capacity(paths.len() * 80 + 128);
    body.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        body.push_str("<url><loc>");
        body.push_str(origin);
        body.push_str(&xml_escape(path));
        body.push_str("</loc></url>\n");
    }
    body.push_str("</urlset>\n");
    body
}

fn xml_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

async fn load_sitemap_paths(state: &AppState) -> Result<Arc<Vec<String>>, Response> {
    state.sitemap.paths(&state.db).await.map_err(|e| {
        tracing::error!(error = %e, "sitemap");
        StatusCode::SERVICE_UNAVAILABLE.into_response()
    })
}

/// `/sitemap.xml`: the URL set itself while it fits in one file, otherwise an index of
/// `/sitemaps/{n}.xml` parts.
pub async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let paths = match load_sitemap_paths(&state).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let origin = xml_escape(&public_origin(&headers));
    if paths.len() <= SITEMAP_MAX_URLS {
        return xml_response(urlset(&origin, &paths));
    }
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 0..paths.len().div_ceil(SITEMAP_MAX_URLS) {
        body.push_str(&format!("<sitemap><loc>{origin}/sitemaps/{part}.xml</loc></sitemap>\n"));
    }
    body.push_str("</sitemapindex>\n");
    xml_response(body)
}

/// One part of a large sitemap: `/sitemaps/0.xml`, `/sitemaps/1.xml`, …
pub async fn sitemap_part(State(state): State<AppState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(part) = file.strip_suffix(".xml").and_then(|n| n.parse::<usize>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let paths = match load_sitemap_paths(&state).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    match paths.chunks(SITEMAP_MAX_URLS).nth(part) {
        Some(chunk) if paths.len() > SITEMAP_MAX_URLS => xml_response(urlset(&xml_escape(&public_origin(&headers)), chunk)),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_lists_every_page_in_every_language() {
        let slugs = service::SitemapSlugs {
            categories: vec!["food".into()],
            products: vec!["a&b".into(), "c".into()],
            sellers: vec!["shop".into()],
        };
        let paths = sitemap_paths(&slugs);
        assert_eq!(paths.len(), 3 * 7);
        assert!(paths.contains(&"/ru/p/c".to_string()));
        assert!(paths.contains(&"/en/sellers/shop".to_string()));
        assert!(paths.contains(&"/et/ranking".to_string()));
        let xml = urlset("https://turg.ee", &paths);
        assert!(xml.contains("<loc>https://turg.ee/et/p/a&amp;b</loc>"));
        assert_eq!(xml.matches("<url>").count(), 21);
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(xml_escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }

    #[test]
    fn a_cleared_cache_is_empty() {
        let cache = SitemapCache::default();
        *cache.built.write().unwrap() = Some((Instant::now(), Arc::new(vec!["/et".into()])));
        cache.clear();
        assert!(cache.built.read().unwrap().is_none());
    }
}
