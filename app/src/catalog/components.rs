//! Small catalog views shared by the pages: product cards, breadcrumbs, the pager.

use super::{paging::Page, CategoryLink, ProductCard};
use crate::i18n::{fill, format_price, offers_count};
use crate::ui::{href, use_lang, use_texts};
use crate::seo::{self, BreadcrumbJsonLd};
use leptos::prelude::*;

/// Cards of products. The first `eager` cards are above the fold on a phone (the first row at
/// 360 px): their images load at once, the first with high priority, as it is usually the page's
/// largest paint; the rest load lazily as they scroll into view. Each card's title is a heading
/// one level below the list's: `<h2>` when the list follows the page's `<h1>` (`top_level`),
/// `<h3>` inside a section.
#[component]
pub fn ProductGrid(products: Vec<ProductCard>, #[prop(optional)] eager: usize, #[prop(optional)] top_level: bool) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products
                .into_iter()
                .enumerate()
                .map(|(i, p)| view! { <li><ProductCardView product=p loading=ImageLoading::nth(i, eager) top_level/></li> })
                .collect_view()}
        </ul>
    }
}

/// How an image loads: its `loading` and `fetchpriority` attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageLoading {
    pub loading: &'static str,
    pub fetchpriority: &'static str,
}

impl ImageLoading {
    /// The `i`th image of a list whose first `eager` images are above the fold.
    pub fn nth(i: usize, eager: usize) -> ImageLoading {
        match i {
            0 if eager > 0 => ImageLoading { loading: "eager", fetchpriority: "high" },
            i if i < eager => ImageLoading { loading: "eager", fetchpriority: "auto" },
            _ => ImageLoading { loading: "lazy", fetchpriority: "auto" },
        }
    }
}

#[component]
fn ProductCardView(product: ProductCard, loading: ImageLoading, top_level: bool) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let ProductCard { slug, title, brand, image, min_price_cents, offer_count } = product;
    let link = move || href(lang.get(), &format!("/p/{slug}"));
    let price = move || match min_price_cents {
        Some(cents) => fill(t.get().price_from, &[("price", &format_price(cents, lang.get()))]),
        None => t.get().not_available.to_owned(),
    };
    view! {
        <article class="card">
            <a href=link>
                <img src=image.unwrap_or_default() alt="" width="160" height="160"
                    loading=loading.loading fetchpriority=loading.fetchpriority decoding="async"/>
                <span class="brand">{brand}</span>
                {if top_level { view! { <h2>{title}</h2> }.into_any() } else { view! { <h3>{title}</h3> }.into_any() }}
            </a>
            <p class="price">{price}</p>
            <p class="offers">{move || offers_count(lang.get(), offer_count.max(0) as u64)}</p>
        </article>
    }
}

/// Home › … › current, as an ordered list in a labelled navigation landmark, with the same
/// trail as BreadcrumbList JSON-LD (absolute addresses). `current_rest`: the current item's
/// path after the language, when it is a page of its own (the product).
#[component]
pub fn Breadcrumbs(
    trail: Vec<CategoryLink>,
    #[prop(optional, into)] current: Option<String>,
    #[prop(optional, into)] current_rest: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let last = trail.len().saturating_sub(1);
    let has_current = current.is_some();
    let items = seo::breadcrumb_items(
        &seo::use_origin(),
        lang.get_untracked(),
        &trail,
        current.as_deref().map(|c| (c, current_rest.as_deref())),
    );
    view! {
        <BreadcrumbJsonLd items/>
        <nav class="breadcrumbs" aria-label=move || t.get().breadcrumbs>
            <ol>
                <li><a href=move || href(lang.get(), "")>{move || t.get().nav_home}</a></li>
                {trail
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let is_page = !has_current && i == last;
                        view! {
                            <li>
                                <a href=href(lang.get_untracked(), &format!("/c/{}", c.slug)) aria-current=is_page.then_some("page")>
                                    {c.name}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                {current.map(|c| view! { <li aria-current="page">{c}</li> })}
            </ol>
        </nav>
    }
}

/// Previous / next links and "page X of Y"; `link(n)` builds the address of page n.
#[component]
pub fn Pager(page: Page, link: impl Fn(u64) -> String + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let prev = page.prev().map(&link);
    let next = page.next().map(&link);
    (page.count > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t.get().pagination>
                {prev.map(|h| view! { <a href=h rel="prev">{move || t.get().page_prev}</a> })}
                <span>
                    {move || fill(t.get().page_of, &[("n", &page.number.to_string()), ("count", &page.count.to_string())])}
                </span>
                {next.map(|h| view! { <a href=h rel="next">{move || t.get().page_next}</a> })}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::ImageLoading;

    #[test]
    fn the_first_row_loads_at_once_and_the_first_image_first() {
        let all: Vec<_> = (0..4).map(|i| ImageLoading::nth(i, 2)).collect();
        assert_eq!(all[0], ImageLoading { loading: "eager", fetchpriority: "high" });
        assert_eq!(all[1], ImageLoading { loading: "eager", fetchpriority: "auto" });
        assert_eq!(all[2].loading, "lazy");
        assert_eq!(all[3].loading, "lazy");
        // Below the fold (eager = 0) nothing jumps the queue.
        assert!((0..3).all(|i| ImageLoading::nth(i, 0) == ImageLoading { loading: "lazy", fetchpriority: "auto" }));
    }
}
