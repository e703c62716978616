//! `/{lang}/sell`: a company applies to sell on Turg, and its applicant follows the application
//! (submitted, changes asked for, approved, rejected). The form is an `ActionForm`: without
//! JavaScript it posts and comes back with the problems next to their fields and everything
//! typed kept; hydrated it answers in place. Kept out of search engines: a form behind an
//! account.

use super::api::{get_sell_page, Apply};
use super::onboarding::{message, ApplicationForm, ApplicationStatus, ApplyAnswer, Field, SellPage as PageData};
use crate::i18n::{country_name, fill, format_date, Lang, Texts, EEA_NON_EU_COUNTRIES, EU_COUNTRIES};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SellPage() -> impl IntoView {
    let action = ServerAction::<Apply>::new();
    let data = crate::wire::resource(move || action.version().get(), |_| get_sell_page());
    view! { <NoIndex/>{loaded(data, move |page| view! { <SellBody page action/> })} }
}

#[component]
fn SellBody(page: PageData, action: ServerAction<Apply>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    // The latest answer: a hydrated post's, else what a plain post left.
    let answer = action.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
    let status = page.application.as_ref().map(|a| a.status);
    let editable = page.signed_in && page.member_of.is_none() && status.is_none_or(ApplicationStatus::editable);
    // What the form shows: what was typed when it had problems, else the stored application.
    let form = match &answer {
        Some(a) if !a.errors.is_empty() => a.typed.clone(),
        _ => page.application.as_ref().map(|a| a.form.clone()).unwrap_or_default(),
    };
    let next = crate::markup::query_value(&href(lang, "/sell"));
    view! {
        <Title text=format!("{} — {}", at.sell_title, t.site_name)/>
        <h1>{at.sell_title}</h1>
        <p class="lead">{at.sell_intro}</p>
        {answer.as_ref().filter(|a| a.saved).map(|_| view! { <p class="notice" role="status" data-testid="sell-notice">{at.sell_saved}</p> })}
        {answer.as_ref().filter(|a| a.closed).map(|_| view! { <p class="notice error" role="alert">{at.sell_closed}</p> })}
        {answer.as_ref().filter(|a| !a.errors.is_empty()).map(|_| view! { <p class="notice error" role="alert" data-testid="form-error">{at.sell_fix_errors}</p> })}
        {page.member_of.clone().map(|(_, name)| view! {
            <p class="notice" data-testid="sell-member">
                {fill(at.sell_member_of, &[("seller", &name)])}" "
                <a href=href(lang, "/seller")>{at.seller_area_open}</a>
            </p>
        })}
        {page.application.clone().map(|a| view! { <Status lang application=a/> })}
        {(!page.signed_in).then(|| view! {
            <p data-testid="sell-sign-in">
                {at.sell_sign_in_first}" "
                <a href=href(lang, &format!("/account/signin?next={next}"))>{t.account_sign_in}</a>" · "
                <a href=href(lang, "/account/register")>{t.account_register}</a>
            </p>
        })}
        {editable.then(|| view! { <ApplicationFormView lang form answer=answer.clone() resubmit=status.is_some() action/> })}
    }
}

/// Where the application is, with the administrator's words when there are any.
#[component]
fn Status(lang: Lang, application: super::onboarding::ApplicationView) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    let submitted = crate::delivery::local_time::to_tallinn(application.submitted_at).date();
    let line = fill(at.sell_status_line, &[("status", application.status.text(at)), ("date", &format_date(submitted, lang))]);
    let class = match application.status {
        ApplicationStatus::Rejected => "notice error",
        _ => "notice",
    };
    view! {
        <section class=class aria-labelledby="sell-status-heading" data-testid="sell-status" data-status=application.status.code()>
            <h2 id="sell-status-heading">{at.sell_status_title}</h2>
            <p>{line}</p>
            {application.message.clone().map(|m| view! {
                <p class="admin-message"><strong>{at.sell_admin_says}</strong>" "<span class="pre-line" data-testid="sell-admin-message">{m}</span></p>
            })}
        </section>
    }
}

#[component]
fn ApplicationFormView(
    lang: Lang,
    form: ApplicationForm,
    answer: Option<ApplyAnswer>,
    resubmit: bool,
    action: ServerAction<Apply>,
) -> impl IntoView {
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let problem = move |f: Field| answer.as_ref().and_then(|a| a.error(f));
    let country_error = problem(Field::Country);
    let certified_error = problem(Field::Certified);
    let field = move |f: Field, label: &'static str, value: String, kind: &'static str, autocomplete: &'static str, hint: Option<&'static str>| {
        text_field(t, f, label, value, kind, autocomplete, hint, problem(f))
    };
    let countries: Vec<&'static str> = EU_COUNTRIES.into_iter().chain(EEA_NON_EU_COUNTRIES).collect();
    let mut countries: Vec<(String, &'static str)> = countries.into_iter().map(|c| (country_name(t, c), c)).collect();
    countries.sort();
    let chosen = form.country.to_ascii_uppercase();
    view! {
        <ActionForm action attr:class="account-form sell-form" attr:novalidate=true>
            <input type="hidden" name="lang" value=lang.code()/>
            <fieldset>
                <legend>{at.sell_company}</legend>
                {field(Field::CompanyName, at.sell_company_name, form.company_name.clone(), "text", "organization", None)}
                <div class="field">
                    <label for="sell-country">{at.sell_country}</label>
                    <select id="sell-country" name="country" aria-invalid=country_error.map(|_| "true")
                        aria-describedby=country_error.map(|_| "sell-country-error")>
                        <option value="" selected=chosen.is_empty()>{at.sell_choose_country}</option>
                        {countries.into_iter().map(|(name, code)| view! { <option value=code selected={chosen == code}>{name}</option> }).collect_view()}
                    </select>
                    {country_error.map(|p| view! { <p class="field-error" id="sell-country-error">{message(t, at, p)}</p> })}
                </div>
                {field(Field::RegistryCode, at.sell_registry_code, form.registry_code.clone(), "text", "off", Some(at.sell_registry_code_hint))}
                {field(Field::VatNumber, at.sell_vat_number, form.vat_number.clone(), "text", "off", Some(at.sell_vat_number_hint))}
                {field(Field::Street, t.checkout_street, form.street.clone(), "text", "street-address", None)}
                {field(Field::City, t.checkout_city, form.city.clone(), "text", "address-level2", None)}
                {field(Field::PostalCode, t.checkout_postal_code, form.postal_code.clone(), "text", "postal-code", None)}
            </fieldset>
            <fieldset>
                <legend>{at.sell_contact}</legend>
                {field(Field::ContactName, at.sell_contact_name, form.contact_name.clone(), "text", "name", None)}
                {field(Field::Email, t.checkout_email, form.email.clone(), "email", "email", None)}
                {field(Field::Phone, t.checkout_phone, form.phone.clone(), "tel", "tel", None)}
                {field(Field::Iban, at.sell_iban, form.iban.clone(), "text", "off", Some(at.sell_iban_hint))}
            </fieldset>
            <div class="field checkbox">
                <input id="sell-certified" type="checkbox" name="certified" value="yes" checked=form.certified
                    aria-invalid=certified_error.map(|_| "true") aria-describedby=certified_error.map(|_| "sell-certified-error")/>
                <label for="sell-certified">{at.sell_certification}</label>
                {certified_error.map(|p| view! { <p class="field-error" id="sell-certified-error">{message(t, at, p)}</p> })}
            </div>
            <button type="submit" class="primary">{if resubmit { at.sell_resubmit } else { at.sell_submit }}</button>
        </ActionForm>
    }
}

/// A labelled text input with its hint and error beneath it (tied to it for screen readers).
#[allow(clippy::too_many_arguments)]
fn text_field(
    t: &'static Texts,
    field: Field,
    label: &'static str,
    value: String,
    kind: &'static str,
    autocomplete: &'static str,
    hint: Option<&'static str>,
    problem: Option<super::onboarding::Problem>,
) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    let id = format!("sell-{}", field.code());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [hint.map(|_| hint_id.as_str()), problem.map(|_| error_id.as_str())].into_iter().flatten().collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() name=field.code() type=kind value=value autocomplete=autocomplete
                aria-invalid=problem.map(|_| "true") aria-describedby=described/>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{message(t, at, p)}</p> })}
        </div>
    }
}
