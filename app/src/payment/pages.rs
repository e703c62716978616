//! `/{lang}/pay/sandbox/{reference}`: the built-in sandbox bank. It stands in for the bank's
//! own page: the shopper confirms or cancels, and the bank sends them back with a signed
//! callback. Its forms are plain posts to the server (`/payment/sandbox/decide`), as a real
//! bank's page would be another site.

use super::api::get_sandbox_payment;
use super::SandboxPayment;
use crate::ui::loaded;
use crate::i18n::{fill, format_date, format_price};
use crate::ui::use_lang;
use crate::seo::NoIndex;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn SandboxBankPage() -> impl IntoView {
    let params = use_params_map();
    let data = crate::wire::resource(move || params.read().get("reference").unwrap_or_default(), get_sandbox_payment);
    view! {
        // Kept out of the index: the sandbox bank is a stand-in for a real bank's page, one per
        // payment, and exists only where a sandbox is configured.
        <NoIndex/>
        {loaded(data, |payment| view! { <SandboxBank payment/> })}
    }
}

#[component]
fn SandboxBank(payment: SandboxPayment) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let heading = match &payment.bank {
        Some(bank) => fill(t.sandbox_bank_heading, &[("bank", bank)]),
        None => t.sandbox_pay_later_heading.to_owned(),
    };
    let amount = format_price(payment.amount_cents, lang);
    view! {
        <Title text=format!("{heading} — {}", t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <section class="sandbox-bank" aria-labelledby="sandbox-h">
            <p class="sandbox-tag">{t.sandbox_tag}</p>
            <h1 id="sandbox-h">{heading}</h1>
            <p>{fill(t.sandbox_amount, &[("amount", &amount), ("order", &payment.order_id.to_string())])}</p>
            {(!payment.instalments.is_empty()).then(|| view! {
                <ul class="schedule-list">
                    {payment.instalments.iter().map(|i| view! {
                        <li>{fill(t.checkout_instalment, &[("amount", &format_price(i.amount_cents, lang)), ("date", &format_date(i.due, lang))])}</li>
                    }).collect_view()}
                </ul>
            })}
            {if payment.pending {
                view! {
                    <form method="post" action="/payment/sandbox/decide" class="sandbox-actions">
                        <input type="hidden" name="reference" value=payment.reference.clone()/>
                        <button type="submit" name="outcome" value="paid" class="primary">{t.sandbox_confirm}</button>
                        <button type="submit" name="outcome" value="failed">{t.sandbox_cancel}</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <p class="notice">{t.sandbox_decided}</p>
                    <p><a href=payment.order_path.clone()>{t.sandbox_back}</a></p>
                }
                .into_any()
            }}
        </section>
    }
}
