//! `/{lang}/search`: results with facets and sorts (links, so everything works without
//! JavaScript), and the header's search box with suggestions while typing once hydrated.

use super::api::search;
use super::{parse_price_range, FacetValue, SearchOrder, SearchPageData, SearchParams};
use crate::catalog::components::{Pager, ProductGrid};
use crate::ui::loaded;
use crate::catalog::paging::parse_page;
use crate::i18n::{fill, format_price, Lang, Texts};
use crate::ui::{href, use_lang};
use crate::seo::NoIndex;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn params_from_query(q: &leptos_router::params::ParamsMap) -> SearchParams {
    let opt = |k: &str| q.get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    SearchParams {
        q: q.get("q").unwrap_or_default().trim().chars().take(200).collect(),
        category: opt("category"),
        brand: opt("brand"),
        price: opt("price").filter(|p| parse_price_range(p).is_some()),
        seller: opt("seller"),
        in_stock: q.get("in_stock").is_some_and(|v| v == "1"),
        sort: SearchOrder::from_param(q.get("sort").as_deref()),
        page: parse_page(q.get("page").as_deref()),
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let data = crate::wire::resource(move || (lang.get(), params_from_query(&query.read())), |(lang, params)| search(lang, params));
    view! {
        // Kept out of the index: result lists for any words anyone types are endless near-copies
        // of the category pages (and robots.txt keeps crawlers away); links lead to products.
        <NoIndex follow=true/>
        {loaded(data, |data| view! { <SearchView data/> })}
    }
}

fn order_label(t: &Texts, order: SearchOrder) -> &'static str {
    match order {
        SearchOrder::Relevance => t.search_sort_relevance,
        SearchOrder::PriceAsc => t.sort_price_asc,
        SearchOrder::PriceDesc => t.sort_price_desc,
        SearchOrder::Newest => t.sort_newest,
    }
}

fn price_label(lang: Lang, value: &str) -> String {
    match parse_price_range(value) {
        Some((min, Some(max))) => format!("{} – {}", format_price(min, lang), format_price(max, lang)),
        Some((min, None)) => format!("{} +", format_price(min, lang)),
        None => value.to_owned(),
    }
}

/// One facet as a list of links; the chosen value links back to "any".
#[component]
fn FacetList(
    heading: &'static str,
    values: Vec<FacetValue>,
    chosen: Option<String>,
    link: impl Fn(Option<String>) -> String + 'static,
    #[prop(optional)] label: Option<fn(Lang, &str) -> String>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    if values.is_empty() {
        return None;
    }
    let any = chosen.as_ref().map(|_| view! { <li><a href=link(None)>{t.search_any}</a></li> });
    let items = values
        .into_iter()
        .map(|v| {
            let current = chosen.as_deref() == Some(v.value.as_str());
            let text = match label {
                Some(f) => f(lang, &v.value),
                None => v.label.clone(),
            };
            view! {
                <li>
                    <a href=link(Some(v.value.clone())) aria-current=current.then_some("true") rel="nofollow">
                        {text}" "<span class="count">"("{v.count}")"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="facet">
            <h2>{heading}</h2>
            <ul>{any}{items}</ul>
        </section>
    })
}

#[component]
fn SearchView(data: SearchPageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let SearchPageData { params, products, page, facets, corrected } = data;
    let base = href(lang, "/search");
    let at = {
        let base = base.clone();
        move |p: SearchParams| format!("{base}{}", p.query_string())
    };
    // A link with one parameter changed; any filter change goes back to page 1.
    let with = |f: &dyn Fn(&mut SearchParams)| {
        let mut p = params.clone();
        p.page = 1;
        f(&mut p);
        at(p)
    };
    let heading = if params.q.is_empty() { t.search_title.to_owned() } else { fill(t.search_results_for, &[("q", &params.q)]) };
    let sorts = SearchOrder::ALL
        .into_iter()
        .map(|s| {
            let link = with(&|p| p.sort = s);
            view! { <li><a href=link rel="nofollow" aria-current=(s == params.sort).then_some("true")>{order_label(t, s)}</a></li> }
        })
        .collect_view();
    let facet_link = |set: fn(&mut SearchParams, Option<String>)| {
        let params = params.clone();
        let at = at.clone();
        move |v: Option<String>| {
            let mut p = params.clone();
            p.page = 1;
            set(&mut p, v);
            at(p)
        }
    };
    let in_stock_link = with(&|p| p.in_stock = !p.in_stock);
    let pager_params = params.clone();
    let pager_at = at.clone();
    let empty = products.is_empty();
    view! {
        <Title text=format!("{heading} — {}", t.site_name)/>
        <Meta name="robots" content="noindex, follow"/>
        <h1>{heading}</h1>
        {corrected.then(|| view! { <p class="notice" role="status">{t.search_corrected}</p> })}
        <div class="search-layout">
            <aside class="facets" aria-label=t.search_filters>
                <FacetList heading=t.search_facet_category values=facets.categories chosen=params.category.clone()
                    link=facet_link(|p, v| p.category = v)/>
                <FacetList heading=t.search_facet_brand values=facets.brands chosen=params.brand.clone()
                    link=facet_link(|p, v| p.brand = v)/>
                <FacetList heading=t.search_facet_price values=facets.prices chosen=params.price.clone()
                    link=facet_link(|p, v| p.price = v) label=price_label/>
                <FacetList heading=t.search_facet_seller values=facets.sellers chosen=params.seller.clone()
                    link=facet_link(|p, v| p.seller = v)/>
                <section class="facet">
                    <h2>{t.search_facet_stock}</h2>
                    <ul>
                        <li>
                            <a href=in_stock_link rel="nofollow" aria-current=params.in_stock.then_some("true")>
                                {t.search_in_stock_only}" "<span class="count">"("{facets.in_stock}")"</span>
                            </a>
                        </li>
                    </ul>
                </section>
            </aside>
            <div class="results">
                <div class="list-tools">
                    <p class="count">{fill(t.products_found, &[("n", &page.total.to_string())])}</p>
                    <nav class="sort" aria-label=t.sort_by>
                        <span aria-hidden="true">{t.sort_by}": "</span>
                        <ul>{sorts}</ul>
                    </nav>
                </div>
                {if empty {
                    view! { <p class="empty">{t.search_nothing}</p> }.into_any()
                } else {
                    view! { <ProductGrid products eager=2 top_level=true/> }.into_any()
                }}
                <Pager page link=move |n| pager_at(SearchParams { page: n, ..pager_params.clone() })/>
            </div>
        </div>
    }
}
