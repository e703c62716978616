//! The seller area's offer pages: `/{lang}/seller/offers` (the seller's offers, each with where
//! it stands in the buy box and, when it loses, the price that would win), `/offers/new` (find a
//! catalogue product by EAN or words, then make an offer) and `/offers/{id}` (change price,
//! stock, handling time, delivery methods, pause or resume). Plain forms without JavaScript,
//! answered in place when hydrated. Kept out of search engines: a seller's own pages.

use super::offers::{
    find_products, get_offer_editor, get_seller_offers, problem_text, OfferAnswer, OfferEditor, OfferField, OfferRow,
    ProductBrief, SaveOffer,
};
use crate::i18n::{fill, format_price, AreaTexts, Lang};
use crate::offers::buybox::{Standing, Unavailable};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the seller reads about an offer's place in the buy box.
pub fn standing_text(at: &'static AreaTexts, lang: Lang, s: Standing) -> String {
    match s {
        Standing::Wins => at.offer_standing_wins.to_owned(),
        Standing::PriceToWin(p) => fill(at.offer_standing_price_to_win, &[("price", &format_price(p, lang))]),
        Standing::CannotWinOnPrice => at.offer_standing_cannot_win.to_owned(),
        Standing::Unavailable(Unavailable::Paused) => at.offer_standing_paused.to_owned(),
        Standing::Unavailable(Unavailable::OutOfStock) => at.offer_standing_out_of_stock.to_owned(),
        Standing::Unavailable(Unavailable::SellerNotActive) => at.offer_standing_suspended.to_owned(),
        Standing::Unavailable(Unavailable::NoDeliveryToCounty) => at.offer_standing_no_delivery.to_owned(),
    }
}

fn standing_code(s: Standing) -> &'static str {
    match s {
        Standing::Wins => "wins",
        Standing::PriceToWin(_) => "price_to_win",
        Standing::CannotWinOnPrice => "cannot_win",
        Standing::Unavailable(_) => "unavailable",
    }
}

/// The seller area's pages, linked to each other.
#[component]
pub fn SellerNav(lang: Lang) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    view! {
        <nav class="admin-nav" aria-label=at.seller_area_title>
            <a href=href(lang, "/seller")>{at.seller_area_title}</a>" · "
            <a href=href(lang, "/seller/offers")>{at.seller_offers_title}</a>" · "
            <a href=href(lang, "/seller/offers/new")>{at.seller_offer_new}</a>" · "
            <a href=href(lang, "/seller/imports")>{at.import_nav}</a>" · "
            <a href=href(lang, "/seller/shipments")>{at.seller_shipments_title}</a>" · "
            <a href=href(lang, "/seller/messages")>{at.msg_nav}</a>" · "
            <a href=href(lang, "/seller/methods")>{at.seller_methods_title}</a>" · "
            <a href=href(lang, "/seller/team")>{at.team_nav}</a>" · "
            <a href=href(lang, "/seller/profile")>{at.profile_nav}</a>
        </nav>
    }
}

#[component]
pub fn SellerOffersPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let data = crate::wire::resource(
        move || (lang.get(), crate::catalog::paging::parse_page(query.read().get("page").as_deref())),
        |(lang, page)| get_seller_offers(lang, page),
    );
    view! { <NoIndex/>{loaded(data, |page| view! { <OffersBody page/> })} }
}

#[component]
fn OffersBody(page: super::offers::OffersPage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let base = href(lang, "/seller/offers");
    view! {
        <Title text=format!("{} — {}", at.seller_offers_title, t.site_name)/>
        <h1>{at.seller_offers_title}</h1>
        <SellerNav lang/>
        <p class="lead">{fill(at.seller_offers_lead, &[("seller", &page.seller_name), ("n", &page.page.total.to_string())])}</p>
        {page.rows.is_empty().then(|| view! { <p>{at.seller_offers_none}" "<a href=href(lang, "/seller/offers/new")>{at.seller_offer_new}</a></p> })}
        <div class="table-scroll" role="region" aria-label=at.seller_offers_title tabindex="0">
            <table class="audit seller-offers">
                <thead>
                    <tr>
                        <th scope="col">{at.seller_offer_product}</th>
                        <th scope="col">{at.seller_offer_price}</th>
                        <th scope="col">{at.seller_offer_stock}</th>
                        <th scope="col">{at.seller_offer_buy_box}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.into_iter().map(|r| view! { <Row lang row=r/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <crate::catalog::components::Pager page=page.page link=move |n| format!("{base}?page={n}")/>
    }
}

#[component]
fn Row(lang: Lang, row: OfferRow) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    view! {
        <tr data-testid="seller-offer" data-offer-id=row.offer_id data-standing=standing_code(row.standing)>
            <td>
                <a href=href(lang, &format!("/seller/offers/{}", row.offer_id))>{row.product.title.clone()}</a>
                <br/><span class="muted">{format!("EAN {}", row.product.ean)}{(!row.active).then(|| format!(" · {}", at.seller_offer_paused))}</span>
            </td>
            <td>{format_price(row.price_cents, lang)}</td>
            <td>{row.stock}</td>
            <td>{standing_text(at, lang, row.standing)}</td>
        </tr>
    }
}

/// `/{lang}/seller/offers/new`: find the product (`?q=`), then the form for `?product=`.
#[component]
pub fn NewOfferPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let product = move || query.read().get("product").and_then(|p| p.parse::<i32>().ok());
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <NoIndex/>
        {move || match product() {
            Some(id) => view! { <OfferEditorPage offer=None product=Some(id)/> }.into_any(),
            None => {
                let data = crate::wire::resource(move || (lang.get(), q()), |(lang, q)| find_products(lang, q));
                view! { {loaded(data, |found| view! { <FindProduct found/> })} }.into_any()
            }
        }}
    }
}

#[component]
fn FindProduct(found: super::offers::ProductSearch) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let searched = !found.q.trim().is_empty();
    view! {
        <Title text=format!("{} — {}", at.seller_offer_new, t.site_name)/>
        <h1>{at.seller_offer_new}</h1>
        <SellerNav lang/>
        <form method="get" action=href(lang, "/seller/offers/new") class="account-form" role="search">
            <div class="field">
                <label for="find-product">{at.seller_find_product}</label>
                <input id="find-product" name="q" type="search" value=found.q.clone() aria-describedby="find-product-hint"/>
                <p class="field-hint" id="find-product-hint">{at.seller_find_product_hint}</p>
            </div>
            <button type="submit">{t.search_button}</button>
        </form>
        {(searched && found.found.is_empty()).then(|| view! { <p role="status">{at.seller_find_none}</p> })}
        <ul class="my-orders" data-testid="found-products">
            {found.found.into_iter().map(|p| view! { <Found lang product=p/> }).collect_view()}
        </ul>
    }
}

#[component]
fn Found(lang: Lang, product: ProductBrief) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    let (link, label) = match product.own_offer {
        Some(id) => (format!("/seller/offers/{id}"), at.seller_offer_edit),
        None => (format!("/seller/offers/new?product={}", product.id), at.seller_offer_make),
    };
    view! {
        <li data-testid="found-product" data-product-id=product.id>
            {product.title.clone()}" "<span class="muted">{format!("EAN {}", product.ean)}</span>" "
            <a href=href(lang, &link)>{label}</a>
        </li>
    }
}

/// `/{lang}/seller/offers/{id}`.
#[component]
pub fn EditOfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.read_untracked().get("id").and_then(|p| p.parse::<i32>().ok());
    view! { <NoIndex/><OfferEditorPage offer=id.or(Some(-1)) product=None/> }
}

#[component]
fn OfferEditorPage(offer: Option<i32>, product: Option<i32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SaveOffer>::new();
    let data = crate::wire::resource(
        move || (lang.get(), action.version().get()),
        move |(lang, _)| get_offer_editor(lang, offer, product),
    );
    view! { {loaded(data, move |editor| view! { <EditorBody editor action/> })} }
}

#[component]
fn EditorBody(editor: OfferEditor, action: ServerAction<SaveOffer>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let answer: Option<OfferAnswer> = action.value().get_untracked().and_then(Result::ok).or(editor.answer.clone());
    let typed = answer.as_ref().filter(|a| !a.errors.is_empty()).map(|a| a.typed.clone());
    let o = editor.offer.clone();
    let price = typed.as_ref().map(|f| f.price.clone()).or(o.as_ref().map(|o| super::offers::euros_for_input(o.price_cents))).unwrap_or_default();
    let stock = typed.as_ref().map(|f| f.stock.clone()).or(o.as_ref().map(|o| o.stock.to_string())).unwrap_or_default();
    let handling = typed.as_ref().map(|f| f.handling_days.clone()).or(o.as_ref().map(|o| o.handling_days.to_string())).unwrap_or_else(|| "1".into());
    let active = typed.as_ref().map(|f| f.active).or(o.as_ref().map(|o| o.active)).unwrap_or(true);
    let methods: Vec<(super::offers::MethodChoice, bool)> = editor
        .methods
        .iter()
        .map(|m| (m.clone(), typed.as_ref().map(|f| f.methods.contains(&m.id)).unwrap_or(m.chosen)))
        .collect();
    let problem = {
        let answer = answer.clone();
        move |f: OfferField| answer.as_ref().and_then(|a| a.error(f))
    };
    let methods_error = problem(OfferField::Methods);
    let title = match &o {
        Some(_) => at.seller_offer_edit,
        None => at.seller_offer_make,
    };
    let field = move |f: OfferField, label: &'static str, value: String, mode: &'static str| {
        let id = format!("offer-{}", f.code());
        let error_id = format!("{id}-error");
        let p = problem(f);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id.clone() name=f.code() type="text" inputmode=mode value=value autocomplete="off"
                    aria-invalid=p.map(|_| "true") aria-describedby=p.map(|_| error_id.clone())/>
                {p.map(|p| view! { <p class="field-error" id=error_id.clone()>{problem_text(t, at, p)}</p> })}
            </div>
        }
    };
    view! {
        <Title text=format!("{title} — {}", t.site_name)/>
        <h1>{title}</h1>
        <SellerNav lang/>
        <p class="lead">
            <a href=href(lang, &format!("/p/{}", editor.product.slug))>{editor.product.title.clone()}</a>
            " "<span class="muted">{format!("EAN {}", editor.product.ean)}</span>
        </p>
        {answer.as_ref().and_then(|a| a.saved).map(|_| view! { <p class="notice" role="status" data-testid="offer-notice">{at.seller_offer_saved}</p> })}
        {answer.as_ref().and_then(|a| a.exists).map(|id| view! {
            <p class="notice error" role="alert">{at.seller_offer_exists}" "<a href=href(lang, &format!("/seller/offers/{id}"))>{at.seller_offer_edit}</a></p>
        })}
        {o.as_ref().map(|o| view! {
            <p class="notice" data-testid="offer-standing" data-standing=standing_code(o.standing)>
                <strong>{at.seller_offer_buy_box}": "</strong>{standing_text(at, lang, o.standing)}
            </p>
        })}
        {editor.methods.is_empty().then(|| view! { <p class="notice error" role="alert">{at.seller_offer_no_methods}</p> })}
        <ActionForm action attr:class="account-form" attr:novalidate=true>
            <input type="hidden" name="lang" value=lang.code()/>
            {o.as_ref().map(|o| view! { <input type="hidden" name="offer" value=o.offer_id/> })}
            <input type="hidden" name="product" value=editor.product.id/>
            {field(OfferField::Price, at.seller_offer_price_label, price, "decimal")}
            {field(OfferField::Stock, at.seller_offer_stock, stock, "numeric")}
            {field(OfferField::HandlingDays, at.seller_offer_handling, handling, "numeric")}
            <fieldset class="method-choice" aria-describedby=methods_error.map(|_| "offer-methods-error")>
                <legend>{at.seller_offer_methods}</legend>
                {methods.into_iter().enumerate().map(|(i, (m, chosen))| {
                    let id = format!("offer-method-{}", m.id);
                    view! {
                        <div class="field checkbox">
                            <input id=id.clone() type="checkbox" name=format!("methods[{i}]") value=m.id checked=chosen/>
                            <label for=id>{format!("{} ({})", m.name, format_price(m.price_cents, lang))}</label>
                        </div>
                    }
                }).collect_view()}
                {methods_error.map(|p| view! { <p class="field-error" id="offer-methods-error">{problem_text(t, at, p)}</p> })}
            </fieldset>
            <div class="field checkbox">
                <input id="offer-active" type="checkbox" name="active" value="yes" checked=active/>
                <label for="offer-active">{at.seller_offer_active}</label>
            </div>
            <button type="submit" class="primary">{at.seller_offer_save}</button>
        </ActionForm>
    }
}
