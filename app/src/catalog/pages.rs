//! The catalog pages: home, category and product. Each loads its data through a server
//! function in a `Resource` (rendered on the server, serialised into the page for hydration).

use super::api::{get_category, get_home, get_product};
use super::components::{Breadcrumbs, Pager, ProductGrid};
use super::paging::{list_query, parse_page, ProductSort};
use super::{CategoryPageData, HomeData, ProductDetail};
use crate::errors::AppError;
use crate::i18n::{fill, format_price, offers_count};
use crate::layout::{href, use_lang, use_texts, ErrorBody, Loading};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{de::DeserializeOwned, Serialize};

/// A page's data once loaded: `render` for the data, the translated error page otherwise.
fn loaded<T, V>(
    data: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => render(value).into_any(),
                    Err(error) => view! { <ErrorBody error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(move || lang.get(), get_home);
    loaded(data, |home| view! { <HomeView home/> })
}

#[component]
fn HomeView(home: HomeData) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    view! {
        <Title text=move || format!("{} — {}", t.get().site_name, t.get().site_tagline)/>
        <Meta name="description" content=move || t.get().site_tagline/>
        <h1 class="visually-hidden">{move || t.get().site_name}</h1>
        <section aria-labelledby="categories-heading">
            <h2 id="categories-heading">{move || t.get().home_categories}</h2>
            <ul class="category-grid">
                {home
                    .categories
                    .into_iter()
                    .map(|tile| {
                        let link = href(lang.get_untracked(), &format!("/c/{}", tile.category.slug));
                        view! {
                            <li class="category-tile">
                                <a href=link>
                                    <img src=tile.image.unwrap_or_default() alt="" width="64" height="64" loading="lazy"/>
                                    <span>{tile.category.name}</span>
                                </a>
                                <ul class="subcategories">
                                    {tile
                                        .children
                                        .into_iter()
                                        .map(|c| {
                                            let link = href(lang.get_untracked(), &format!("/c/{}", c.slug));
                                            view! { <li><a href=link>{c.name}</a></li> }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="featured-heading">
            <h2 id="featured-heading">{move || t.get().home_featured}</h2>
            <ProductGrid products=home.featured/>
        </section>
    }
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                lang.get(),
                params.read().get("slug").unwrap_or_default(),
                ProductSort::from_param(q.get("sort").as_deref()),
                parse_page(q.get("page").as_deref()),
            )
        },
        |(lang, slug, sort, page)| get_category(lang, slug, sort, page),
    );
    loaded(data, |data| view! { <CategoryView data/> })
}

fn sort_label(t: &crate::i18n::Texts, sort: ProductSort) -> &'static str {
    match sort {
        ProductSort::Popular => t.sort_popular,
        ProductSort::PriceAsc => t.sort_price_asc,
        ProductSort::PriceDesc => t.sort_price_desc,
        ProductSort::Newest => t.sort_newest,
    }
}

#[component]
fn CategoryView(data: CategoryPageData) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let CategoryPageData { category, ancestors, children, products, page, sort } = data;
    let base = href(lang.get_untracked(), &format!("/c/{}", category.slug));
    let name = category.name.clone();
    let mut trail = ancestors;
    trail.push(category);
    let sorts = {
        let base = base.clone();
        ProductSort::ALL
            .into_iter()
            .map(|s| {
                let link = format!("{base}{}", list_query(s, 1));
                view! {
                    <li>
                        <a href=link aria-current=(s == sort).then_some("true") rel="nofollow">
                            {move || sort_label(t.get(), s)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let pager_base = base.clone();
    view! {
        <Title text=format!("{name} — {}", t.get_untracked().site_name)/>
        <Breadcrumbs trail/>
        <h1>{name}</h1>
        {(!children.is_empty()).then(|| view! {
            <nav class="chips" aria-label=move || t.get().subcategories>
                <ul>
                    {children
                        .into_iter()
                        .map(|c| {
                            let link = href(lang.get_untracked(), &format!("/c/{}", c.slug));
                            view! { <li><a href=link>{c.name}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        })}
        <div class="list-tools">
            <p class="count">{move || fill(t.get().products_found, &[("n", &page.total.to_string())])}</p>
            <nav class="sort" aria-label=move || t.get().sort_by>
                <span aria-hidden="true">{move || t.get().sort_by}": "</span>
                <ul>{sorts}</ul>
            </nav>
        </div>
        <ProductGrid products/>
        <Pager page link=move |n| format!("{pager_base}{}", list_query(sort, n))/>
    }
}

#[component]
pub fn ProductPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let data = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_product(lang, slug),
    );
    loaded(data, |product| view! { <ProductView product/> })
}

#[component]
fn ProductView(product: ProductDetail) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let ProductDetail {
        title, brand, ean, description, images, attributes, categories, min_price_cents, offer_count,
        perishable, cold_chain, storable, ..
    } = product;
    let offers = offer_count.max(0) as u64;
    let summary = description.chars().take(160).collect::<String>();
    view! {
        <Title text=format!("{title} — {}", t.get_untracked().site_name)/>
        <Meta name="description" content=summary/>
        <Breadcrumbs trail=categories current=title.clone()/>
        <article class="product">
            <div class="gallery">
                {images
                    .iter()
                    .enumerate()
                    .map(|(i, src)| view! {
                        <img src=src.clone() alt=title.clone() width="400" height="400"
                            loading=if i == 0 { "eager" } else { "lazy" } fetchpriority=if i == 0 { "high" } else { "auto" }/>
                    })
                    .collect_view()}
            </div>
            <div class="summary">
                <p class="brand">{brand}</p>
                <h1>{title.clone()}</h1>
                <div class="price-box">
                    {match min_price_cents {
                        Some(cents) => view! {
                            <p class="price">{move || fill(t.get().price_from, &[("price", &format_price(cents, lang.get()))])}</p>
                            <p class="offers">{move || offers_count(lang.get(), offers)}</p>
                            <p class="vat">{move || t.get().vat_included}</p>
                        }.into_any(),
                        None => view! { <p class="unavailable">{move || t.get().not_available}</p> }.into_any(),
                    }}
                </div>
                <ul class="badges">
                    {cold_chain.then(|| view! { <li class="badge cold">{move || t.get().badge_cold_chain}</li> })}
                    {(perishable && !cold_chain).then(|| view! { <li class="badge">{move || t.get().badge_perishable}</li> })}
                    {storable.then(|| view! { <li class="badge pantry">{move || t.get().badge_storable}</li> })}
                </ul>
            </div>
        </article>
        <section class="details" aria-labelledby="description-heading">
            <h2 id="description-heading">{move || t.get().product_description}</h2>
            <p>{description}</p>
        </section>
        <section class="details" aria-labelledby="attributes-heading">
            <h2 id="attributes-heading">{move || t.get().product_attributes}</h2>
            <table class="attributes">
                <tbody>
                    {attributes
                        .into_iter()
                        .map(|a| view! { <tr><th scope="row">{a.name}</th><td>{a.value}</td></tr> })
                        .collect_view()}
                    <tr><th scope="row">{move || t.get().product_ean}</th><td>{ean}</td></tr>
                </tbody>
            </table>
        </section>
    }
}
