//! What search engines and link previews read in a page's head: the canonical address, the
//! language alternates (hreflang), Open Graph tags, BreadcrumbList JSON-LD, and `noindex` on
//! pages kept out of the index on purpose. The address rules are pure functions (unit-tested
//! below); the components only write them.
//!
//! Absolute addresses start with the shop's origin, `TURG_PUBLIC_URL` (`config`, server only).
//! The server puts it into the page once, at the root of the app ([`provide_site_origin`], a
//! `SharedValue`: a few bytes in the serialised page data), so the hydrating browser writes the
//! same head as the server without knowing the configuration. Without `TURG_PUBLIC_URL` the
//! origin is `http://{LEPTOS_SITE_ADDR}`, never the request's `Host`: product pages are cached
//! and shared between visitors (`server/src/page_cache.rs`), so a forged `Host` must not reach
//! their canonical address.

use crate::catalog::CategoryLink;
use crate::i18n::Lang;
use crate::markup;
use leptos::prelude::*;
use leptos_meta::{Link, Meta};

/// The shop's absolute origin (`https://turg.ee`, no trailing slash), in context.
#[derive(Clone, Debug)]
pub struct SiteOrigin(pub String);

/// The origin absolute addresses start with, on the server: `TURG_PUBLIC_URL`, else
/// `http://{LEPTOS_SITE_ADDR}` (see the module's notes on why not the request's host).
#[cfg(feature = "ssr")]
pub fn server_origin() -> String {
    crate::config::get_or_default().public_url_or_local()
}

/// Provides [`SiteOrigin`] to every page: computed on the server and serialised into the page,
/// read back from it when the browser hydrates (once, at the root of `App`).
pub fn provide_site_origin() {
    let origin = SharedValue::new_str(|| {
        #[cfg(feature = "ssr")]
        {
            server_origin()
        }
        #[cfg(not(feature = "ssr"))]
        {
            String::new()
        }
    })
    .into_inner();
    provide_context(SiteOrigin(origin));
}

/// The shop's origin (empty outside the app, which makes addresses root-relative).
pub fn use_origin() -> String {
    use_context::<SiteOrigin>().map(|o| o.0).unwrap_or_default()
}

/// The path of the address search engines should index for a page: `/{lang}{rest}`, where
/// `rest` is the path after the language (`""` for home, `/c/{slug}`, `/p/{slug}`, …), plus
/// `?page={n}` beyond the first page of a list. Every other query parameter (`sort`, `county`,
/// filters) is left out: those variants show the same things sorted, priced for another county
/// or narrowed, so they all name the plain page as canonical.
pub fn canonical_path(lang: Lang, rest: &str, page: u64) -> String {
    if page > 1 {
        format!("/{}{rest}?page={page}", lang.code())
    } else {
        format!("/{}{rest}", lang.code())
    }
}

/// `origin` + `path` for paths inside the shop; addresses that are already absolute
/// (`https://…`, `//cdn…`) are kept as they are.
pub fn absolute(origin: &str, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        path.to_owned()
    } else if let Some(rest) = path.strip_prefix("//") {
        format!("{}//{rest}", origin.split("//").next().unwrap_or("https:"))
    } else if path.starts_with('/') {
        format!("{origin}{path}")
    } else {
        format!("{origin}/{path}")
    }
}

/// The hreflang alternates of a page: the same page in each language, and `x-default` (the
/// Estonian page: the shop's default language) for readers of any other.
pub fn alternates(origin: &str, rest: &str, page: u64) -> Vec<(&'static str, String)> {
    let mut links: Vec<(&'static str, String)> =
        Lang::ALL.into_iter().map(|l| (l.code(), absolute(origin, &canonical_path(l, rest, page)))).collect();
    links.push(("x-default", absolute(origin, &canonical_path(Lang::default(), rest, page))));
    links
}

/// The Open Graph locale of a language.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Et => "et_EE",
        Lang::En => "en_GB",
        Lang::Ru => "ru_RU",
    }
}

/// The picture link previews show when a page has none of its own.
pub const DEFAULT_IMAGE: &str = "/icons/icon-512.png";

/// schema.org BreadcrumbList of `(name, absolute address)` items, from the home page down;
/// the last item (the page itself) may go without an address. Escaped for a `<script>`.
pub fn breadcrumb_json_ld(items: &[(String, Option<String>)]) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    let mut json =
        String::from(r#"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":["#);
    for (i, (name, url)) in items.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(r#"{{"@type":"ListItem","position":{},"name":{}"#, i + 1, quote(name)));
        if let Some(url) = url {
            json.push_str(&format!(r#","item":{}"#, quote(url)));
        }
        json.push('}');
    }
    json.push_str("]}");
    markup::json_in_script(&json)
}

/// The breadcrumb items of a page: home, the category trail, and `current` (the product) when
/// given, with its path after the language when it has one.
pub fn breadcrumb_items(
    origin: &str,
    lang: Lang,
    trail: &[CategoryLink],
    current: Option<(&str, Option<&str>)>,
) -> Vec<(String, Option<String>)> {
    let home = (lang.texts().nav_home.to_owned(), Some(absolute(origin, &canonical_path(lang, "", 1))));
    let categories = trail
        .iter()
        .map(|c| (c.name.clone(), Some(absolute(origin, &canonical_path(lang, &format!("/c/{}", c.slug), 1)))));
    let current = current.map(|(name, rest)| (name.to_owned(), rest.map(|r| absolute(origin, &canonical_path(lang, r, 1)))));
    std::iter::once(home).chain(categories).chain(current).collect()
}

/// What an indexable page tells search engines and link previews about itself.
pub struct PageMeta {
    pub lang: Lang,
    /// The path after the language: `""` (home), `/c/{slug}`, `/p/{slug}`, `/sellers/{slug}`, …
    pub rest: String,
    /// The list page shown (1 for pages that are not lists).
    pub page: u64,
    pub title: String,
    pub description: String,
    /// The page's picture (a path inside the shop or an absolute address); the shop's icon when
    /// `None`.
    pub image: Option<String>,
    /// `website`, `product`, `profile`.
    pub og_type: &'static str,
}

/// The head of an indexable page: canonical address, hreflang alternates and Open Graph tags.
/// Written once from the page's data (the page re-renders it when its data changes); every
/// value goes through an attribute, which leptos escapes.
#[component]
pub fn PageHead(meta: PageMeta) -> impl IntoView {
    let origin = use_origin();
    let t = meta.lang.texts();
    let canonical = absolute(&origin, &canonical_path(meta.lang, &meta.rest, meta.page));
    let image = absolute(&origin, meta.image.as_deref().filter(|i| !i.is_empty()).unwrap_or(DEFAULT_IMAGE));
    let links = alternates(&origin, &meta.rest, meta.page)
        .into_iter()
        .map(|(code, url)| view! { <Link rel="alternate" hreflang=code href=url/> })
        .collect_view();
    let other_locales = Lang::ALL
        .into_iter()
        .filter(|l| *l != meta.lang)
        .map(|l| view! { <Meta property="og:locale:alternate" content=og_locale(l)/> })
        .collect_view();
    view! {
        <Link rel="canonical" href=canonical.clone()/>
        {links}
        <Meta property="og:type" content=meta.og_type/>
        <Meta property="og:site_name" content=t.site_name/>
        <Meta property="og:title" content=meta.title/>
        <Meta property="og:description" content=meta.description/>
        <Meta property="og:url" content=canonical/>
        <Meta property="og:image" content=image/>
        <Meta property="og:locale" content=og_locale(meta.lang)/>
        {other_locales}
    }
}

/// `<meta name="robots" content="noindex, …">` for a page kept out of search results on
/// purpose; each page that uses it says why. `follow`: its links may still be followed (to
/// indexable pages).
#[component]
pub fn NoIndex(#[prop(optional)] follow: bool) -> impl IntoView {
    view! { <Meta name="robots" content=if follow { "noindex, follow" } else { "noindex, nofollow" }/> }
}

/// The BreadcrumbList JSON-LD of a page with breadcrumbs (category, product, offers).
#[component]
pub fn BreadcrumbJsonLd(items: Vec<(String, Option<String>)>) -> impl IntoView {
    view! { <script type="application/ld+json" inner_html=breadcrumb_json_ld(&items)></script> }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://turg.ee";

    #[test]
    fn canonical_keeps_only_the_page_beyond_the_first() {
        assert_eq!(canonical_path(Lang::Et, "", 1), "/et");
        assert_eq!(canonical_path(Lang::Ru, "/c/piim", 1), "/ru/c/piim");
        assert_eq!(canonical_path(Lang::En, "/c/piim", 0), "/en/c/piim");
        assert_eq!(canonical_path(Lang::En, "/c/piim", 3), "/en/c/piim?page=3");
        assert_eq!(absolute(ORIGIN, &canonical_path(Lang::Et, "/p/piim-1l", 1)), "https://turg.ee/et/p/piim-1l");
    }

    #[test]
    fn absolute_addresses() {
        assert_eq!(absolute(ORIGIN, "/img/products/milk.svg"), "https://turg.ee/img/products/milk.svg");
        assert_eq!(absolute(ORIGIN, "img/a.png"), "https://turg.ee/img/a.png");
        assert_eq!(absolute(ORIGIN, "https://cdn.example/a.png"), "https://cdn.example/a.png");
        assert_eq!(absolute(ORIGIN, "//cdn.example/a.png"), "https://cdn.example/a.png");
        assert_eq!(absolute("http://127.0.0.1:3000", "/et"), "http://127.0.0.1:3000/et");
    }

    #[test]
    fn alternates_name_every_language_and_a_default() {
        let links = alternates(ORIGIN, "/c/piim", 2);
        assert_eq!(
            links,
            vec![
                ("et", "https://turg.ee/et/c/piim?page=2".to_owned()),
                ("en", "https://turg.ee/en/c/piim?page=2".to_owned()),
                ("ru", "https://turg.ee/ru/c/piim?page=2".to_owned()),
                ("x-default", "https://turg.ee/et/c/piim?page=2".to_owned()),
            ]
        );
        assert_eq!(og_locale(Lang::Et), "et_EE");
    }

    #[test]
    fn breadcrumbs_are_absolute_json_that_cannot_leave_its_script() {
        let trail = vec![CategoryLink { slug: "food".into(), name: "</script><!--<script>\"&".into() }];
        let items = breadcrumb_items(ORIGIN, Lang::En, &trail, Some(("Milk", Some("/p/milk"))));
        let json = breadcrumb_json_ld(&items);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["@type"], "BreadcrumbList");
        let list = value["itemListElement"].as_array().unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0]["name"], Lang::En.texts().nav_home);
        assert_eq!(list[0]["item"], "https://turg.ee/en");
        assert_eq!(list[1]["position"], 2);
        assert_eq!(list[1]["name"], "</script><!--<script>\"&");
        assert_eq!(list[1]["item"], "https://turg.ee/en/c/food");
        assert_eq!(list[2]["item"], "https://turg.ee/en/p/milk");
        // The page itself may go without an address.
        let items = breadcrumb_items(ORIGIN, Lang::Ru, &trail, Some(("Milk", None)));
        let value: serde_json::Value = serde_json::from_str(&breadcrumb_json_ld(&items)).unwrap();
        assert!(value["itemListElement"][2].get("item").is_none());
    }
}
