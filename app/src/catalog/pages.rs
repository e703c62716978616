//! The catalog pages: home, category and product. Each loads its data through a server
//! function in a `Resource` (rendered on the server, serialised into the page for hydration).

use super::api::{get_category, get_home, get_product};
use super::components::{Breadcrumbs, Pager, ProductGrid};
use super::paging::{list_query, parse_page, ProductSort};
use super::{CategoryPageData, HomeData, ProductDetail, ProductPageData};
use crate::delivery::County;
use crate::offers::buybox::OfferSort;
use crate::offers::components::{offers_query, BuyBox, OfferList};
use crate::errors::AppError;
use crate::i18n::{county_name, fill};
use crate::ui::{href, loaded, page_title, use_lang, use_texts};
use crate::seo::{NoIndex, PageHead, PageMeta};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let data = crate::wire::resource(move || lang.get(), get_home);
    loaded(data, |home| view! { <HomeView home/> })
}

#[component]
fn HomeView(home: HomeData) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let head = {
        let (lang, t) = (lang.get_untracked(), t.get_untracked());
        PageMeta {
            lang,
            rest: String::new(),
            page: 1,
            title: t.site_name.to_owned(),
            description: t.site_tagline.to_owned(),
            image: None,
            og_type: "website",
        }
    };
    view! {
        <Title text=page_title(t, |t| format!("{} — {}", t.site_name, t.site_tagline))/>
        <Meta name="description" content=move || t.get().site_tagline/>
        <PageHead meta=head/>
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
    let data = crate::wire::resource(
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
    let rest = format!("/c/{}", category.slug);
    let base = href(lang.get_untracked(), &rest);
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
    let description = fill(t.get_untracked().category_description, &[("name", &name)]);
    // Sorted variants (`?sort=`) name the default order as canonical; later pages keep their
    // number (the page shown, after clamping).
    let head = PageMeta {
        lang: lang.get_untracked(),
        rest,
        page: page.number,
        title: name.clone(),
        description: description.clone(),
        image: None,
        og_type: "website",
    };
    view! {
        <Title text=format!("{name} — {}", t.get_untracked().site_name)/>
        <Meta name="description" content=description/>
        <PageHead meta=head/>
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
        <ProductGrid products eager=2 top_level=true/>
        <Pager page link=move |n| format!("{pager_base}{}", list_query(sort, n))/>
    }
}

/// The shopper's county from `?county=` (the default region when absent or unknown).
fn use_county() -> Memo<County> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("county").as_deref().and_then(County::from_code).unwrap_or(County::DEFAULT))
}

fn product_resource() -> crate::wire::PageResource<Result<ProductPageData, AppError>> {
    let lang = use_lang();
    let params = use_params_map();
    let county = use_county();
    crate::wire::resource(
        move || (lang.get(), params.read().get("slug").unwrap_or_default(), county.get()),
        |(lang, slug, county)| get_product(lang, slug, Some(county)),
    )
}

#[component]
pub fn ProductPage() -> impl IntoView {
    loaded(product_resource(), |data| view! { <ProductView data/> })
}

#[component]
fn ProductView(data: ProductPageData) -> impl IntoView {
    let t = use_texts();
    let ProductPageData { product, offers, json_ld } = data;
    let ProductDetail {
        slug, title, brand, ean, description, images, attributes, categories, perishable, cold_chain, storable, ..
    } = product;
    let summary = description.chars().take(160).collect::<String>();
    // The county (`?county=`) only changes prices and dates: every variant names the plain
    // product page as canonical.
    let head = PageMeta {
        lang: use_lang().get_untracked(),
        rest: format!("/p/{slug}"),
        page: 1,
        title: title.clone(),
        description: summary.clone(),
        image: images.first().cloned(),
        og_type: "product",
    };
    view! {
        <Title text=format!("{title} — {}", t.get_untracked().site_name)/>
        <Meta name="description" content=summary/>
        <PageHead meta=head/>
        <script type="application/ld+json" inner_html=json_ld></script>
        <Breadcrumbs trail=categories current=title.clone() current_rest=format!("/p/{slug}")/>
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
                <ul class="badges">
                    {cold_chain.then(|| view! { <li class="badge cold">{move || t.get().badge_cold_chain}</li> })}
                    {(perishable && !cold_chain).then(|| view! { <li class="badge">{move || t.get().badge_perishable}</li> })}
                    {storable.then(|| view! { <li class="badge pantry">{move || t.get().badge_storable}</li> })}
                </ul>
                <BuyBox offers slug/>
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

/// `/{lang}/p/{slug}/offers`: every seller's offer, sortable, for the chosen county.
#[component]
pub fn OffersPage() -> impl IntoView {
    let query = use_query_map();
    let sort = Memo::new(move |_| query.read().get("sort").as_deref().and_then(OfferSort::from_code).unwrap_or_default());
    loaded(product_resource(), move |data| view! { <OffersView data sort/> })
}

#[component]
fn OffersView(data: ProductPageData, sort: Memo<OfferSort>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let ProductPageData { product, offers, .. } = data;
    let heading = fill(t.offers_title, &[("title", &product.title)]);
    let back = href(lang, &format!("/p/{}{}", product.slug, offers_query(offers.county, OfferSort::default())));
    view! {
        <Title text=format!("{heading} — {}", t.site_name)/>
        // Kept out of the index: the same product as its page (which is indexed), listed per
        // seller and county; its links (sellers, the product) may be followed.
        <NoIndex follow=true/>
        <Breadcrumbs trail=product.categories.clone() current=product.title.clone()/>
        <h1>{heading}</h1>
        <p class="back"><a href=back>{t.back_to_product}</a></p>
        <p class="county-note">{fill(t.county_default_note, &[("county", county_name(t, offers.county))])}</p>
        <OfferList offers slug=product.slug sort/>
    }
}
