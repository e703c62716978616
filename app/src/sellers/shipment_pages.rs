//! `/{lang}/seller/shipments`: the seller's shipments with filters (status, the days orders
//! were placed), and on each the next step: accept, hand to the carrier with its tracking
//! number, mark delivered. Plain forms without JavaScript, answered in place when hydrated.
//! Kept out of search engines: a seller's own page with buyers' addresses.

use super::offer_pages::SellerNav;
use super::shipments::{
    get_seller_shipments, SellerCancelShipment, SellerShipment, ShipAction, ShipAnswer, ShipProblem, ShipmentAction, ShipmentsPage,
};
use crate::orders::aftersale::{CancelReason, CannotCancel};
use crate::i18n::{fill, format_date, format_date_range, format_price, AreaTexts, Lang, Texts};
use crate::orders::pages::shipment_status_text;
use crate::orders::ShipmentStatus;
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SellerShipmentsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let action = ServerAction::<ShipmentAction>::new();
    let cancel = ServerAction::<SellerCancelShipment>::new();
    let data = crate::wire::resource(
        move || {
            let q = query.read();
            (
                lang.get(),
                q.get("status"),
                q.get("from"),
                q.get("to"),
                crate::catalog::paging::parse_page(q.get("page").as_deref()),
                action.version().get() + cancel.version().get(),
            )
        },
        |(lang, status, from, to, page, _)| get_seller_shipments(lang, status, from, to, page),
    );
    view! { <NoIndex/>{loaded(data, move |page| view! { <ShipmentsBody page action cancel/> })} }
}

fn problem_text(t: &'static Texts, p: ShipProblem) -> String {
    let at = crate::i18n::area::use_area_texts();
    match p {
        ShipProblem::CarrierRequired => at.ship_carrier_required.to_owned(),
        ShipProblem::TrackingRequired => at.ship_tracking_required.to_owned(),
        ShipProblem::TrackingInvalid => at.ship_tracking_invalid.to_owned(),
        ShipProblem::NotNow(s) => fill(at.ship_not_now, &[("status", shipment_status_text(t, s))]),
    }
}

fn done_text(at: &'static AreaTexts, a: ShipAction) -> &'static str {
    match a {
        ShipAction::Accept => at.ship_accepted,
        ShipAction::Ship => at.ship_shipped,
        ShipAction::Deliver => at.ship_delivered,
    }
}

#[component]
fn ShipmentsBody(page: ShipmentsPage, action: ServerAction<ShipmentAction>, cancel: ServerAction<SellerCancelShipment>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    // The newest hydrated answer of either form, else what a plain post left.
    let answer: Option<ShipAnswer> = [action.value().get_untracked(), cancel.value().get_untracked()]
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .next()
        .or(page.answer.clone());
    let filter = page.filter.clone();
    let back = filter.query();
    let base = href(lang, "/seller/shipments");
    let pager_query = back.clone();
    view! {
        <Title text=format!("{} — {}", at.seller_shipments_title, t.site_name)/>
        <h1>{at.seller_shipments_title}</h1>
        <SellerNav lang/>
        {answer.map(|a| {
            let n = a.shipment_id.to_string();
            match (a.done, a.problem, a.cancelled, a.not_cancelled) {
                (Some(d), ..) => view! { <p class="notice" role="status" data-testid="ship-notice">{fill(done_text(at, d), &[("n", &n)])}</p> }.into_any(),
                (_, Some(p), ..) => view! { <p class="notice error" role="alert" data-testid="ship-notice">{format!("#{n}: {}", problem_text(t, p))}</p> }.into_any(),
                (_, _, Some(amount), _) => view! {
                    <p class="notice" role="status" data-testid="ship-notice">{fill(at.ship_cancelled, &[("n", &n), ("amount", &format_price(amount, lang))])}</p>
                }.into_any(),
                (_, _, _, Some(why)) => view! {
                    <p class="notice error" role="alert" data-testid="ship-notice">{format!("#{n}: {}", match why {
                        CannotCancel::Shipped => at.ship_cancel_shipped,
                        CannotCancel::Over => t.order_cancel_over,
                        CannotCancel::ReasonMissing => at.ship_cancel_reason,
                    })}</p>
                }.into_any(),
                _ => ().into_any(),
            }
        })}
        <form method="get" action=base.clone() class="filters" aria-label=at.seller_shipments_filter>
            <div class="field">
                <label for="ship-status">{t.order_status}</label>
                <select id="ship-status" name="status">
                    <option value="" selected=filter.status.is_none()>{at.seller_shipments_any}</option>
                    {ShipmentStatus::ALL.iter().filter(|s| **s != ShipmentStatus::Placed).map(|s| view! {
                        <option value=s.code() selected={filter.status == Some(*s)}>{shipment_status_text(t, *s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ship-from">{at.seller_shipments_from}</label>
                <input id="ship-from" name="from" type="date" value=filter.from.map(|d| d.to_string()).unwrap_or_default()/>
            </div>
            <div class="field">
                <label for="ship-to">{at.seller_shipments_to}</label>
                <input id="ship-to" name="to" type="date" value=filter.to.map(|d| d.to_string()).unwrap_or_default()/>
            </div>
            <button type="submit">{at.seller_shipments_show}</button>
        </form>
        {page.rows.is_empty().then(|| view! { <p>{at.seller_shipments_none}</p> })}
        <ul class="applications">
            {page.rows.into_iter().map(|s| view! { <Shipment lang shipment=s back=back.clone() action cancel/> }).collect_view()}
        </ul>
        <crate::catalog::components::Pager page=page.page link=move |n| {
            if pager_query.is_empty() { format!("{base}?page={n}") } else { format!("{base}?{pager_query}&page={n}") }
        }/>
    }
}

#[component]
fn Shipment(
    lang: Lang,
    shipment: SellerShipment,
    back: String,
    action: ServerAction<ShipmentAction>,
    cancel: ServerAction<SellerCancelShipment>,
) -> impl IntoView {
    let t = lang.texts();
    let at = crate::i18n::area::use_area_texts();
    let s = shipment;
    let placed = crate::delivery::local_time::to_tallinn(s.placed_at).date();
    let hidden = {
        let back = back.clone();
        move |a: ShipAction| {
            view! {
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="id" value=s.id/>
                <input type="hidden" name="action" value=a.code()/>
                <input type="hidden" name="back" value=back.clone()/>
            }
        }
    };
    let id = s.id;
    let (accept_fields, ship_fields, deliver_fields) = (hidden(ShipAction::Accept), hidden(ShipAction::Ship), hidden(ShipAction::Deliver));
    // Goods in a buyer's pantry are kept, not sent: no action until a transport order.
    let acts = !s.to_pantry;
    view! {
        <li class="application" data-testid="seller-shipment" data-shipment-id=s.id data-status=s.status.code()>
            <h2 class="h3">{fill(at.seller_shipment_heading, &[("order", &s.order_id.to_string()), ("date", &format_date(placed, lang))])}
                " "<span class="muted">{shipment_status_text(t, s.status)}</span></h2>
            <div class="requisites"><dl>
                <dt>{at.seller_shipment_buyer}</dt><dd>{s.buyer.clone()}</dd>
                <dt>{at.seller_shipment_address}</dt><dd>{s.address.clone()}</dd>
                <dt>{t.cart_delivery}</dt><dd>{format!("{} · {}", s.method_name, format_date_range(s.earliest, s.latest, lang))}</dd>
                <dt>{at.seller_shipment_goods}</dt><dd>{s.lines.join(", ")}" · "{format_price(s.goods_cents + s.fee_cents, lang)}</dd>
                {s.tracking.clone().map(|tr| view! { <dt>{t.order_tracking}</dt><dd data-testid="seller-tracking">{format!("{}: {}", tr.carrier, tr.number)}</dd> })}
            </dl></div>
            {s.to_pantry.then(|| view! { <p class="notice" data-testid="seller-pantry">{at.ship_pantry}</p> })}
            {s.transport.then(|| view! { <p class="badge" data-testid="seller-transport">{t.order_transport}</p> })}
            <p><a href=href(lang, &format!("/seller/messages/{}", s.id)) data-testid="message-buyer">{at.msg_write_buyer}</a></p>
            <div class="decisions">
                {(acts && ShipAction::Accept.allowed_from(s.status)).then(|| view! {
                    <ActionForm action attr:class="inline-form">
                        {accept_fields}
                        <button type="submit">{at.ship_accept}</button>
                    </ActionForm>
                })}
                {(acts && ShipAction::Ship.allowed_from(s.status)).then(|| view! {
                    <ActionForm action attr:class="account-form decision-form">
                        {ship_fields}
                        <div class="field">
                            <label for=format!("carrier-{id}")>{at.ship_carrier}</label>
                            <input id=format!("carrier-{id}") name="carrier" type="text" autocomplete="off"/>
                        </div>
                        <div class="field">
                            <label for=format!("tracking-{id}")>{at.ship_tracking}</label>
                            <input id=format!("tracking-{id}") name="tracking_number" type="text" autocomplete="off"/>
                        </div>
                        <button type="submit" class="primary">{at.ship_submit}</button>
                    </ActionForm>
                })}
                {(acts && ShipAction::Deliver.allowed_from(s.status)).then(|| view! {
                    <ActionForm action attr:class="inline-form">
                        {deliver_fields}
                        <button type="submit">{at.ship_mark_delivered}</button>
                    </ActionForm>
                })}
                {(acts && s.status.cancellable()).then(|| view! {
                    <details class="seller-cancel">
                        <summary>{at.ship_cancel}</summary>
                        <ActionForm action=cancel attr:class="account-form decision-form">
                            <input type="hidden" name="lang" value=lang.code()/>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="back" value=back.clone()/>
                            <div class="field">
                                <label for=format!("cancel-reason-{id}")>{at.ship_cancel_why}</label>
                                <select id=format!("cancel-reason-{id}") name="reason">
                                    {CancelReason::SELLER.into_iter().map(|r| view! { <option value=r.code()>{r.text(t)}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for=format!("cancel-note-{id}")>{t.order_cancel_note}</label>
                                <textarea id=format!("cancel-note-{id}") name="note" rows="2" maxlength=crate::orders::aftersale::REASON_TEXT_MAX></textarea>
                            </div>
                            <button type="submit" class="danger">{at.ship_cancel}</button>
                        </ActionForm>
                    </details>
                })}
            </div>
        </li>
    }
}
