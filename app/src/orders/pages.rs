//! `/{lang}/orders/{id}?key=…`: an order for its buyer — the confirmation after paying, the
//! shipments with their statuses and dates, the payment and the invoice.

use super::aftersale::{CancelAnswer, CancelReason};
use super::api::{get_order, CancelShipment};
use super::{OrderStatus, OrderView, PaymentMethod, PaymentStatus, ShipmentStatus};
use crate::cart::pages::vat_lines;
use crate::catalog::pages::loaded;
use crate::i18n::{county_name, fill, format_date, format_date_range, format_price, Texts};
use crate::offers::components::fee_amount_text;
use crate::layout::{href, use_lang};
use crate::seo::NoIndex;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

fn reason_text(t: &Texts, r: CancelReason) -> &'static str {
    match r {
        CancelReason::ChangedMind => t.cancel_changed_mind,
        CancelReason::FoundCheaper => t.cancel_found_cheaper,
        CancelReason::TooLate => t.cancel_too_late,
        CancelReason::ByMistake => t.cancel_by_mistake,
        CancelReason::Other => t.cancel_other,
    }
}

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
    let data = crate::wire::resource(
        move || {
            (
                params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0),
                query.read().get("key").unwrap_or_default(),
                cancel.version().get(),
            )
        },
        |(id, key, _)| get_order(id, key),
    );
    view! {
        // Kept out of the index: a buyer's order, opened with its private key (a link that
        // leaked must never be listed).
        <NoIndex/>
        {loaded(data, move |order| view! { <OrderBody order cancel/> })}
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

#[component]
fn OrderBody(order: OrderView, cancel: ServerAction<CancelShipment>) -> impl IntoView {
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
    view! {
        <Title text=format!("{title} — {}", t.site_name)/>
        <Meta name="robots" content="noindex"/>
        <h1>{title.clone()}</h1>
        <p class="muted">{fill(t.order_placed_on, &[("date", &format_date(placed, lang))])}</p>
        {banner}
        {move || {
            let notice = query.read_untracked().get("notice");
            let answer = cancel.value().get().and_then(Result::ok);
            cancel_notice(t, lang, answer, notice).map(|m| view! { <p class="notice" role="status" data-testid="order-notice">{m}</p> })
        }}
        <section aria-labelledby="order-shipments-h">
            <h2 id="order-shipments-h">{t.order_shipments}</h2>
            <ol class="shipments">
                {order
                    .shipments
                    .iter()
                    .map(|s| {
                        let fee = fee_amount_text(t, lang, s.fee_cents);
                        view! {
                            <li class="shipment" data-testid="order-shipment">
                                <h3>
                                    {fill(t.checkout_shipment_from, &[("seller", &s.seller_name)])}
                                </h3>
                                <dl class="totals">
                                    <dt>{t.order_status}</dt><dd data-testid="shipment-status">{shipment_status_text(t, s.status)}</dd>
                                    <dt>{t.cart_delivery}</dt><dd>{s.method_name.clone()}": "<span data-testid="shipment-fee">{fee}</span></dd>
                                    <dt>{t.cart_arrives}</dt><dd data-testid="shipment-date">{format_date_range(s.earliest, s.latest, lang)}</dd>
                                </dl>
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
                                                        {CancelReason::ALL.into_iter().map(|r| view! { <option value=r.code()>{reason_text(t, r)}</option> }).collect_view()}
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
                    })
                    .collect_view()}
            </ol>
        </section>
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
