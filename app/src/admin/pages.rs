//! `/{lang}/admin/outbox`: the e-mails the shop has queued and sent.

use super::{get_outbox, get_refunds_due, OutboxMessage, RefundDue};
use crate::ui::loaded;
use crate::i18n::format_date;
use crate::ui::use_lang;
use chrono::Timelike;
use crate::seo::NoIndex;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn OutboxPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| async { Ok((get_refunds_due().await?, get_outbox().await?)) });
    view! {
        // Kept out of the index: administrators' page (e-mails with buyers' details).
        <NoIndex/>
        {loaded(data, |(refunds, messages)| view! { <RefundsDue refunds/><Outbox messages/> })}
    }
}

/// Payments that arrived for cancelled orders: each must be paid back.
#[component]
fn RefundsDue(refunds: Vec<RefundDue>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    view! {
        <section class="refunds-due" aria-labelledby="refunds-due-heading">
            <h2 id="refunds-due-heading">{t.refunds_due_title}</h2>
            {refunds.is_empty().then(|| view! { <p>{t.refunds_due_empty}</p> })}
            <ul>
                {refunds
                    .into_iter()
                    .map(|r| {
                        let created = crate::delivery::local_time::to_tallinn(r.created_at);
                        view! {
                            <li data-testid="refund-due">
                                {crate::i18n::fill(t.refunds_due_line, &[
                                    ("order", &r.order_id.to_string()),
                                    ("amount", &crate::i18n::format_price(r.amount_cents, lang)),
                                    ("date", &format_date(created.date(), lang)),
                                    ("status", r.payment_status.code()),
                                ])}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Outbox(messages: Vec<OutboxMessage>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    view! {
        <Title text=format!("{} — {}", t.outbox_title, t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <h1>{t.outbox_title}</h1>
        {messages.is_empty().then(|| view! { <p>{t.outbox_empty}</p> })}
        <ol class="outbox" reversed>
            {messages
                .into_iter()
                .map(|m| {
                    let created = crate::delivery::local_time::to_tallinn(m.created_at);
                    view! {
                        <li class="outbox-message" data-testid="outbox-message">
                            <details>
                                <summary>
                                    <strong>{m.subject.clone()}</strong>" → "{m.to.clone()}
                                    <span class="muted">
                                        {format!(" · {} {:02}:{:02} · {} · {}", format_date(created.date(), lang), created.hour(), created.minute(), m.status, m.transport.clone().unwrap_or_default())}
                                    </span>
                                </summary>
                                <pre class="mail-text">{m.body_text.clone()}</pre>
                                {m.last_error.clone().map(|e| view! { <p class="notice">{e}</p> })}
                            </details>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
