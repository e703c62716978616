//! `/{lang}/sellers`, `/{lang}/sellers/{slug}` and `/{lang}/ranking`.

use super::api::{get_seller, get_sellers};
use super::{SellerProfile, SellersPageData};
use crate::catalog::components::{Pager, ProductGrid};
use crate::ui::loaded;
use crate::catalog::paging::parse_page;
use crate::i18n::{country_name, fill, format_date};
use crate::ui::{href, page_title, use_lang, use_texts};
use crate::offers::components::rating_text;
use crate::seo::{PageHead, PageMeta};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Builds `base?k=v&…` from the non-empty pairs (values URL-encoded).
fn with_query(base: &str, pairs: &[(&str, Option<String>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().filter(|v| !v.is_empty()).map(|v| format!("{k}={}", crate::markup::query_value(v))))
        .collect();
    if parts.is_empty() { base.to_owned() } else { format!("{base}?{}", parts.join("&")) }
}

#[component]
pub fn SellersPage() -> impl IntoView {
    let query = use_query_map();
    let data = crate::wire::resource(
        move || {
            let q = query.read();
            (q.get("q").unwrap_or_default(), q.get("country").filter(|c| !c.is_empty()), parse_page(q.get("page").as_deref()))
        },
        |(q, country, page)| get_sellers(q, country, page),
    );
    loaded(data, |data| view! { <SellersView data/> })
}

#[component]
fn SellersView(data: SellersPageData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let SellersPageData { sellers, page, countries, q, country } = data;
    let base = href(lang, "/sellers");
    let pager_base = base.clone();
    let (pq, pc) = (q.clone(), country.clone());
    // Searched or filtered variants (`?q=`, `?country=`) name the whole list as canonical;
    // the whole list's later pages keep their number.
    let head = PageMeta {
        lang,
        rest: "/sellers".to_owned(),
        page: if q.is_empty() && country.is_none() { page.number } else { 1 },
        title: t.sellers_title.to_owned(),
        description: t.sellers_intro.to_owned(),
        image: None,
        og_type: "website",
    };
    view! {
        <Title text=format!("{} — {}", t.sellers_title, t.site_name)/>
        <Meta name="description" content=t.sellers_intro/>
        <PageHead meta=head/>
        <h1>{t.sellers_title}</h1>
        <p>{t.sellers_intro}</p>
        <Form method="GET" action=base.clone() attr:class="filter-form" attr:role="search" attr:aria-label=t.sellers_search_label>
            <label for="seller-q">{t.sellers_search_label}</label>
            <input id="seller-q" type="search" name="q" value=q.clone() autocomplete="off"/>
            <label for="seller-country">{t.sellers_country_label}</label>
            <select id="seller-country" name="country">
                <option value="" selected=country.is_none()>{t.sellers_all_countries}</option>
                {countries
                    .into_iter()
                    .map(|(code, n)| {
                        let selected = country.as_deref() == Some(code.as_str());
                        view! { <option value=code.clone() selected=selected>{format!("{} ({n})", country_name(t, &code))}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit">{t.sellers_filter_submit}</button>
        </Form>
        <p class="count">{fill(t.sellers_found, &[("n", &page.total.to_string())])}</p>
        <ul class="seller-list">
            {sellers
                .into_iter()
                .map(|s| view! {
                    <li class="seller-card">
                        <h2><a href=href(lang, &format!("/sellers/{}", s.seller.slug))>{s.seller.name.clone()}</a></h2>
                        <p>{country_name(t, &s.seller.country)}", "{s.city}</p>
                        <p>{rating_text(t, lang, &s.seller)}</p>
                        <p>{fill(t.trading_since, &[("date", &format_date(s.trading_since, lang))])}</p>
                    </li>
                })
                .collect_view()}
        </ul>
        <Pager page link=move |n| with_query(&pager_base, &[("q", Some(pq.clone())), ("country", pc.clone()), ("page", Some(n.to_string()))])/>
    }
}

#[component]
pub fn SellerPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let data = crate::wire::resource(
        move || {
            let q = query.read();
            (
                lang.get(),
                params.read().get("slug").unwrap_or_default(),
                q.get("category").filter(|c| !c.is_empty()),
                parse_page(q.get("page").as_deref()),
            )
        },
        |(lang, slug, category, page)| get_seller(lang, slug, category, page),
    );
    loaded(data, |profile| view! { <SellerView profile/> })
}

#[component]
fn SellerView(profile: SellerProfile) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let SellerProfile {
        seller, about, payment_terms, logo, trading_since, requisites: r, star_counts, reviews, categories, category, products, page,
    } = profile;
    let base = href(lang, &format!("/sellers/{}", seller.slug));
    let total_reviews: u64 = star_counts.iter().sum();
    let pager_base = base.clone();
    let pager_category = category.clone();
    let description: String = about.chars().take(160).collect();
    // The assortment's category filter (`?category=`) names the whole profile as canonical;
    // the unfiltered assortment's later pages keep their number.
    let head = PageMeta {
        lang,
        rest: format!("/sellers/{}", seller.slug),
        page: if category.is_none() { page.number } else { 1 },
        title: seller.name.clone(),
        description: if description.is_empty() { t.sellers_intro.to_owned() } else { description.clone() },
        image: None,
        og_type: "profile",
    };
    let filters = {
        let base = base.clone();
        let all = view! { <li><a href=base.clone() aria-current=category.is_none().then_some("true")>{t.seller_all_products}</a></li> };
        let each = categories
            .into_iter()
            .map(|(c, n)| {
                let current = category.as_deref() == Some(c.slug.as_str());
                let link = with_query(&base, &[("category", Some(c.slug.clone()))]);
                view! { <li><a href=link aria-current=current.then_some("true")>{format!("{} ({n})", c.name)}</a></li> }
            })
            .collect_view();
        view! { {all}{each} }
    };
    view! {
        <Title text=format!("{} — {}", seller.name, t.site_name)/>
        <Meta name="description" content=description/>
        <PageHead meta=head/>
        {logo.map(|l| view! { <img class="seller-logo" src=l.url alt="" width=l.width height=l.height/> })}
        <h1>{seller.name.clone()}</h1>
        <p class="seller-meta">
            {country_name(t, &seller.country)}" · "{fill(t.trading_since, &[("date", &format_date(trading_since, lang))])}
        </p>
        <p class="rating-summary">{rating_text(t, lang, &seller)}</p>
        {(!about.is_empty()).then(|| view! { <p class="about">{about.clone()}</p> })}
        {(!payment_terms.is_empty()).then(|| view! {
            <section aria-labelledby="payment-terms-heading">
                <h2 id="payment-terms-heading">{t.payment_terms_heading}</h2>
                <p class="about" data-testid="payment-terms">{payment_terms}</p>
            </section>
        })}
        <section class="requisites" aria-labelledby="requisites-heading">
            <h2 id="requisites-heading">{t.requisites_heading}</h2>
            <dl>
                <dt>{t.requisites_legal_name}</dt><dd class="legal-name">{r.legal_name}</dd>
                <dt>{t.requisites_registry_code}</dt><dd class="registry-code">{r.registry_code}</dd>
                <dt>{t.requisites_vat_number}</dt><dd class="vat-number">{r.vat_number}</dd>
                <dt>{t.requisites_address}</dt><dd>{format!("{}, {} {}", r.street, r.postal_code, r.city)}</dd>
                <dt>{t.requisites_country}</dt><dd class="country">{country_name(t, &r.country)}</dd>
                <dt>{t.requisites_contact}</dt><dd>{r.email}", "{r.phone}</dd>
            </dl>
        </section>
        <section aria-labelledby="assortment-heading">
            <h2 id="assortment-heading">{t.seller_assortment}</h2>
            <nav class="chips" aria-label=t.seller_filter_category><ul>{filters}</ul></nav>
            <p class="count">{fill(t.products_found, &[("n", &page.total.to_string())])}</p>
            <ProductGrid products/>
            <Pager page link=move |n| with_query(&pager_base, &[("category", pager_category.clone()), ("page", Some(n.to_string()))])/>
        </section>
        <section class="reviews" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">{t.reviews_heading}</h2>
            {(total_reviews > 0).then(|| view! {
                <table class="star-counts">
                    <caption class="visually-hidden">{t.reviews_by_stars}</caption>
                    <tbody>
                        {(1..=5usize)
                            .rev()
                            .map(|s| {
                                let n = star_counts[s - 1];
                                // A bar without inline styles (the CSP allows none): the count
                                // beside it says the same in words.
                                view! {
                                    <tr>
                                        <th scope="row">{fill(t.stars_n, &[("n", &s.to_string())])}</th>
                                        <td><progress class="star-bar" aria-hidden="true" max=total_reviews.max(1).to_string() value=n.to_string()></progress></td>
                                        <td>{n}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            })}
            <ul class="review-list">
                {reviews
                    .into_iter()
                    .map(|r| view! {
                        <li lang=r.lang.clone()>
                            <p class="stars" aria-label=fill(t.stars_n, &[("n", &r.stars.to_string())])>
                                {"★".repeat(r.stars.clamp(0, 5) as usize)}{"☆".repeat(5 - r.stars.clamp(0, 5) as usize)}
                            </p>
                            <p>{r.body}</p>
                            <p class="review-meta">{r.author}", "{format_date(r.date, lang)}</p>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The main parameters that rank offers and search results, in plain words (EU Omnibus
/// directive, art. 6a of the Consumer Rights Directive).
#[component]
pub fn RankingPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    // The page stays when the language changes (no data to load): its head follows.
    let head = move || {
        let lang = lang.get();
        let t = lang.texts();
        let meta = PageMeta {
            lang,
            rest: "/ranking".to_owned(),
            page: 1,
            title: t.ranking_title.to_owned(),
            description: t.ranking_intro.to_owned(),
            image: None,
            og_type: "website",
        };
        view! { <PageHead meta/> }
    };
    view! {
        <Title text=page_title(t, |t| format!("{} — {}", t.ranking_title, t.site_name))/>
        <Meta name="description" content=move || t.get().ranking_intro/>
        {head}
        <article class="prose">
            <h1>{move || t.get().ranking_title}</h1>
            <p>{move || t.get().ranking_intro}</p>
            <h2>{move || t.get().ranking_buy_box_heading}</h2>
            <p>{move || t.get().ranking_buy_box_text}</p>
            <ol>
                <li>{move || t.get().ranking_rule_landed}</li>
                <li>{move || t.get().ranking_rule_date}</li>
                <li>{move || t.get().ranking_rule_rating}</li>
                <li>{move || t.get().ranking_rule_older}</li>
            </ol>
            <p>{move || t.get().ranking_excluded}</p>
            <h2>{move || t.get().ranking_offers_heading}</h2>
            <p>{move || t.get().ranking_offers_text}</p>
            <h2>{move || t.get().ranking_search_heading}</h2>
            <p>{move || t.get().ranking_search_text}</p>
            <h2>{move || t.get().ranking_paid_heading}</h2>
            <p>{move || t.get().ranking_paid_text}</p>
        </article>
    }
}
