//! The head tags search engines and link previews read, rendered through the whole router:
//! canonical addresses (query variants name the plain page), hreflang alternates, Open Graph,
//! BreadcrumbList JSON-LD with absolute addresses, and `noindex` where pages are kept out of
//! the index. The pure address rules are unit-tested in `app::seo`; `hostile_tests` renders the
//! same tags with hostile names.

use crate::routes;
use app::i18n::Lang;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use std::collections::BTreeMap;
use tower::ServiceExt;

/// The public origin of the tests' configuration ([`install_test_config`]).
pub const ORIGIN: &str = "http://turg.test";

/// The configuration the rendering tests of this binary install (the same in each, since
/// only the first installed counts): the sandbox bank and the administrators' pages are on, and
/// the public origin is [`ORIGIN`], so absolute addresses are not taken from anywhere else.
pub fn install_test_config() -> &'static app::config::Config {
    let config = app::config::Config::from_vars(|name| {
        match name {
            "TURG_PAYMENT_PROVIDER" => Some("sandbox"),
            "TURG_DEV" => Some("1"),
            "TURG_PUBLIC_URL" => Some(ORIGIN),
            _ => None,
        }
        .map(str::to_owned)
    })
    .unwrap();
    let config = app::config::init(config);
    assert_eq!(config.public_url.as_deref(), Some(ORIGIN), "this binary's test configuration is installed");
    config
}

pub async fn get(router: &axum::Router, uri: &str) -> (StatusCode, String) {
    let req = Request::get(uri).header(header::ACCEPT, "text/html").body(Body::empty()).unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The `<head>` element's text.
pub fn head(html: &str) -> &str {
    let end = html.find("</head>").unwrap_or(html.len());
    &html[..end]
}

/// Every `<name …>` tag in `html`, as written (the attributes' quotes hold escaped values, so
/// a tag ends at the first `>`).
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// An attribute's value, unescaped (`&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#39;`); `None` when the
/// tag has no such attribute.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    let raw = &tag[start..end];
    assert!(!raw.contains('<') && !raw.contains('>'), "an attribute value holds raw markup: {tag}");
    Some(
        raw.replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&amp;", "&"),
    )
}

/// What a page's head says about it.
#[derive(Debug, Default)]
pub struct Seo {
    pub canonical: Vec<String>,
    /// hreflang → address.
    pub alternates: BTreeMap<String, String>,
    /// Open Graph property → contents (in order).
    pub og: BTreeMap<String, Vec<String>>,
    pub robots: Vec<String>,
    /// The JSON-LD objects of the page (parsed).
    pub json_ld: Vec<serde_json::Value>,
}

impl Seo {
    pub fn og(&self, property: &str) -> &str {
        match self.og.get(property).map(Vec::as_slice) {
            Some([one]) => one,
            other => panic!("one {property}, found {other:?}"),
        }
    }

    pub fn json_ld(&self, kind: &str) -> &serde_json::Value {
        self.json_ld.iter().find(|v| v["@type"] == kind).unwrap_or_else(|| panic!("{kind} JSON-LD in {:?}", self.json_ld))
    }
}

pub fn seo(html: &str) -> Seo {
    let mut seo = Seo::default();
    let head = head(html);
    for link in tags(head, "link") {
        match attr(link, "rel").as_deref() {
            Some("canonical") => seo.canonical.push(attr(link, "href").unwrap()),
            Some("alternate") => {
                if let Some(lang) = attr(link, "hreflang") {
                    assert!(seo.alternates.insert(lang, attr(link, "href").unwrap()).is_none(), "one alternate per language");
                }
            }
            _ => {}
        }
    }
    for meta in tags(head, "meta") {
        if let Some(property) = attr(meta, "property") {
            seo.og.entry(property).or_default().push(attr(meta, "content").unwrap_or_default());
        }
        if attr(meta, "name").as_deref() == Some("robots") {
            seo.robots.push(attr(meta, "content").unwrap_or_default());
        }
    }
    let open = "<script type=\"application/ld+json\">";
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let body = &rest[start + open.len()..];
        let end = body.find("</script>").expect("the JSON-LD script ends");
        let json = &body[..end];
        assert!(!json.contains('<') && !json.contains('>'), "JSON-LD holds raw markup: {json}");
        seo.json_ld.push(serde_json::from_str(json).unwrap_or_else(|e| panic!("JSON-LD {json}: {e}")));
        rest = &body[end..];
    }
    seo
}

/// The canonical address of a page, its alternates in every language and `x-default`, and the
/// Open Graph tags every indexable page has.
pub fn assert_indexable(seo: &Seo, lang: Lang, rest: &str, og_type: &str, what: &str) {
    let url = |l: Lang| format!("{ORIGIN}/{}{rest}", l.code());
    assert_eq!(seo.canonical, vec![url(lang)], "{what}: canonical");
    let expected: BTreeMap<String, String> = Lang::ALL
        .into_iter()
        .map(|l| (l.code().to_owned(), url(l)))
        .chain([("x-default".to_owned(), url(Lang::Et))])
        .collect();
    assert_eq!(seo.alternates, expected, "{what}: hreflang alternates");
    assert_eq!(seo.og("og:url"), url(lang), "{what}: og:url");
    assert_eq!(seo.og("og:type"), og_type, "{what}: og:type");
    assert_eq!(seo.og("og:site_name"), lang.texts().site_name, "{what}");
    assert_eq!(seo.og("og:locale"), app::seo::og_locale(lang), "{what}");
    assert_eq!(seo.og.get("og:locale:alternate").map(Vec::len), Some(2), "{what}");
    assert!(!seo.og("og:title").is_empty() && !seo.og("og:description").is_empty(), "{what}: og title and description");
    assert!(seo.og("og:image").starts_with(&format!("{ORIGIN}/")), "{what}: og:image {}", seo.og("og:image"));
    assert!(seo.robots.is_empty(), "{what}: indexable, robots {:?}", seo.robots);
}

/// BreadcrumbList: home first, every item's address absolute, `last` the last item's name.
pub fn assert_breadcrumbs(seo: &Seo, lang: Lang, last: &str, what: &str) -> Vec<serde_json::Value> {
    let list = seo.json_ld("BreadcrumbList")["itemListElement"].as_array().cloned().unwrap_or_default();
    assert!(list.len() >= 2, "{what}: breadcrumbs {list:?}");
    assert_eq!(list[0]["item"], format!("{ORIGIN}/{}", lang.code()), "{what}");
    assert_eq!(list[0]["name"], lang.texts().nav_home, "{what}");
    for (i, item) in list.iter().enumerate() {
        assert_eq!(item["position"], i + 1, "{what}");
        if let Some(url) = item.get("item") {
            assert!(url.as_str().is_some_and(|u| u.starts_with(&format!("{ORIGIN}/{}", lang.code()))), "{what}: {url}");
        }
    }
    assert_eq!(list.last().unwrap()["name"], last, "{what}");
    list
}

/// Held by every test that renders pages through the app's router, so that no two do at once.
/// Each test has its own tokio runtime, but Leptos keeps process-wide state (the task spawner,
/// the reactive arena) that they would share: with two rendering at once, a page sometimes never
/// finished (1 test run in 3 to 10 hung; 0 in 40 with these tests one at a time). A server has
/// one runtime, and its concurrent renders (e2e, `server bench` at 64 connections) never hung.
pub(crate) static RENDERING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indexable_pages_name_their_canonical_address_alternates_and_previews() {
    let _one_at_a_time = RENDERING.lock().await;
    use app::db::entity::{category, product, product_text, seller};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    install_test_config();
    let db = app::db::open("sqlite::memory:").await.unwrap();
    app::db::seed::seed_demo(&db).await.unwrap();
    // Enough products that some category has a second page.
    app::db::seed::scale::seed_scale(&db, 300, 1, |_, _| {}).await.unwrap();
    let product = product::Entity::find().order_by_asc(product::Column::Id).one(&db).await.unwrap().unwrap();
    let category = category::Entity::find_by_id(product.category_id).one(&db).await.unwrap().unwrap();
    let seller = seller::Entity::find()
        .filter(seller::Column::Status.eq(app::catalog::SellerStatus::Active))
        .order_by_asc(seller::Column::Id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let mut paged = None;
    let snapshot = app::catalog::snapshot::Snapshot::load(&db).await.unwrap();
    for c in category::Entity::find().order_by_asc(category::Column::Id).all(&db).await.unwrap() {
        let data = app::catalog::service::category_page(&db, &snapshot, Lang::Et, &c.slug, Default::default(), 1).await.unwrap().unwrap();
        if data.page.count > 1 {
            paged = Some(c.slug);
            break;
        }
    }
    let paged = paged.expect("a category with more than one page");
    let router = routes::router(routes::app_state(db.clone()).await.unwrap());

    for lang in Lang::ALL {
        let l = lang.code();
        let title = product_text::Entity::find()
            .filter(product_text::Column::ProductId.eq(product.id))
            .filter(product_text::Column::Lang.eq(l))
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .title;

        // Home.
        let (status, html) = get(&router, &format!("/{l}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_indexable(&seo(&html), lang, "", "website", "home");

        // A category, sorted, priced for another county, on its first page: one canonical.
        let rest = format!("/c/{}", category.slug);
        for query in ["", "?sort=price", "?county=ida-viru&sort=price", "?page=1&sort=newest"] {
            let what = format!("/{l}{rest}{query}");
            let (status, html) = get(&router, &what).await;
            assert_eq!(status, StatusCode::OK, "{what}");
            let seo = seo(&html);
            assert_indexable(&seo, lang, &rest, "website", &what);
            let items = assert_breadcrumbs(&seo, lang, seo.og("og:title"), &what);
            assert_eq!(items.last().unwrap()["item"], format!("{ORIGIN}/{l}{rest}"), "{what}");
        }
        // A later page keeps its number (the sort still goes).
        let rest = format!("/c/{paged}");
        let (_, html) = get(&router, &format!("/{l}{rest}?sort=price&page=2")).await;
        assert_indexable(&seo(&html), lang, &format!("{rest}?page=2"), "website", "page 2");

        // The product, plain and for another county.
        let rest = format!("/p/{}", product.slug);
        for query in ["", "?county=ida-viru&sort=price", "?county=ida-viru"] {
            let what = format!("/{l}{rest}{query}");
            let (status, html) = get(&router, &what).await;
            assert_eq!(status, StatusCode::OK, "{what}");
            let seo = seo(&html);
            assert_indexable(&seo, lang, &rest, "product", &what);
            assert_eq!(seo.og("og:title"), title, "{what}");
            let image = seo.og("og:image");
            assert!(image.starts_with(&format!("{ORIGIN}/img/")), "{what}: the product's picture {image}");
            let items = assert_breadcrumbs(&seo, lang, &title, &what);
            assert_eq!(items.last().unwrap()["item"], format!("{ORIGIN}/{l}{rest}"), "{what}");
            let ld = seo.json_ld("Product");
            assert_eq!(ld["url"], format!("{ORIGIN}/{l}{rest}"), "{what}: the Product JSON-LD's address");
            for img in ld["image"].as_array().unwrap() {
                assert!(img.as_str().unwrap().starts_with(&format!("{ORIGIN}/")), "{what}: {img}");
            }
        }

        // The seller's profile, filtered or not, and the list of sellers, searched or not.
        let rest = format!("/sellers/{}", seller.slug);
        for query in ["", &format!("?category={}", category.slug)] {
            let what = format!("/{l}{rest}{query}");
            let (status, html) = get(&router, &what).await;
            assert_eq!(status, StatusCode::OK, "{what}");
            let seo = seo(&html);
            assert_indexable(&seo, lang, &rest, "profile", &what);
            assert_eq!(seo.og("og:title"), seller.name, "{what}");
        }
        for query in ["", "?q=a&country=EE"] {
            let (_, html) = get(&router, &format!("/{l}/sellers{query}")).await;
            assert_indexable(&seo(&html), lang, "/sellers", "website", "sellers");
        }
        let (_, html) = get(&router, &format!("/{l}/ranking")).await;
        assert_indexable(&seo(&html), lang, "/ranking", "website", "ranking");

        // Pages kept out of the index say so, and name no canonical address.
        for path in [format!("/{l}/search?q=piim"), format!("/{l}/p/{}/offers", product.slug), format!("/{l}/cart"), format!("/{l}/checkout")] {
            let (_, html) = get(&router, &path).await;
            let seo = seo(&html);
            assert!(seo.robots.iter().any(|r| r.starts_with("noindex")), "{path}: robots {:?}", seo.robots);
            assert!(seo.canonical.is_empty(), "{path}: canonical {:?}", seo.canonical);
        }
        // The offers page keeps its breadcrumbs' JSON-LD.
        let (_, html) = get(&router, &format!("/{l}/p/{}/offers?sort=price", product.slug)).await;
        assert_breadcrumbs(&seo(&html), lang, &title, "offers");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sitemap_lists_alternates_and_lastmod_with_the_public_origin() {
    let _one_at_a_time = RENDERING.lock().await;
    install_test_config();
    let db = app::db::open("sqlite::memory:").await.unwrap();
    app::db::seed::seed_demo(&db).await.unwrap();
    let router = routes::router(routes::app_state(db.clone()).await.unwrap());
    let (status, xml) = get(&router, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    let slugs = app::catalog::service::sitemap_slugs(&db).await.unwrap();
    let (slug, updated) = &slugs.products[0];
    let start = xml.find(&format!("<url><loc>{ORIGIN}/ru/p/{slug}</loc>")).expect("the product in Russian");
    let entry = &xml[start..start + xml[start..].find("</url>").unwrap()];
    assert!(entry.contains(&format!("<lastmod>{}</lastmod>", updated.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))), "{entry}");
    for (lang, l) in [("et", "et"), ("en", "en"), ("ru", "ru"), ("x-default", "et")] {
        assert!(entry.contains(&format!("hreflang=\"{lang}\" href=\"{ORIGIN}/{l}/p/{slug}\"")), "{entry}");
    }
    assert_eq!(xml.matches("<url>").count(), 3 * (3 + slugs.categories.len() + slugs.products.len() + slugs.sellers.len()));
    // Every category with products has a lastmod.
    let (category, _) = slugs.categories.iter().find(|(_, at)| at.is_some()).unwrap();
    let start = xml.find(&format!("<url><loc>{ORIGIN}/en/c/{category}</loc>")).unwrap();
    assert!(xml[start..].split("</url>").next().unwrap().contains("<lastmod>"));
    // robots.txt points at it.
    let (_, robots) = get(&router, "/robots.txt").await;
    assert!(robots.contains(&format!("Sitemap: {ORIGIN}/sitemap.xml")), "{robots}");
}
