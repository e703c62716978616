//! `/{lang}/orders/{id}?key=…`: an order for its buyer — the confirmation after paying, the
//! shipments with their statuses and dates, the payment and the invoice.

use super::aftersale::{CancelAnswer, CancelReason, CannotComplain, CannotWithdraw, ClaimAnswer, ClaimKind, ClaimStatus, Remedy};
use super::api::{get_order, CancelShipment, ClaimShipment};
use super::{OrderStatus, OrderView, PaymentMethod, PaymentStatus, ShipmentStatus};
use crate::ui::vat_lines;
use crate::ui::loaded;
use crate::i18n::{county_name, fill, format_date, format_date_range, format_price, Texts};
use crate::offers::components::fee_amount_text;
use crate::ui::{href, use_lang};
use crate::seo::NoIndex;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};


pub fn shipment_status_text(t: &Texts, s: ShipmentStatus) -> &'static str {
    match s {
        ShipmentStatus::Placed => t.status_placed,
        ShipmentStatus::Paid => t.status_paid,
        ShipmentStatus::Processing => t.status_processing,
        ShipmentStatus::Shipped => t.status_shipped,
        ShipmentStatus::Delivered => t.status_delivered,
        ShipmentStatus::Cancelled => t.status_cancelled,
        ShipmentStatus::Returned => t.status_returned,
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // Hydrated, a cancellation loads the order again.
    let cancel = ServerAction::<CancelShipment>::new();
    let claim = ServerAction::<ClaimShipment>::new();
    // Which action answered last (hydrated only: a plain post comes back with `?notice=`).
    let said = RwSignal::new(None::<Said>);
    Effect::new(move |_| {
        if let Some(Ok(a)) = cancel.value().get() {
            said.set(Some(Said::Cancel(a)));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(a)) = claim.value().get() {
            said.set(Some(Said::Claim(a)));
        }
    });
    let data = crate::wire::resource(
        move || {
            (
                params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0),
                query.read().get("key").unwrap_or_default(),
                cancel.version().get() + claim.version().get(),
            )
        },
        |(id, key, _)| get_order(id, key),
    );
    view! {
        // Kept out of the index: a buyer's order, opened with its private key (a link that
        // leaked must never be listed).
        <NoIndex/>
        {loaded(data, move |order| view! { <OrderBody order cancel claim said/> })}
    }
}

/// What a withdrawal or complaint answered.
fn claim_text(t: &'static Texts, answer: ClaimAnswer) -> &'static str {
    match answer {
        ClaimAnswer::Made(ClaimKind::Withdrawal) => t.order_withdrawn,
        ClaimAnswer::Made(ClaimKind::Complaint) => t.order_complained,
        ClaimAnswer::CannotWithdraw(CannotWithdraw::NotDelivered) | ClaimAnswer::CannotComplain(CannotComplain::NotDelivered) => {
            t.order_not_delivered
        }
        ClaimAnswer::CannotWithdraw(CannotWithdraw::Perishable) => t.order_withdraw_perishable,
        ClaimAnswer::CannotWithdraw(CannotWithdraw::TooLate) => t.order_withdraw_late,
        ClaimAnswer::CannotComplain(CannotComplain::TooLate) => t.order_complain_late,
        ClaimAnswer::CannotComplain(CannotComplain::DescriptionMissing) => t.order_complain_describe,
        ClaimAnswer::AlreadyMade(ClaimKind::Withdrawal) => t.order_withdrawn_before,
        ClaimAnswer::AlreadyMade(ClaimKind::Complaint) => t.order_complained_before,
    }
}

/// What a cancellation answered: the hydrated action's value, else a plain post's `?notice=`.
fn cancel_notice(t: &'static Texts, lang: crate::i18n::Lang, answer: Option<CancelAnswer>, notice: Option<String>) -> Option<String> {
    let text = |code: &str| match code {
        "cancelled" => Some(t.order_cancel_done.to_owned()),
        "shipped" => Some(t.order_refuse_parcel.to_owned()),
        "over" => Some(t.order_cancel_over.to_owned()),
        "reason" => Some(t.order_cancel_reason_missing.to_owned()),
        "unpaid" => Some(t.order_cancel_unpaid.to_owned()),
        _ => None,
    };
    match answer {
        Some(CancelAnswer::Done { refunded_cents }) => {
            Some(fill(t.order_cancel_done_amount, &[("amount", &format_price(refunded_cents, lang))]))
        }
        Some(other) => text(other.code()),
        None => notice.as_deref().and_then(text),
    }
}

/// The answer of the latest after-sale action of a hydrated page.
#[derive(Clone, Copy)]
enum Said {
    Cancel(CancelAnswer),
    Claim(ClaimAnswer),
}

/// The notice of the latest after-sale action, else the `?notice=` of a plain post.
fn order_notice(t: &'static Texts, lang: crate::i18n::Lang, said: Option<Said>, notice: Option<String>) -> Option<String> {
    match said {
        Some(Said::Cancel(a)) => cancel_notice(t, lang, Some(a), None),
        Some(Said::Claim(a)) => Some(claim_text(t, a).to_owned()),
        None => cancel_notice(t, lang, None, notice.clone())
            .or_else(|| notice.as_deref().and_then(ClaimAnswer::from_code).map(|a| claim_text(t, a).to_owned())),
    }
}

#[component]
fn OrderBody(
    order: OrderView,
    cancel: ServerAction<CancelShipment>,
    claim: ServerAction<ClaimShipment>,
    said: RwSignal<Option<Said>>,
) -> impl IntoView {
    let query = use_query_map();
    let key = order.token.clone();
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let title = fill(t.order_title, &[("n", &order.id.to_string())]);
    let banner = match order.status {
        OrderStatus::Paid => view! {
            <div class="confirmation" role="status" data-testid="order-confirmed">
                <h2>{t.order_thanks}</h2>
                <p>{fill(t.order_confirmation_sent, &[("email", &order.email)])}</p>
            </div>
        }
        .into_any(),
        OrderStatus::AwaitingPayment => view! {
            <div class="notice" role="status">
                <p>{t.order_awaiting_payment}</p>
                {order.pay_path.clone().map(|p| view! { <a class="button primary" href=p>{t.order_pay_now}</a> })}
            </div>
        }
        .into_any(),
        OrderStatus::Cancelled => view! {
            <div class="notice" role="status"><p>{t.order_cancelled}</p></div>
        }
        .into_any(),
    };
    let payment = match order.payment_method {
        PaymentMethod::BankLink => fill(t.order_paid_by_bank, &[("bank", order.bank.map(|b| b.name()).unwrap_or("—"))]),
        PaymentMethod::PayLater => t.order_paid_later.to_owned(),
    };
    let payment_state = match order.payment_status {
        PaymentStatus::Pending => t.payment_pending,
        PaymentStatus::Paid => t.payment_paid,
        PaymentStatus::Failed => t.payment_failed,
        PaymentStatus::Abandoned => t.payment_abandoned,
    };
    let placed = crate::delivery::local_time::to_tallinn(order.placed_at).date();
    let help_path = if order.token.is_empty() {
        href(lang, &format!("/help/ask?order={}", order.id))
    } else {
        href(lang, &format!("/help/ask?order={}&key={}", order.id, crate::markup::query_value(&order.token)))
    };
    view! {
        <Title text=format!("{title} — {}", t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <h1>{title.clone()}</h1>
        <p class="muted">{fill(t.order_placed_on, &[("date", &format_date(placed, lang))])}</p>
        {banner}
        {move || {
            let notice = query.read_untracked().get("notice");
            order_notice(t, lang, said.get(), notice).map(|m| view! { <p class="notice" role="status" data-testid="order-notice">{m}</p> })
        }}
        <section aria-labelledby="order-shipments-h">
            <h2 id="order-shipments-h">{t.order_shipments}</h2>
            <ol class="shipments">
                {order
                    .shipments
                    .iter()
                    .map(|s| {
                        let fee = fee_amount_text(t, lang, s.fee_cents);
                        if s.to_pantry {
                            // Bought into the pantry: nothing travels now.
                            return view! {
                                <li class="shipment" data-testid="order-pantry-shipment">
                                    <h3>{fill(t.cart_pantry_group, &[("seller", &s.seller_name)])}</h3>
                                    <p class="muted">{t.cart_pantry_note}" "<a href=href(lang, "/pantry")>{t.account_pantry}</a></p>
                                    <ul>
                                        {s.lines.iter().map(|l| view! {
                                            <li data-testid="order-pantry-line">
                                                <a href=href(lang, &format!("/p/{}", l.product_slug))>{l.title.clone()}</a>
                                                {format!(" × {} — {}", l.quantity, format_price(l.total_cents, lang))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                            .into_any();
                        }
                        view! {
                            <li class="shipment" data-testid="order-shipment" id=format!("shipment-{}", s.id)>
                                <h3>
                                    {fill(t.checkout_shipment_from, &[("seller", &s.seller_name)])}
                                </h3>
                                {order.transport.then(|| view! { <p class="badge" data-testid="order-transport">{t.order_transport}</p> })}
                                <dl class="totals">
                                    <dt>{t.order_status}</dt><dd data-testid="shipment-status">{shipment_status_text(t, s.status)}</dd>
                                    <dt>{t.cart_delivery}</dt><dd>{s.method_name.clone()}": "<span data-testid="shipment-fee">{fee}</span></dd>
                                    <dt>{t.cart_arrives}</dt><dd data-testid="shipment-date">{format_date_range(s.earliest, s.latest, lang)}</dd>
                                    {s.tracking.clone().map(|tr| view! {
                                        <dt>{t.order_tracking}</dt>
                                        <dd data-testid="shipment-tracking">{format!("{}: {}", tr.carrier, tr.number)}</dd>
                                    })}
                                </dl>
                                {order.paid_at.is_some().then(|| view! {
                                    <p><a href=crate::messages::pages::buyer_thread_path(lang, s.id, &key) data-testid="message-seller">{t.order_message_seller}</a></p>
                                })}
                                {(order.status == OrderStatus::Paid && s.status.cancellable()).then(|| {
                                    let id = s.id;
                                    let key = key.clone();
                                    view! {
                                        <details class="cancel-shipment">
                                            <summary>{t.order_cancel_shipment}</summary>
                                            <ActionForm action=cancel>
                                                <input type="hidden" name="lang" value=lang.code()/>
                                                <input type="hidden" name="order_id" value=order.id/>
                                                <input type="hidden" name="key" value=key/>
                                                <input type="hidden" name="shipment_id" value=id/>
                                                <div class="field">
                                                    <label for=format!("cancel-reason-{id}")>{t.order_cancel_reason}</label>
                                                    <select id=format!("cancel-reason-{id}") name="reason">
                                                        {CancelReason::BUYER.into_iter().map(|r| view! { <option value=r.code()>{r.text(t)}</option> }).collect_view()}
                                                    </select>
                                                </div>
                                                <div class="field">
                                                    <label for=format!("cancel-note-{id}")>{t.order_cancel_note}</label>
                                                    <textarea id=format!("cancel-note-{id}") name="note" rows="2" maxlength="500"></textarea>
                                                </div>
                                                <button type="submit" disabled=move || cancel.pending().get()>{t.order_cancel_submit}</button>
                                            </ActionForm>
                                        </details>
                                    }
                                })}
                                {(s.status == ShipmentStatus::Shipped).then(|| view! { <p class="muted" data-testid="refuse-parcel">{t.order_refuse_parcel}</p> })}
                                <AfterSale shipment=s.clone() order_id=order.id key=key.clone() claim/>
                                <ul>
                                    {s.lines
                                        .iter()
                                        .map(|l| {
                                            view! {
                                                <li>
                                                    <a href=href(lang, &format!("/p/{}", l.product_slug))>{l.title.clone()}</a>
                                                    {format!(" × {} — {}", l.quantity, format_price(l.total_cents, lang))}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                        .into_any()
                    })
                    .collect_view()}
            </ol>
        </section>
        <p><a href=help_path data-testid="ask-about-order">{t.order_ask_help}</a></p>
        <section aria-labelledby="order-payment-h">
            <h2 id="order-payment-h">{t.order_payment}</h2>
            <dl class="totals">
                <dt>{t.cart_goods}</dt><dd>{format_price(order.goods_cents, lang)}</dd>
                <dt>{t.cart_delivery}</dt><dd>{format_price(order.delivery_cents, lang)}</dd>
                <dt class="total">{t.cart_total}</dt><dd class="total" data-testid="order-total">{format_price(order.total_cents, lang)}</dd>
                {vat_lines(t, lang, &order.vat)}
                <dt>{t.order_payment_method}</dt><dd>{payment}</dd>
                <dt>{t.order_payment_state}</dt><dd data-testid="payment-status">{payment_state}</dd>
            </dl>
            {(!order.instalments.is_empty()).then(|| view! {
                <h3>{t.order_schedule}</h3>
                <ul class="schedule-list">
                    {order.instalments.iter().map(|i| view! {
                        <li>{fill(t.checkout_instalment, &[("amount", &format_price(i.amount_cents, lang)), ("date", &format_date(i.due, lang))])}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
        {order.invoice_label().map(|label| view! {
            <section aria-labelledby="order-invoice-h">
                <h2 id="order-invoice-h">{t.order_invoice}</h2>
                <p data-testid="invoice-number">{fill(t.order_invoice_number, &[("number", &label)])}</p>
                {order.invoiced_on.map(|d| view! { <p>{fill(t.order_invoice_date, &[("date", &format_date(d, lang))])}</p> })}
                <ul class="requisites">
                    {order.sellers.iter().map(|s| view! {
                        <li>{format!("{} · {} · {} · {}", s.legal_name, s.registry_code, s.vat_number, s.address)}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="order-address-h">
            <h2 id="order-address-h">{t.order_delivery_address}</h2>
            <address>
                {order.name.clone()}<br/>
                {order.street.clone()}<br/>
                {format!("{} {}", order.postal_code, order.city)}<br/>
                {county_name(t, order.county)}<br/>
                {order.phone.clone()}" · "{order.email.clone()}
            </address>
            {order.courier_comment.clone().map(|c| view! { <p>{t.checkout_comment}": "{c}</p> })}
            {order.paper_invoice.then(|| view! { <p>{t.checkout_paper_invoice}</p> })}
        </section>
    }
}

/// A delivered shipment: its withdrawal and complaint forms while they may be used (or why
/// not), and the claims made.
#[component]
fn AfterSale(shipment: super::ShipmentView, order_id: i32, key: String, claim: ServerAction<ClaimShipment>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let id = shipment.id;
    let after = shipment.after;
    let made = |kind: ClaimKind| shipment.claims.iter().any(|c| c.kind == kind);
    let hidden = {
        let key = key.clone();
        move |kind: &'static str| {
            view! {
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="order_id" value=order_id/>
                <input type="hidden" name="key" value=key.clone()/>
                <input type="hidden" name="shipment_id" value=id/>
                <input type="hidden" name="kind" value=kind/>
            }
        }
    };
    // Set by the server only while the shipment counts as delivered (`claims::delivered_on`).
    let delivered = after.delivered_on;
    let withdraw = delivered.map(|_| match (after.withdraw_until, after.no_withdrawal) {
        (Some(until), _) if !made(ClaimKind::Withdrawal) => {
            let hidden = hidden.clone();
            view! {
                <details class="after-sale" data-testid="withdraw">
                    <summary>{t.order_withdraw}</summary>
                    <p>{fill(t.order_withdraw_intro, &[("date", &format_date(until, lang))])}</p>
                    <ActionForm action=claim>
                        {hidden("withdrawal")}
                        <button type="submit" disabled=move || claim.pending().get()>{t.order_withdraw_submit}</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
        (_, Some(CannotWithdraw::Perishable)) => {
            view! { <p class="muted" data-testid="no-withdrawal">{t.order_withdraw_perishable}</p> }.into_any()
        }
        (_, Some(CannotWithdraw::TooLate)) => view! { <p class="muted" data-testid="no-withdrawal">{t.order_withdraw_late}</p> }.into_any(),
        _ => ().into_any(),
    });
    let complain = delivered.and(after.complain_until).filter(|_| !made(ClaimKind::Complaint)).map(|until| {
        view! {
            <details class="after-sale" data-testid="complain">
                <summary>{t.order_complain}</summary>
                <p>{fill(t.order_complain_intro, &[("date", &format_date(until, lang))])}</p>
                <ActionForm action=claim>
                    {hidden("complaint")}
                    <fieldset class="field">
                        <legend>{t.order_complain_remedy}</legend>
                        {Remedy::ALL
                            .into_iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let input_id = format!("remedy-{id}-{}", r.code());
                                view! {
                                    <label for=input_id.clone() class="choice">
                                        <input type="radio" id=input_id.clone() name="remedy" value=r.code() checked={i == 0}/>
                                        {r.text(t)}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for=format!("complaint-{id}")>{t.order_complain_description}</label>
                        <textarea id=format!("complaint-{id}") name="description" rows="3" maxlength="2000" required></textarea>
                    </div>
                    <button type="submit" disabled=move || claim.pending().get()>{t.order_complain_submit}</button>
                </ActionForm>
            </details>
        }
    });
    let claims = shipment
        .claims
        .iter()
        .map(|c| {
            let (made_on, due) = (format_date(c.made_on, lang), format_date(c.due_on, lang));
            let text = match c.kind {
                ClaimKind::Withdrawal => fill(t.order_claim_withdrawal, &[("date", &made_on), ("due", &due)]),
                ClaimKind::Complaint => fill(
                    t.order_claim_complaint,
                    &[("date", &made_on), ("remedy", c.remedy.map(|r| r.text(t)).unwrap_or_default()), ("due", &due)],
                ),
            };
            let status = match c.status {
                ClaimStatus::Open => t.claim_open,
                ClaimStatus::Answered => t.claim_answered,
                ClaimStatus::Closed => t.claim_closed,
            };
            view! { <li data-testid="claim">{text}" "<span class="muted">{status}</span></li> }
        })
        .collect_view();
    view! {
        {delivered.map(|d| view! { <p data-testid="delivered-on">{fill(t.order_delivered_on, &[("date", &format_date(d, lang))])}</p> })}
        {withdraw}
        {complain}
        {(!shipment.claims.is_empty()).then(|| view! { <ul class="claims">{claims}</ul> })}
    }
}
