//! `/{lang}/admin/applications`: companies' applications to sell, each with its details and
//! the three decisions (approve; ask for changes or reject, each with words the applicant
//! reads). `/{lang}/admin/audit`: what administrators did. Plain forms without JavaScript,
//! answered in place when hydrated. Kept out of search engines: administrators' pages.

use super::{get_applications, get_audit, AuditRow, DecideApplication};
use crate::i18n::{country_name, fill, format_date, AreaTexts, Lang, Texts};
use crate::sellers::onboarding::{message, ApplicationRow, ApplicationStatus, DecideAnswer, Decision};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use chrono::Timelike;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let action = ServerAction::<DecideApplication>::new();
    let data = crate::wire::resource(move || action.version().get(), |_| get_applications());
    view! { <NoIndex/>{loaded(data, move |page| view! { <ApplicationsBody page action/> })} }
}

#[component]
fn ApplicationsBody(page: crate::sellers::onboarding::ApplicationsPage, action: ServerAction<DecideApplication>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let answer = action.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
    let (open, decided): (Vec<_>, Vec<_>) = page.applications.into_iter().partition(|a| a.status.editable());
    view! {
        <Title text=format!("{} — {}", at.admin_applications_title, t.site_name)/>
        <h1>{at.admin_applications_title}</h1>
        <AdminNav lang/>
        {answer.map(|a| view! { <Answer t answer=a/> })}
        <h2>{at.admin_applications_open}</h2>
        {open.is_empty().then(|| view! { <p>{at.admin_applications_none}</p> })}
        <ul class="applications">
            {open.into_iter().map(|a| view! { <Application lang application=a action/> }).collect_view()}
        </ul>
        <h2>{at.admin_applications_decided}</h2>
        {decided.is_empty().then(|| view! { <p>{at.admin_applications_none}</p> })}
        <ul class="applications">
            {decided.into_iter().map(|a| view! { <Application lang application=a action/> }).collect_view()}
        </ul>
    }
}

/// The administrators' pages, linked to each other.
#[component]
pub fn AdminNav(lang: Lang) -> impl IntoView {
    let (t, a) = (lang.texts(), crate::i18n::area::use_area_texts());
    let at = crate::i18n::area::use_area_texts();
    view! {
        <nav class="admin-nav" aria-label=at.admin_nav>
            <a href=href(lang, "/admin/applications")>{at.admin_applications_title}</a>" · "
            <a href=href(lang, "/admin/sellers")>{at.admin_sellers_title}</a>" · "
            <a href=href(lang, "/admin/categories")>{a.admin_cat_title}</a>" · "
            <a href=href(lang, "/admin/users")>{a.admin_users_title}</a>" · "
            <a href=href(lang, "/admin/audit")>{at.admin_audit_title}</a>" · "
            <a href=href(lang, "/admin/outbox")>{t.outbox_title}</a>
        </nav>
    }
}

/// What the last decision answered.
#[component]
fn Answer(t: &'static Texts, answer: DecideAnswer) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    let n = answer.application_id.to_string();
    let (class, text) = match (answer.done, answer.problem, answer.stale) {
        (Some(d), _, _) => ("notice", fill(decision_done(at, d), &[("n", &n)])),
        (_, Some(p), _) => ("notice error", format!("{}: {}", fill(at.admin_application_n, &[("n", &n)]), message(t, at, p))),
        _ => ("notice error", fill(at.admin_application_stale, &[("n", &n)])),
    };
    let role = if class == "notice" { "status" } else { "alert" };
    view! { <p class=class role=role data-testid="admin-notice">{text}</p> }
}

fn decision_done(at: &'static AreaTexts, d: Decision) -> &'static str {
    match d {
        Decision::Approve => at.admin_application_approved,
        Decision::AskChanges => at.admin_application_changes_asked,
        Decision::Reject => at.admin_application_rejected,
    }
}

#[component]
fn Application(lang: Lang, application: ApplicationRow, action: ServerAction<DecideApplication>) -> impl IntoView {
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let a = application;
    let f = &a.form;
    let submitted = crate::delivery::local_time::to_tallinn(a.submitted_at);
    let heading_id = format!("application-{}", a.id);
    let rows: Vec<(&'static str, String)> = vec![
        (at.sell_country, country_name(t, &f.country)),
        (at.sell_registry_code, f.registry_code.clone()),
        (at.sell_vat_number, if f.vat_number.is_empty() { "—".to_owned() } else { f.vat_number.clone() }),
        (at.sell_address, format!("{}, {} {}", f.street, f.postal_code, f.city)),
        (at.sell_contact_name, f.contact_name.clone()),
        (t.checkout_email, f.email.clone()),
        (t.checkout_phone, f.phone.clone()),
        (at.sell_iban, f.iban.clone()),
        (at.admin_applicant, a.applicant_email.clone()),
        (
            at.admin_submitted,
            format!("{} {:02}:{:02}", format_date(submitted.date(), lang), submitted.hour(), submitted.minute()),
        ),
    ];
    let open = a.status.editable();
    let can = |d: Decision| d.allowed_from(a.status);
    let id = a.id;
    view! {
        <li class="application" data-testid="application" data-application-id=a.id data-status=a.status.code()>
            <h3 id=heading_id.clone()>{f.company_name.clone()}" "<span class="muted">{format!("#{} · {}", a.id, a.status.text(at))}</span></h3>
            <div class="requisites"><dl>
                {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl></div>
            {a.message.clone().map(|m| view! { <p class="admin-message"><strong>{at.admin_message_sent}</strong>" "<span class="pre-line">{m}</span></p> })}
            {a.seller_slug.clone().map(|slug| view! { <p><a href=href(lang, &format!("/sellers/{slug}"))>{at.admin_seller_profile}</a></p> })}
            {open.then(|| view! {
                <div class="decisions">
                    {can(Decision::Approve).then(|| view! {
                        <ActionForm action attr:class="inline-form">
                            <input type="hidden" name="lang" value=lang.code()/>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="decision" value=Decision::Approve.code()/>
                            <button type="submit" class="primary">{at.admin_approve}</button>
                        </ActionForm>
                    })}
                    {can(Decision::AskChanges).then(|| view! { <MessageForm lang id decision=Decision::AskChanges action/> })}
                    {can(Decision::Reject).then(|| view! { <MessageForm lang id decision=Decision::Reject action/> })}
                </div>
            })}
            {(a.status == ApplicationStatus::ChangesRequested).then(|| view! { <p class="muted">{at.admin_waiting_for_applicant}</p> })}
        </li>
    }
}

/// Asking for changes or rejecting: the words the applicant reads, then the button.
#[component]
fn MessageForm(lang: Lang, id: i32, decision: Decision, action: ServerAction<DecideApplication>) -> impl IntoView {
    let at = crate::i18n::area::use_area_texts();
    let input_id = format!("msg-{}-{id}", decision.code());
    let (label, button) = match decision {
        Decision::AskChanges => (at.admin_changes_label, at.admin_ask_changes),
        _ => (at.admin_reject_label, at.admin_reject),
    };
    view! {
        <ActionForm action attr:class="account-form decision-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="decision" value=decision.code()/>
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <textarea id=input_id name="message" rows="3" maxlength=crate::sellers::onboarding::MESSAGE_MAX></textarea>
            </div>
            <button type="submit">{button}</button>
        </ActionForm>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_audit());
    view! { <NoIndex/>{loaded(data, |rows| view! { <AuditBody rows/> })} }
}

#[component]
fn AuditBody(rows: Vec<AuditRow>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    view! {
        <Title text=format!("{} — {}", at.admin_audit_title, t.site_name)/>
        <h1>{at.admin_audit_title}</h1>
        <AdminNav lang/>
        {rows.is_empty().then(|| view! { <p>{at.admin_audit_empty}</p> })}
        <div class="table-scroll" role="region" aria-label=at.admin_audit_title tabindex="0">
            <table class="audit">
                <thead>
                    <tr><th scope="col">{at.admin_audit_when}</th><th scope="col">{at.admin_audit_who}</th><th scope="col">{at.admin_audit_what}</th><th scope="col">{at.admin_audit_detail}</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let at = crate::delivery::local_time::to_tallinn(r.at);
                        view! {
                            <tr data-testid="audit-row">
                                <td>{format!("{} {:02}:{:02}", format_date(at.date(), lang), at.hour(), at.minute())}</td>
                                <td>{r.actor}</td>
                                <td>{format!("{} {}", r.action, r.subject)}</td>
                                <td class="pre-line">{r.detail}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
