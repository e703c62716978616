//! `/{lang}/checkout`: contact, address, courier comment, paper invoice and payment, with the
//! cart's shipments (fee and date per seller) and totals beside them. One ActionForm: without
//! JavaScript it posts and comes back with the errors next to the fields, keeping what was
//! typed; hydrated it shows the errors in place. A valid form goes on to the payment.

use super::api::{get_checkout, PlaceOrder};
use super::validate::{message, Field, FieldError};
use super::{CheckoutView, PayChoice, PlanPreview, Submitted};
use crate::ui::vat_lines;
use crate::cart::CartView;
use crate::ui::loaded;
use crate::delivery::County;
use crate::i18n::{county_name, fill, format_date, format_date_range, format_price, Texts};
use crate::offers::components::fee_amount_text;
use crate::ui::{href, use_lang};
use crate::payment::instalments::PayLater;
use leptos::form::ActionForm;
use crate::seo::NoIndex;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let lang = use_lang();
    let data = crate::wire::resource(move || lang.get(), get_checkout);
    view! {
        // Kept out of the index: a shopper's own checkout form (their cart, contact, address).
        <NoIndex/>
        {loaded(data, |view| view! { <CheckoutBody view/> })}
    }
}

fn field_error(errors: &[FieldError], field: Field) -> Option<FieldError> {
    errors.iter().find(|e| e.field == field).copied()
}

fn plan_label(t: &Texts, plan: PayLater) -> &'static str {
    match plan {
        PayLater::In30Days => t.checkout_plan_30_days,
        PayLater::Monthly(2) => t.checkout_plan_2,
        PayLater::Monthly(_) => t.checkout_plan_3,
    }
}

#[component]
fn CheckoutBody(view: Option<CheckoutView>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let head = view! {
        <Title text=format!("{} — {}", t.checkout_title, t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <h1>{t.checkout_title}</h1>
    };
    let Some(initial) = view.filter(|v| !v.cart.groups.is_empty()) else {
        return view! {
            {head}
            <p>{t.cart_empty}</p>
            <p><a href=href(lang, "")>{t.back_home}</a></p>
        }
        .into_any();
    };
    if !initial.cart.orderable {
        // A line sold out, or a seller cannot deliver to the county: fix it in the cart first.
        return view! {
            {head}
            <p class="notice" role="alert">{t.cart_fix_first}</p>
            <p><a class="button primary" href=href(lang, "/cart")>{t.checkout_change_cart}</a></p>
        }
        .into_any();
    }
    let submit = ServerAction::<PlaceOrder>::new();
    // After a hydrated submit with problems the returned view replaces the first one.
    let current = Memo::new(move |_| match submit.value().get() {
        Some(Ok(Submitted::Invalid(v))) => *v,
        _ => initial.clone(),
    });
    let failure = move || submit.value().get().and_then(|r| r.err()).map(|e| e.message(t).to_owned());
    view! {
        {head}
        <div class="checkout-layout">
            <ActionForm action=submit attr:class="checkout-form" attr:novalidate=true>
                {move || failure().map(|m| view! { <p class="notice" role="alert">{m}</p> })}
                {move || {
                    current.get().draft.repriced.then(|| view! { <p class="notice" role="alert">{t.checkout_repriced}</p> })
                }}
                {move || {
                    let v = current.get();
                    (!v.errors.is_empty() || v.payment_missing)
                        .then(|| view! { <p class="notice" role="alert" id="form-problems">{t.checkout_fix_errors}</p> })
                }}
                <input type="hidden" name="lang" value=lang.code()/>
                {move || view! { <input type="hidden" name="seen" value=current.get().fingerprint/> }}
                {move || view! { <CheckoutFields view=current.get()/> }}
                // Hydrated, a second click while the order is being placed does nothing.
                <button type="submit" class="primary" disabled=move || submit.pending().get()>{t.checkout_submit}</button>
                <p class="muted">{t.checkout_terms}</p>
                {move || current.get().cart.groups.iter().any(|g| g.store).then(|| view! { <p class="muted" data-testid="checkout-pantry-terms">{t.checkout_pantry_terms}</p> })}
            </ActionForm>
            {move || view! { <OrderSummary cart=current.get().cart/> }}
        </div>
    }
    .into_any()
}

#[component]
fn CheckoutFields(view: CheckoutView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let CheckoutView { draft, errors, payment_missing, plans, cart, .. } = view;
    let form = draft.form;
    let text_field = |field: Field, label: &'static str, value: String, kind: &'static str, autocomplete: &'static str| {
        let id = format!("co-{}", field.code());
        let error = field_error(&errors, field);
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    name=field.code()
                    type=kind
                    value=value
                    autocomplete=autocomplete
                    aria-invalid=error.map(|_| "true")
                    aria-describedby=error.map(|_| error_id.clone())
                />
                {error.map(|e| view! { <p class="field-error" id=error_id.clone()>{message(t, e.problem)}</p> })}
            </div>
        }
    };
    let county_error = field_error(&errors, Field::County);
    let comment_error = field_error(&errors, Field::Comment);
    let chosen_county = County::from_code(&form.county).or(Some(cart.county));
    let chosen_payment = draft.payment.clone();
    view! {
        <fieldset>
            <legend>{t.checkout_contact}</legend>
            {text_field(Field::Name, t.checkout_name, form.name.clone(), "text", "name")}
            {text_field(Field::Email, t.checkout_email, form.email.clone(), "email", "email")}
            {text_field(Field::Phone, t.checkout_phone, form.phone.clone(), "tel", "tel")}
            <p class="muted">{t.checkout_phone_hint}</p>
        </fieldset>
        {if !cart.delivers {
            // All into the pantry: nothing is delivered now, so no address.
            view! {
                <p class="notice" data-testid="checkout-pantry-only">{t.checkout_pantry_only}</p>
                <input type="hidden" name="street" value=""/>
                <input type="hidden" name="city" value=""/>
                <input type="hidden" name="postal_code" value=""/>
                <input type="hidden" name="county" value=cart.county.code()/>
                <input type="hidden" name="comment" value=""/>
            }
            .into_any()
        } else {
            view! {
                <fieldset>
                    <legend>{t.checkout_address}</legend>
                    {text_field(Field::Street, t.checkout_street, form.street.clone(), "text", "street-address")}
                    {text_field(Field::City, t.checkout_city, form.city.clone(), "text", "address-level2")}
                    {text_field(Field::PostalCode, t.checkout_postal_code, form.postal_code.clone(), "text", "postal-code")}
                    <div class="field">
                        <label for="co-county">{t.county_label}</label>
                        <select id="co-county" name="county" aria-invalid=county_error.map(|_| "true") aria-describedby=county_error.map(|_| "co-county-error")>
                            <option value="" selected=chosen_county.is_none()>{t.checkout_choose}</option>
                            {County::ALL
                                .into_iter()
                                .map(|c| view! { <option value=c.code() selected={chosen_county == Some(c)}>{county_name(t, c)}</option> })
                                .collect_view()}
                        </select>
                        {county_error.map(|e| view! { <p class="field-error" id="co-county-error">{message(t, e.problem)}</p> })}
                        <p class="muted">{t.checkout_county_hint}</p>
                    </div>
                    <div class="field">
                        <label for="co-comment">{t.checkout_comment}</label>
                        // tachys writes a textarea's children into the HTML unescaped (as for
                        // <script>), but its content is parsed as text with entities: escape it.
                        <textarea id="co-comment" name="comment" rows="3" maxlength="300" aria-invalid=comment_error.map(|_| "true") aria-describedby="co-comment-hint"
                            inner_html=crate::markup::html(&form.comment)></textarea>
                        <p class="muted" id="co-comment-hint">{t.checkout_comment_hint}</p>
                        {comment_error.map(|e| view! { <p class="field-error">{message(t, e.problem)}</p> })}
                    </div>
                    <div class="field checkbox">
                        <input id="co-paper" type="checkbox" name="paper_invoice" value="yes" checked=form.paper_invoice/>
                        <label for="co-paper">{t.checkout_paper_invoice}</label>
                    </div>
                </fieldset>
            }
            .into_any()
        }}
        <fieldset class="payment-choice" aria-describedby=payment_missing.then_some("co-payment-error")>
            <legend>{t.checkout_payment}</legend>
            {payment_missing.then(|| view! { <p class="field-error" id="co-payment-error">{t.checkout_payment_missing}</p> })}
            <p class="payment-group-title">{t.checkout_bank_link}</p>
            {PayChoice::all()
                .into_iter()
                .map(|choice| {
                    let code = choice.code();
                    let id = format!("pay-{}", code.replace(':', "-"));
                    let label = match choice {
                        PayChoice::Bank(bank) => bank.name().to_owned(),
                        PayChoice::Later(plan) => plan_label(t, plan).to_owned(),
                    };
                    let schedule = match choice {
                        PayChoice::Later(_) => plans.iter().find(|p| p.choice == code).cloned(),
                        PayChoice::Bank(_) => None,
                    };
                    let first_later = choice == PayChoice::Later(PayLater::In30Days);
                    view! {
                        {first_later.then(|| view! { <p class="payment-group-title">{t.checkout_pay_later}</p> })}
                        <div class="method-option">
                            <input type="radio" id=id.clone() name="payment" value=code.clone() checked={chosen_payment == code}/>
                            <label for=id>
                                <strong>{label}</strong>
                                {schedule.map(|s| view! { <Schedule plan=s/> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
            <p class="muted">{t.checkout_pay_later_terms}</p>
        </fieldset>
    }
}

#[component]
fn Schedule(plan: PlanPreview) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    view! {
        <span class="schedule">
            {plan
                .instalments
                .into_iter()
                .map(|i| {
                    view! {
                        <span class="instalment">
                            {fill(t.checkout_instalment, &[("amount", &format_price(i.amount_cents, lang)), ("date", &format_date(i.due, lang))])}
                        </span>
                    }
                })
                .collect_view()}
        </span>
    }
}

/// The shipments (per seller: method, fee, date) and totals of the order being placed.
#[component]
fn OrderSummary(cart: CartView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let county = county_name(t, cart.county);
    view! {
        <aside class="cart-summary" aria-labelledby="co-summary-h">
            <h2 id="co-summary-h">{t.checkout_summary}</h2>
            <p class="muted">{fill(t.checkout_delivery_to, &[("county", county)])}" "<a href=href(lang, "/cart")>{t.checkout_change_cart}</a></p>
            {cart
                .groups
                .iter()
                .map(|g| {
                    let chosen = g.chosen_option().cloned();
                    let title = if g.store { t.cart_pantry_group } else { t.checkout_shipment_from };
                    view! {
                        <section class="summary-shipment" data-testid="checkout-shipment">
                            <h3>{fill(title, &[("seller", &g.seller.name)])}</h3>
                            <ul>
                                {g.lines
                                    .iter()
                                    .map(|l| view! { <li>{format!("{} × {}", l.quantity, l.title)}" — "{format_price(l.total_cents, lang)}</li> })
                                    .collect_view()}
                            </ul>
                            {chosen.map(|c| {
                                let date = format_date_range(c.window.earliest, c.window.latest, lang);
                                let fee = fee_amount_text(t, lang, c.fee_cents);
                                view! {
                                    <p>{c.name.clone()}": "<span data-testid="shipment-fee">{fee}</span></p>
                                    <p>{t.cart_arrives}": "<span data-testid="shipment-date">{date}</span></p>
                                }
                            })}
                        </section>
                    }
                })
                .collect_view()}
            <dl class="totals">
                <dt>{t.cart_goods}</dt><dd>{format_price(cart.goods_cents, lang)}</dd>
                <dt>{t.cart_delivery}</dt><dd>{format_price(cart.delivery_cents, lang)}</dd>
                <dt class="total">{t.cart_total}</dt><dd class="total" data-testid="checkout-total">{format_price(cart.total_cents, lang)}</dd>
                {vat_lines(t, lang, &cart.vat)}
            </dl>
        </aside>
    }
}
