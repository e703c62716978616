//! `/{lang}/pantry` (what is stored, with expiry, and the choice of what to deliver) and
//! `/{lang}/pantry/transport` (address, method, day and fee of a transport order). Both work
//! without JavaScript: the choice and the delivery options are GET forms (an address that can
//! be linked and reloaded), the order itself a posted form.

use super::api::{get_pantry, get_transport, PlaceTransport, TransportPlaced};
use super::{request_from_query, ItemView, ItemsProblem, PantryView, TransportGroupView, TransportView};
use crate::checkout::validate::{message, validate_contact, ContactForm, Field, FieldError};
use crate::delivery::{County, DeliveryKind};
use crate::i18n::area::use_area_texts;
use crate::i18n::{county_name, fill, format_date, format_date_range, format_price, AreaTexts, Texts};
use crate::orders::Bank;
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang, vat_lines};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn heading(t: &'static Texts, title: &'static str) -> impl IntoView {
    view! {
        <Title text=format!("{title} — {}", t.site_name)/>
        <h1>{title}</h1>
    }
}

/// `/{lang}/pantry`.
#[component]
pub fn PantryPage() -> impl IntoView {
    let lang = use_lang();
    let data = crate::wire::resource(move || lang.get(), get_pantry);
    view! { <NoIndex/>{loaded(data, |pantry| view! { <PantryBody pantry/> })} }
}

#[component]
fn PantryBody(pantry: PantryView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let empty = pantry.items.is_empty();
    let any_usable = pantry.items.iter().any(|i| i.usable > 0);
    view! {
        {heading(t, at.pantry_title)}
        <p class="lead">{at.pantry_lead}</p>
        <p class="muted" data-testid="pantry-expiry-rule">{at.pantry_expiry_rule}</p>
        {if empty {
            view! { <p class="notice" data-testid="pantry-empty">{at.pantry_empty}" "<a href=href(lang, "/cart")>{t.nav_cart}</a></p> }.into_any()
        } else {
            view! {
                <form method="get" action=href(lang, "/pantry/transport") class="pantry-form">
                    <ul class="pantry-items">
                        {pantry.items.into_iter().map(|item| view! { <PantryItem item/> }).collect_view()}
                    </ul>
                    {pantry.county.map(|c| view! { <input type="hidden" name="county" value=c.code()/> })}
                    {any_usable.then(|| view! {
                        <p class="form-actions">
                            <button type="submit" class="button primary" data-testid="pantry-continue">{at.pantry_continue}</button>
                            " "
                            <a class="button" href=href(lang, "/pantry/transport?items=all")>{at.pantry_deliver_all}</a>
                        </p>
                    })}
                </form>
            }
            .into_any()
        }}
    }
}

#[component]
fn PantryItem(item: ItemView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let at = use_area_texts();
    let field = format!("pantry-n-{}", item.product_id);
    let heading_id = format!("pantry-item-{}", item.product_id);
    view! {
        <li class="pantry-item" data-testid="pantry-item" data-product=item.product_id aria-labelledby=heading_id.clone()>
            {item.image.clone().map(|src| view! { <img src=src alt="" width="64" height="64" loading="lazy"/> })}
            <div class="pantry-item-main">
                <h2 id=heading_id.clone() class="pantry-item-title"><a href=href(lang, &format!("/p/{}", item.product_slug))>{item.title.clone()}</a></h2>
                {item.cold.then(|| view! { <p class="badge">{at.pantry_cold}</p> })}
                <p data-testid="pantry-units">{fill(at.pantry_units, &[("n", &item.usable.to_string())])}</p>
                <ul class="pantry-lots">
                    {item
                        .lots
                        .iter()
                        .map(|l| {
                            let text = fill(
                                at.pantry_lot,
                                &[
                                    ("n", &l.quantity.to_string()),
                                    ("paid", &format_date(crate::delivery::local_time::to_tallinn(l.paid_at).date(), lang)),
                                    ("expires", &format_date(l.expires_on, lang)),
                                ],
                            );
                            let left = if l.expired {
                                at.pantry_expired.to_owned()
                            } else {
                                fill(at.pantry_days_left, &[("n", &l.days_left.to_string())])
                            };
                            view! {
                                <li data-testid="pantry-lot" data-expires=l.expires_on.to_string() class:expired=l.expired>
                                    {text}" · "<strong>{left}</strong>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {(item.expired > 0).then(|| view! { <p class="notice">{at.pantry_expired_support}</p> })}
            </div>
            {(item.usable > 0).then(|| view! {
                <div class="field pantry-qty">
                    <label for=field.clone()>{at.pantry_to_deliver}<span class="visually-hidden">": "{item.title.clone()}</span></label>
                    <input id=field type="number" name=format!("n{}", item.product_id) value="0" min="0" max=item.usable inputmode="numeric"/>
                </div>
            })}
        </li>
    }
}

/// `/{lang}/pantry/transport?items=…`.
#[component]
pub fn TransportPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let data = crate::wire::resource(
        move || {
            let q = query.get();
            let pairs: Vec<(String, String)> = (&q).into_iter().map(|(k, v)| (k.to_string(), v.to_owned())).collect();
            let (items, choices) = request_from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            (lang.get(), items, q.get("county").unwrap_or_default(), choices, q.get("a").and_then(|a| a.parse::<i32>().ok()))
        },
        |(lang, items, county, choices, address)| get_transport(lang, items, county, choices, address),
    );
    view! { <NoIndex/>{loaded(data, |view| view! { <TransportBody view/> })} }
}

fn problem_text(at: &'static AreaTexts, p: ItemsProblem) -> String {
    match p {
        ItemsProblem::Nothing => at.pantry_nothing_chosen.to_owned(),
        ItemsProblem::MoreThanStored { stored, .. } => fill(at.pantry_more_than_stored, &[("n", &stored.to_string())]),
        ItemsProblem::OnlyExpired { .. } => at.pantry_expired_support.to_owned(),
    }
}

#[component]
fn TransportBody(view: TransportView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let query = use_query_map();
    let notice = query.read_untracked().get("notice").filter(|n| n == "changed").map(|_| at.pantry_changed);
    let items = super::format_items(&view.items);
    let back = href(lang, "/pantry");
    let Some(problem) = view.problem else {
        return view! {
            {heading(t, at.pantry_transport_title)}
            {notice.map(|n| view! { <p class="notice" role="alert">{n}</p> })}
            <DeliveryForm view=view.clone() items=items.clone()/>
            <OrderForm view items/>
            <p><a href=back>{at.pantry_back}</a></p>
        }
        .into_any();
    };
    view! {
        {heading(t, at.pantry_transport_title)}
        <p class="notice" role="alert" data-testid="pantry-problem">{problem_text(at, problem)}</p>
        <p><a class="button" href=back>{at.pantry_back}</a></p>
    }
    .into_any()
}

/// County, saved address, and per seller the method and (cold courier) the day: a GET form,
/// so the fee and dates shown follow each choice.
#[component]
fn DeliveryForm(view: TransportView, items: String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let county = view.county;
    view! {
        <form method="get" action=href(lang, "/pantry/transport") class="transport-delivery">
            <input type="hidden" name="items" value=items/>
            {(!view.addresses.is_empty()).then(|| view! {
                <div class="field">
                    <label for="tr-address">{at.pantry_saved_address}</label>
                    <select id="tr-address" name="a">
                        <option value="" selected=view.address.is_none()>{at.pantry_other_address}</option>
                        {view.addresses.iter().map(|a| view! { <option value=a.id selected={view.address == Some(a.id)}>{a.label.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="tr-county">{t.county_label}</label>
                <select id="tr-county" name="county">
                    {County::ALL.into_iter().map(|c| view! { <option value=c.code() selected={c == county}>{county_name(t, c)}</option> }).collect_view()}
                </select>
            </div>
            {view.groups.into_iter().map(|g| view! { <GroupChoice group=g county/> }).collect_view()}
            <button type="submit">{at.pantry_update}</button>
        </form>
    }
}

#[component]
fn GroupChoice(group: TransportGroupView, county: County) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let seller = group.seller_id;
    let heading_id = format!("tr-seller-{seller}");
    let cold_chosen = group.options.iter().any(|o| Some(o.method_id) == group.chosen && o.kind == DeliveryKind::ColdCourier);
    view! {
        <section class="cart-group" aria-labelledby=heading_id.clone() data-testid="transport-group">
            <h2 id=heading_id.clone()>{fill(t.checkout_shipment_from, &[("seller", &group.seller_name)])}</h2>
            <ul>
                {group.lines.iter().map(|(n, title)| view! { <li data-testid="transport-line">{format!("{n} × {title}")}</li> }).collect_view()}
            </ul>
            {if group.options.is_empty() {
                view! { <p class="notice" role="alert">{fill(t.cart_no_method, &[("county", county_name(t, county))])}</p> }.into_any()
            } else {
                view! {
                    <fieldset>
                        <legend>{t.cart_method_legend}</legend>
                        {group
                            .options
                            .iter()
                            .map(|o| {
                                let id = format!("tr-m-{seller}-{}", o.method_id);
                                view! {
                                    <div class="method-option">
                                        <input type="radio" id=id.clone() name=format!("m{seller}") value=o.method_id checked={group.chosen == Some(o.method_id)}/>
                                        <label for=id>
                                            <strong>{o.name.clone()}</strong>" — "{crate::offers::components::fee_text(t, lang, o.fee_cents)}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
                .into_any()
            }}
            {(cold_chosen && !group.days.is_empty()).then(|| {
                let id = format!("tr-d-{seller}");
                view! {
                    <div class="field">
                        <label for=id.clone()>{at.pantry_day}</label>
                        <select id=id name=format!("d{seller}") data-testid="transport-day">
                            {group.days.iter().map(|d| view! { <option value=d.to_string() selected={group.earliest == Some(*d)}>{format_date(*d, lang)}</option> }).collect_view()}
                        </select>
                        <p class="muted">{at.pantry_cold_rule}</p>
                    </div>
                }
            })}
            {group.earliest.zip(group.latest).map(|(e, l)| view! {
                <p>{t.cart_arrives}": "<strong data-testid="transport-date" data-date=e.to_string()>{format_date_range(e, l, lang)}</strong></p>
            })}
        </section>
    }
}

fn field_error(errors: &[FieldError], field: Field) -> Option<FieldError> {
    errors.iter().copied().find(|e| e.field == field)
}

/// Contact, address, the fee and its payment, and the order button (a posted form).
#[component]
fn OrderForm(view: TransportView, items: String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let action = ServerAction::<PlaceTransport>::new();
    let query = use_query_map();
    let q = query.read_untracked();
    // Sent back without JavaScript: what was typed, and its problems.
    let typed = q.get("invalid").map(|_| ContactForm {
        name: q.get("name").unwrap_or_default(),
        email: "x@example.com".into(),
        phone: q.get("phone").unwrap_or_default(),
        street: q.get("street").unwrap_or_default(),
        city: q.get("city").unwrap_or_default(),
        postal_code: q.get("postal_code").unwrap_or_default(),
        county: view.county.code().to_owned(),
        comment: q.get("comment").unwrap_or_default(),
        paper_invoice: false,
    });
    let first_errors = typed.as_ref().and_then(|f| validate_contact(f, true).err()).unwrap_or_default();
    let value = |typed_value: Option<String>, default: &str| typed_value.unwrap_or_else(|| default.to_owned());
    let name = value(typed.as_ref().map(|f| f.name.clone()), &view.name);
    let phone = value(typed.as_ref().map(|f| f.phone.clone()), &view.phone);
    let street = value(typed.as_ref().map(|f| f.street.clone()), &view.street);
    let city = value(typed.as_ref().map(|f| f.city.clone()), &view.city);
    let postal = value(typed.as_ref().map(|f| f.postal_code.clone()), &view.postal_code);
    let comment = typed.as_ref().map(|f| f.comment.clone()).unwrap_or_default();
    let errors = Memo::new(move |_| match action.value().get() {
        Some(Ok(TransportPlaced::Invalid(e))) => e,
        _ => first_errors.clone(),
    });
    let text_field = move |field: Field, label: &'static str, value: String, kind: &'static str, autocomplete: &'static str| {
        let id = format!("tr-{}", field.code());
        let error_id = format!("{id}-error");
        let error = move || field_error(&errors.get(), field);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=field.code() type=kind value=value autocomplete=autocomplete
                    aria-invalid=move || error().map(|_| "true") aria-describedby=move || error().map(|_| error_id.clone())/>
                {move || error().map(|e| view! { <p class="field-error" id=format!("tr-{}-error", field.code())>{message(t, e.problem)}</p> })}
            </div>
        }
    };
    let fee = view.fee_cents;
    view! {
        <ActionForm action attr:class="transport-order">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="items" value=items/>
            <input type="hidden" name="county" value=view.county.code()/>
            <input type="hidden" name="choices" value=view.choices.clone()/>
            <input type="hidden" name="seen" value=view.fingerprint.clone()/>
            <fieldset>
                <legend>{t.checkout_address}</legend>
                {text_field(Field::Name, t.checkout_name, name, "text", "name")}
                {text_field(Field::Phone, t.checkout_phone, phone, "tel", "tel")}
                {text_field(Field::Street, t.checkout_street, street, "text", "street-address")}
                {text_field(Field::City, t.checkout_city, city, "text", "address-level2")}
                {text_field(Field::PostalCode, t.checkout_postal_code, postal, "text", "postal-code")}
                <p class="muted">{fill(t.checkout_delivery_to, &[("county", county_name(t, view.county))])}</p>
                <div class="field">
                    <label for="tr-comment">{t.checkout_comment}</label>
                    <textarea id="tr-comment" name="comment" rows="2" maxlength="300" inner_html=crate::markup::html(&comment)></textarea>
                </div>
            </fieldset>
            <dl class="totals">
                <dt>{at.pantry_fee}</dt><dd data-testid="transport-fee">{crate::offers::components::fee_text(t, lang, fee)}</dd>
                {vat_lines(t, lang, &view.vat)}
            </dl>
            {(fee > 0).then(|| view! {
                <fieldset class="payment-choice">
                    <legend>{t.checkout_bank_link}</legend>
                    {Bank::ALL.iter().enumerate().map(|(i, b)| {
                        let id = format!("tr-bank-{}", b.code());
                        view! {
                            <div class="method-option">
                                <input type="radio" id=id.clone() name="bank" value=b.code() checked=i == 0/>
                                <label for=id>{b.name()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            {move || action.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message(t)}</p> })}
            <button type="submit" class="button primary" disabled=!view.orderable data-testid="transport-submit">
                {if fee > 0 { fill(at.pantry_order_and_pay, &[("price", &format_price(fee, lang))]) } else { at.pantry_order_free.to_owned() }}
            </button>
        </ActionForm>
    }
}
