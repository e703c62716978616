//! The buy box on the product page, the county chooser, and the comparison of all offers on
//! `/{lang}/p/{slug}/offers`. Views only: every figure comes evaluated from the server.

use super::buybox::{OfferSort, Unavailable, WhyChosen};
use super::{OfferView, ProductOffers, SellerBrief};
use chrono::NaiveDate;
use crate::delivery::County;
use crate::i18n::{counted, county_name, country_name, fill, format_date, format_price, Lang, Texts};
use crate::ui::{href, use_lang};
use crate::cart::components::AddToCartForm;
use leptos::prelude::*;
use leptos_router::components::Form;

const SORTS: [OfferSort; 3] = [OfferSort::Landed, OfferSort::Date, OfferSort::Rating];

/// "4,7" / "4.7" from tenths.
fn decimal_tenths(tenths: i64, lang: Lang) -> String {
    let sep = if lang == Lang::En { '.' } else { ',' };
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

pub fn rating_text(t: &Texts, lang: Lang, seller: &SellerBrief) -> String {
    match seller.rating_tenths {
        Some(tenths) => format!(
            "{} · {}",
            fill(t.rating_value, &[("rating", &decimal_tenths(tenths, lang))]),
            counted(lang, seller.review_count.max(0) as u64, t.reviews_one, t.reviews_few, t.reviews_other)
        ),
        None => t.no_reviews.to_owned(),
    }
}

fn why_text(t: &Texts, why: WhyChosen, county: &str) -> String {
    let template = match why {
        WhyChosen::OnlyOffer => t.why_only_offer,
        WhyChosen::LowestLandedPrice => t.why_lowest_landed,
        WhyChosen::EarliestDelivery => t.why_earliest_delivery,
        WhyChosen::BetterRating => t.why_better_rating,
        WhyChosen::OlderOffer => t.why_older_offer,
    };
    fill(template, &[("county", county)])
}

fn unavailable_text(t: &Texts, why: Unavailable, county: &str) -> String {
    match why {
        Unavailable::OutOfStock => t.unavailable_out_of_stock.to_owned(),
        Unavailable::NoDeliveryToCounty => fill(t.unavailable_no_delivery, &[("county", county)]),
        Unavailable::Paused => t.unavailable_paused.to_owned(),
        Unavailable::SellerNotActive => t.unavailable_seller.to_owned(),
    }
}

fn condition_text(t: &Texts, condition: &str) -> &'static str {
    match condition {
        "refurbished" => t.condition_refurbished,
        "used" => t.condition_used,
        _ => t.condition_new,
    }
}

/// "Arrives 24 Nov 2026", or "Arrives 24 Nov 2026–27 Nov 2026" for a window.
pub fn arrival_text(t: &Texts, lang: Lang, earliest: NaiveDate, latest: NaiveDate) -> String {
    if earliest == latest {
        fill(t.arrives_on, &[("date", &format_date(earliest, lang))])
    } else {
        fill(t.arrives_between, &[("from", &format_date(earliest, lang)), ("to", &format_date(latest, lang))])
    }
}

/// "Delivery €2.99", or "Free delivery".
pub fn fee_text(t: &Texts, lang: Lang, fee_cents: i64) -> String {
    if fee_cents == 0 {
        t.delivery_free.to_owned()
    } else {
        fill(t.delivery_fee, &[("fee", &format_price(fee_cents, lang))])
    }
}

/// "€2.99", or "Free delivery": a fee next to its method's name.
pub fn fee_amount_text(t: &Texts, lang: Lang, fee_cents: i64) -> String {
    if fee_cents == 0 { t.delivery_free.to_owned() } else { format_price(fee_cents, lang) }
}

fn stock_text(t: &Texts, stock: i32) -> String {
    match stock {
        s if s <= 0 => t.stock_out.to_owned(),
        s if s <= 5 => fill(t.stock_low, &[("n", &s.to_string())]),
        _ => t.stock_in.to_owned(),
    }
}

pub fn sort_name(t: &Texts, sort: OfferSort) -> &'static str {
    match sort {
        OfferSort::Landed => t.sort_landed,
        OfferSort::Date => t.sort_date,
        OfferSort::Rating => t.sort_rating,
    }
}

/// The query string for the offers page (default values left out, so links stay short).
pub fn offers_query(county: County, sort: OfferSort) -> String {
    let mut parts = Vec::new();
    if county != County::DEFAULT {
        parts.push(format!("county={}", county.code()));
    }
    if sort != OfferSort::default() {
        parts.push(format!("sort={}", sort.code()));
    }
    if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
}

#[component]
fn SellerLine(seller: SellerBrief) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let rating = rating_text(t, lang, &seller);
    view! {
        <a class="seller-link" href=href(lang, &format!("/sellers/{}", seller.slug))>{seller.name}</a>
        <span class="seller-meta">{country_name(t, &seller.country)}" · "{rating}</span>
    }
}

/// Quantity and "add to cart": a plain form that posts, so it works before hydration.
/// Chooses the county whose delivery the prices include. A GET form: works without
/// JavaScript, navigates in place when hydrated.
#[component]
pub fn CountyForm(county: County, action: String, #[prop(optional)] sort: Option<OfferSort>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    view! {
        <Form method="GET" action=action attr:class="county-form">
            <label for="county">{t.county_label}</label>
            <select id="county" name="county">
                {County::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.code() selected={c == county}>{county_name(t, c)}</option> })
                    .collect_view()}
            </select>
            {sort.filter(|s| *s != OfferSort::default()).map(|s| view! { <input type="hidden" name="sort" value=s.code()/> })}
            <button type="submit">{t.county_submit}</button>
        </Form>
    }
}

/// The buy box: the chosen offer, why it was chosen, and the way to every other offer.
#[component]
pub fn BuyBox(offers: ProductOffers, slug: String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let county = county_name(t, offers.county);
    let (others, others_from) = offers.others();
    let compare = href(lang, &format!("/p/{slug}/offers{}", offers_query(offers.county, OfferSort::default())));
    let winner = offers.winner().cloned().zip(offers.buy_box.as_ref().map(|b| b.why));
    let body = match winner {
        Some((offer, why)) => {
            let delivery = offer.options.first().cloned();
            view! {
                <div class="winner" data-offer-id=offer.offer_id>
                    <p class="price">{format_price(offer.price_cents, lang)}</p>
                    <p class="vat">{t.vat_included}</p>
                    <p class="seller">{t.sold_by}": "<SellerLine seller=offer.seller.clone()/></p>
                    {delivery.map(|d| view! {
                        <p class="delivery">
                            <span class="fee">{fee_text(t, lang, d.fee_cents)}</span>" · "
                            <span class="date">{arrival_text(t, lang, d.earliest, d.latest)}</span>
                        </p>
                    })}
                    <p class="stock">{stock_text(t, offer.stock)}</p>
                    <AddToCartForm offer_id=offer.offer_id stock=offer.stock/>
                    <p class="why">
                        <strong>{t.why_heading}</strong>" "{why_text(t, why, county)}" "
                        <a href=href(lang, "/ranking")>{t.how_we_rank}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="unavailable">{fill(t.no_buyable_offer, &[("county", county)])}</p> }.into_any(),
    };
    let others_link = match others_from {
        Some(price) => counted(lang, others as u64, t.other_offers_one, t.other_offers_few, t.other_offers_other)
            .replace("{price}", &format_price(price, lang)),
        None => t.compare_offers.to_owned(),
    };
    let has_offers = !offers.offers.is_empty();
    view! {
        <section class="buy-box" aria-labelledby="buy-box-heading">
            <h2 id="buy-box-heading">{t.buy_box_heading}</h2>
            <p class="county-note">{fill(t.county_default_note, &[("county", county)])}</p>
            {body}
            {has_offers.then(|| view! { <p class="other-offers"><a href=compare>{others_link}</a></p> })}
            <CountyForm county=offers.county action=href(lang, &format!("/p/{slug}"))/>
        </section>
    }
}

#[component]
fn OfferItem(offer: OfferView, county: County, best: bool) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let county = county_name(t, county);
    let buyable = offer.unavailable.is_none();
    view! {
        <li
            class="offer"
            class:best=best
            data-offer-id=offer.offer_id
            data-landed=offer.landed_cents.unwrap_or(-1)
            data-earliest=offer.options.first().map(|o| o.earliest.to_string()).unwrap_or_default()
            data-rating=offer.seller.rating_tenths.unwrap_or(0)
        >
            <div class="offer-seller">
                {best.then(|| view! { <span class="badge">{t.in_buy_box}</span> })}
                <SellerLine seller=offer.seller.clone()/>
            </div>
            <dl class="offer-terms">
                <dt>{t.col_price}</dt>
                <dd class="price">{format_price(offer.price_cents, lang)}" "<small>{condition_text(t, &offer.condition)}</small></dd>
                <dt>{t.col_delivery}</dt>
                <dd>
                    <ul class="delivery-options">
                        {offer
                            .options
                            .iter()
                            .map(|o| view! {
                                <li>
                                    <span class="method">{o.name.clone()}</span>": "
                                    <span class="fee">{fee_text(t, lang, o.fee_cents)}</span>
                                    {o.free_over_cents.filter(|_| o.fee_cents > 0).map(|f| view! {
                                        " ("{fill(t.delivery_free_over, &[("price", &format_price(f, lang))])}")"
                                    })}
                                    " · "<span class="date">{arrival_text(t, lang, o.earliest, o.latest)}</span>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </dd>
                <dt>{t.col_total}</dt>
                <dd class="landed">
                    {match (offer.landed_cents, offer.unavailable) {
                        (Some(cents), _) => format_price(cents, lang),
                        (None, Some(why)) => unavailable_text(t, why, county),
                        (None, None) => String::new(),
                    }}
                </dd>
            </dl>
            <p class="stock">{stock_text(t, offer.stock)}</p>
            {buyable.then(|| view! { <AddToCartForm offer_id=offer.offer_id stock=offer.stock/> })}
        </li>
    }
}

/// Every offer, in the chosen order. The order changes without a server round trip once
/// hydrated (all three orders come with the data); without JavaScript the sort links reload.
#[component]
pub fn OfferList(offers: ProductOffers, slug: String, sort: Memo<OfferSort>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let county = offers.county;
    let base = href(lang, &format!("/p/{slug}/offers"));
    let sort_links = SORTS
        .into_iter()
        .map(|s| {
            let link = format!("{base}{}", offers_query(county, s));
            view! {
                <li><a href=link rel="nofollow" aria-current=move || (sort.get() == s).then_some("true")>{sort_name(t, s)}</a></li>
            }
        })
        .collect_view();
    let best = offers.buy_box.as_ref().map(|b| b.index);
    let offers = StoredValue::new(offers);
    view! {
        <div class="list-tools">
            <nav class="sort" aria-label=t.sort_by>
                <span aria-hidden="true">{t.sort_by}": "</span>
                <ul>{sort_links}</ul>
            </nav>
        </div>
        <ol class="offer-list" aria-label=move || fill(t.offers_list, &[("sort", sort_name(t, sort.get()))])>
            {move || {
                offers.with_value(|o| {
                    o.order(sort.get())
                        .into_iter()
                        .map(|i| view! { <OfferItem offer=o.offers[i].clone() county=county best={best == Some(i)}/> })
                        .collect_view()
                })
            }}
        </ol>
        <CountyForm county action=base.clone() sort=sort.get_untracked()/>
    }
}
