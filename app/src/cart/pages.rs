//! `/{lang}/cart`, the add-to-cart form and the header's cart count. Every change is a form
//! (ActionForm): a plain post without JavaScript, an in-place update when hydrated.

use super::api::{get_cart, ChooseCounty, ChooseMethod, SetLineMode, UpdateLine};
use super::components::{cart_changed, reload_cart_after};
use super::pricing::LineProblem;
use super::{CartGroupView, CartLineView, CartView, MethodOptionView, MAX_QUANTITY};
use crate::delivery::County;
use crate::i18n::{county_name, fill, format_price, Texts};
use crate::offers::components::{arrival_text, fee_text};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang, vat_lines};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn problem_text(t: &Texts, problem: LineProblem) -> String {
    match problem {
        LineProblem::NotSold => t.cart_line_not_sold.to_owned(),
        LineProblem::SoldOut => t.cart_line_sold_out.to_owned(),
        LineProblem::OnlyLeft(n) => fill(t.cart_line_only_left, &[("n", &n.to_string())]),
    }
}

fn notice_text(t: &Texts, notice: &str) -> Option<&'static str> {
    Some(match notice {
        "added" => t.cart_added,
        "limited" => t.cart_limited_notice,
        "sold_out" => t.error_sold_out,
        "not_for_sale" => t.error_not_for_sale,
        "changed" => t.error_cart_changed,
        "cart_full" => t.error_cart_full,
        "too_many_units" => t.error_too_many_units,
        "too_many_orders" => t.checkout_too_many_pending,
        "stored" => t.cart_stored_notice,
        "pantry_sign_in" => t.cart_pantry_sign_in,
        "error" => t.error_bad_request,
        _ => return None,
    })
}

#[component]
pub fn CartPage() -> impl IntoView {
    let lang = use_lang();
    let changed = cart_changed();
    let data = crate::wire::resource(move || (lang.get(), changed.get()), |(lang, _)| get_cart(lang));
    view! {
        // Kept out of the index: one shopper's own cart, nothing anyone else could find useful.
        <NoIndex/>
        {loaded(data, |cart| view! { <CartBody cart/> })}
    }
}

#[component]
fn CartBody(cart: CartView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let query = use_query_map();
    let notice = move || query.read().get("notice").and_then(|n| notice_text(t, &n));
    let head = view! {
        <Title text=format!("{} — {}", t.cart_title, t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <h1>{t.cart_title}</h1>
        {move || notice().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {move || (query.read().get("notice").as_deref() == Some("pantry_sign_in")).then(|| view! {
            <p>
                <a class="button primary" href=href(lang, &format!("/account/signin?next={}", crate::markup::query_value(&href(lang, "/cart"))))>{t.account_sign_in}</a>
                " "
                <a class="button" href=href(lang, "/account/register")>{t.account_register}</a>
            </p>
        })}
    };
    if cart.groups.is_empty() {
        return view! {
            {head}
            <p class="cart-empty">{t.cart_empty}</p>
            <p><a href=href(lang, "")>{t.back_home}</a></p>
        }
        .into_any();
    }
    let CartView { county, groups, goods_cents, delivery_cents, total_cents, vat, orderable, .. } = cart;
    view! {
        {head}
        <CountyChooser county/>
        <div class="cart-layout">
            <div class="cart-groups">
                {groups.into_iter().map(|group| view! { <SellerGroup group county/> }).collect_view()}
            </div>
            <aside class="cart-summary" aria-labelledby="cart-summary-h">
                <h2 id="cart-summary-h">{t.cart_summary}</h2>
                <dl class="totals">
                    <dt>{t.cart_goods}</dt><dd>{format_price(goods_cents, lang)}</dd>
                    <dt>{t.cart_delivery}</dt><dd>{format_price(delivery_cents, lang)}</dd>
                    <dt class="total">{t.cart_total}</dt><dd class="total" data-testid="cart-total">{format_price(total_cents, lang)}</dd>
                    {vat_lines(t, lang, &vat)}
                </dl>
                {if orderable {
                    view! { <a class="button primary" href=href(lang, "/checkout")>{t.cart_to_checkout}</a> }.into_any()
                } else {
                    view! { <p class="notice">{t.cart_fix_first}</p> }.into_any()
                }}
            </aside>
        </div>
    }
    .into_any()
}

#[component]
fn CountyChooser(county: County) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<ChooseCounty>::new();
    reload_cart_after(move || action.version().get());
    view! {
        <ActionForm action attr:class="county-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <label for="cart-county">{t.county_label}</label>
            <select id="cart-county" name="county">
                {County::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.code() selected={c == county}>{county_name(t, c)}</option> })
                    .collect_view()}
            </select>
            <button type="submit">{t.county_submit}</button>
        </ActionForm>
    }
}

#[component]
fn SellerGroup(group: CartGroupView, county: County) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let heading_id = format!("seller-{}", group.seller_id);
    let chosen = group.chosen_option().cloned();
    let fee = chosen.as_ref().map(|c| c.fee_cents).unwrap_or(0);
    let CartGroupView { seller, lines, goods_cents, options, chosen: chosen_id, store, .. } = group;
    let seller_link = href(lang, &format!("/sellers/{}", seller.slug));
    if store {
        return view! {
            <section class="cart-group pantry-group" aria-labelledby=heading_id.clone() data-testid="cart-pantry-group">
                <h2 id=heading_id.clone()>{fill(t.cart_pantry_group, &[("seller", &seller.name)])}</h2>
                <ul class="cart-lines">
                    {lines.into_iter().map(|line| view! { <CartLine line/> }).collect_view()}
                </ul>
                <p class="muted">{t.cart_pantry_note}</p>
                <dl class="totals group-totals">
                    <dt>{t.cart_goods}</dt><dd>{format_price(goods_cents, lang)}</dd>
                </dl>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="cart-group" aria-labelledby=heading_id.clone() data-testid="cart-group">
            <h2 id=heading_id.clone()>
                {t.sold_by}" "<a href=seller_link>{seller.name.clone()}</a>
            </h2>
            <ul class="cart-lines">
                {lines.into_iter().map(|line| view! { <CartLine line/> }).collect_view()}
            </ul>
            {if options.is_empty() {
                view! { <p class="notice">{fill(t.cart_no_method, &[("county", county_name(t, county))])}</p> }.into_any()
            } else {
                view! { <MethodChooser options chosen=chosen_id/> }.into_any()
            }}
            <dl class="totals group-totals">
                <dt>{t.cart_goods}</dt><dd>{format_price(goods_cents, lang)}</dd>
                <dt>{t.cart_delivery}</dt><dd data-testid="group-fee">{fee_text(t, lang, fee)}</dd>
                {chosen.map(|c| view! { <dt>{t.cart_arrives}</dt><dd data-testid="group-date">{arrival_text(t, lang, c.window.earliest, c.window.latest)}</dd> })}
            </dl>
        </section>
    }
    .into_any()
}

#[component]
fn CartLine(line: CartLineView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let update = ServerAction::<UpdateLine>::new();
    let remove = ServerAction::<UpdateLine>::new();
    let mode = ServerAction::<SetLineMode>::new();
    reload_cart_after(move || update.version().get() + remove.version().get() + mode.version().get());
    let field = format!("line-qty-{}", line.line_id);
    let product = href(lang, &format!("/p/{}", line.product_slug));
    let status = move || {
        update.value().get().and_then(|r| match r {
            Ok(Some(n)) => Some(fill(t.cart_limited, &[("n", &n.to_string())])),
            Ok(None) => None,
            Err(e) => Some(e.message(t).to_owned()),
        })
    };
    let (mode_title, stored, storable, line_id) = (line.title.clone(), line.stored, line.storable, line.line_id);
    view! {
        <li class="cart-line" data-testid="cart-line">
            {line.image.clone().map(|src| view! { <img src=src alt="" width="64" height="64" loading="lazy"/> })}
            <div class="cart-line-main">
                <a href=product class="cart-line-title">{line.title.clone()}</a>
                <p class="muted">{fill(t.cart_unit_price, &[("price", &format_price(line.unit_price_cents, lang))])}</p>
                {line.problem.map(|p| view! { <p class="notice" role="alert">{problem_text(t, p)}</p> })}
                <div class="cart-line-forms">
                    <ActionForm action=update attr:class="qty-form">
                        <input type="hidden" name="lang" value=lang.code()/>
                        <input type="hidden" name="line_id" value=line.line_id/>
                        <label for=field.clone()>{t.quantity}</label>
                        <input id=field type="number" name="quantity" value=line.quantity min="0" max=MAX_QUANTITY inputmode="numeric" required/>
                        <button type="submit">{t.cart_update}</button>
                    </ActionForm>
                    <ActionForm action=remove attr:class="remove-form">
                        <input type="hidden" name="lang" value=lang.code()/>
                        <input type="hidden" name="line_id" value=line.line_id/>
                        <input type="hidden" name="quantity" value="0"/>
                        <button type="submit" class="link-button">
                            {t.cart_remove}<span class="visually-hidden">": "{line.title.clone()}</span>
                        </button>
                    </ActionForm>
                    {storable.then(move || view! {
                        <ActionForm action=mode attr:class="mode-form">
                            <input type="hidden" name="lang" value=lang.code()/>
                            <input type="hidden" name="line_id" value=line_id/>
                            <input type="hidden" name="store" value=(!stored).to_string()/>
                            <button type="submit" class="link-button" data-testid="cart-mode">
                                {if stored { t.cart_deliver } else { t.cart_store }}
                                <span class="visually-hidden">": "{mode_title.clone()}</span>
                            </button>
                        </ActionForm>
                    })}
                    {move || mode.value().get().and_then(Result::err).map(|e| {
                        let text = if e == crate::errors::AppError::Unauthorized { t.cart_pantry_sign_in } else { e.message(t) };
                        view! { <p class="notice" role="alert">{text}</p> }
                    })}
                </div>
                <p class="form-status" role="status" aria-live="polite">{status}</p>
            </div>
            <p class="cart-line-total">{format_price(line.total_cents, lang)}</p>
        </li>
    }
}

#[component]
fn MethodChooser(options: Vec<MethodOptionView>, chosen: Option<i32>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let action = ServerAction::<ChooseMethod>::new();
    reload_cart_after(move || action.version().get());
    view! {
        <ActionForm action attr:class="method-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <fieldset>
                <legend>{t.cart_method_legend}</legend>
                {options
                    .into_iter()
                    .map(|o| {
                        let id = format!("method-{}", o.method_id);
                        let free_over = o.free_over_cents.filter(|_| o.fee_cents > 0).map(|f| {
                            format!(" · {}", fill(t.delivery_free_over, &[("price", &format_price(f, lang))]))
                        });
                        view! {
                            <div class="method-option">
                                <input type="radio" id=id.clone() name="method_id" value=o.method_id checked={chosen == Some(o.method_id)}/>
                                <label for=id>
                                    <strong>{o.name.clone()}</strong>" — "{fee_text(t, lang, o.fee_cents)}{free_over}
                                    <br/><span class="muted">{arrival_text(t, lang, o.window.earliest, o.window.latest)}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button type="submit">{t.cart_method_submit}</button>
        </ActionForm>
    }
}
