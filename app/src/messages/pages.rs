//! The pages of buyer–seller threads: the buyer's (`/{lang}/messages/{shipment}?key=…`, linked
//! from the order page) and the seller's (`/{lang}/seller/messages` and `…/{shipment}`). Plain
//! forms without JavaScript, answered in place when hydrated. Texts:
//! `locales/*/area_messages.toml` (the pages sit inside `WithAreaTexts`).

use super::{
    get_buyer_thread, get_seller_thread, get_seller_threads, MessageAnswer, MessageProblem, SendBuyerMessage, SendSellerMessage,
    Side, ThreadPage, BODY_MAX,
};
use crate::i18n::area::use_area_texts;
use crate::i18n::{fill, AreaTexts, Lang};
use crate::orders::pages::shipment_status_text;
use crate::seo::NoIndex;
use crate::ui::{href, loaded, tallinn_minute, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

fn problem_text(a: &'static AreaTexts, p: MessageProblem) -> String {
    match p {
        MessageProblem::Empty => a.msg_empty.to_owned(),
        MessageProblem::TooLong => fill(a.msg_too_long, &[("n", &BODY_MAX.to_string())]),
        MessageProblem::BadCharacters => a.msg_bad_characters.to_owned(),
        MessageProblem::TooMany => fill(a.msg_too_many, &[("n", &super::PER_HOUR.to_string())]),
    }
}

/// The shipment id at the end of the address.
fn shipment_in_path() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    let location = use_location();
    move || location.pathname.read().rsplit('/').next().and_then(|s| s.parse::<i32>().ok()).unwrap_or(0)
}

/// The conversation (oldest first) and, below it, the form to write.
#[component]
fn Conversation(page: ThreadPage, me: Side, answer: Option<MessageAnswer>, form: AnyView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let a = use_area_texts();
    let notice = answer.clone().map(|x| match (x.sent, x.problem) {
        (true, _) => view! { <p class="notice" role="status" data-testid="message-notice">{a.msg_sent}</p> }.into_any(),
        (_, Some(p)) => view! { <p class="notice error" role="alert" data-testid="message-notice">{problem_text(a, p)}</p> }.into_any(),
        _ => ().into_any(),
    });
    let other = page.other.clone();
    view! {
        <p class="lead">{fill(a.msg_about, &[("order", &page.order_id.to_string()), ("status", shipment_status_text(lang.texts(), page.shipment_status))])}</p>
        {notice}
        {page.messages.is_empty().then(|| view! { <p>{a.msg_none}</p> })}
        <ol class="messages" data-testid="messages">
            {page.messages.into_iter().map(|m| {
                let mine = m.author == me;
                let who = if mine { a.msg_you.to_owned() } else { other.clone() };
                view! {
                    <li class=if mine { "message mine" } else { "message" } data-author=m.author.code()>
                        <p class="muted">{who}" · "{tallinn_minute(m.at)}</p>
                        <p class="body">{m.body}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
        {form}
    }
}

/// The message form's body (the server function's action form is the caller's).
fn fields(a: &'static AreaTexts, typed: String, problem: bool) -> impl IntoView {
    view! {
        <div class="field">
            <label for="message-body">{a.msg_write}</label>
            // tachys writes a textarea's children unescaped: the text goes in escaped (markup.rs).
            <textarea id="message-body" name="body" rows="4" maxlength=BODY_MAX required aria-invalid=problem.then_some("true")
                inner_html=crate::markup::html(&typed)></textarea>
        </div>
        <button type="submit" data-testid="message-send">{a.msg_send}</button>
    }
}

#[component]
pub fn BuyerThreadPage() -> impl IntoView {
    let query = use_query_map();
    let shipment = shipment_in_path();
    let send = ServerAction::<SendBuyerMessage>::new();
    let data = crate::wire::resource(
        move || (shipment(), query.read().get("key").unwrap_or_default(), send.version().get()),
        |(id, key, _)| get_buyer_thread(id, key),
    );
    view! { <NoIndex/>{loaded(data, move |page| view! { <BuyerThread page send/> })} }
}

#[component]
fn BuyerThread(page: ThreadPage, send: ServerAction<SendBuyerMessage>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let answer = send.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
    let typed = answer.as_ref().filter(|x| x.problem.is_some()).map(|x| x.typed.clone()).unwrap_or_default();
    let problem = answer.as_ref().is_some_and(|x| x.problem.is_some());
    let order_link = href(lang, &crate::orders::order_path("", page.order_id, &page.key)[1..]);
    let (id, key) = (page.shipment_id, page.key.clone());
    let form = view! {
        <ActionForm action=send attr:class="stack" attr:data-testid="message-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="shipment_id" value=id/>
            <input type="hidden" name="key" value=key/>
            {fields(a, typed, problem)}
        </ActionForm>
    }
    .into_any();
    view! {
        <Title text=format!("{} — {}", fill(a.msg_with_seller, &[("seller", &page.other)]), t.site_name)/>
        <h1>{fill(a.msg_with_seller, &[("seller", &page.other)])}</h1>
        <p><a href=order_link>{a.msg_back_to_order}</a></p>
        <Conversation page me=Side::Buyer answer form/>
    }
}

#[component]
pub fn SellerThreadPage() -> impl IntoView {
    let shipment = shipment_in_path();
    let send = ServerAction::<SendSellerMessage>::new();
    let data = crate::wire::resource(move || (shipment(), send.version().get()), |(id, _)| get_seller_thread(id));
    view! { <NoIndex/>{loaded(data, move |page| view! { <SellerThread page send/> })} }
}

#[component]
fn SellerThread(page: ThreadPage, send: ServerAction<SendSellerMessage>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let answer = send.value().get_untracked().and_then(Result::ok).or(page.answer.clone());
    let typed = answer.as_ref().filter(|x| x.problem.is_some()).map(|x| x.typed.clone()).unwrap_or_default();
    let problem = answer.as_ref().is_some_and(|x| x.problem.is_some());
    let id = page.shipment_id;
    let form = view! {
        <ActionForm action=send attr:class="stack" attr:data-testid="message-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="shipment_id" value=id/>
            {fields(a, typed, problem)}
        </ActionForm>
    }
    .into_any();
    view! {
        <Title text=format!("{} — {}", fill(a.msg_with_buyer, &[("buyer", &page.other)]), t.site_name)/>
        <h1>{fill(a.msg_with_buyer, &[("buyer", &page.other)])}</h1>
        <crate::sellers::offer_pages::SellerNav lang/>
        <p><a href=href(lang, "/seller/messages")>{a.msg_all_threads}</a></p>
        <Conversation page me=Side::Seller answer form/>
    }
}

#[component]
pub fn SellerThreadsPage() -> impl IntoView {
    let query = use_query_map();
    let data = crate::wire::resource(
        move || crate::catalog::paging::parse_page(query.read().get("page").as_deref()),
        get_seller_threads,
    );
    view! { <NoIndex/>{loaded(data, |page| view! { <ThreadsBody page/> })} }
}

#[component]
fn ThreadsBody(page: super::ThreadsPage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, a) = (lang.texts(), use_area_texts());
    let base = href(lang, "/seller/messages");
    view! {
        <Title text=format!("{} — {}", a.msg_threads_title, t.site_name)/>
        <h1>{a.msg_threads_title}</h1>
        <crate::sellers::offer_pages::SellerNav lang/>
        <p class="lead">{a.msg_threads_lead}</p>
        {page.rows.is_empty().then(|| view! { <p>{a.msg_no_threads}</p> })}
        <ul class="applications" data-testid="threads">
            {page.rows.into_iter().map(|r| view! {
                <li data-unread=r.unread.then_some("true")>
                    <a href=href(lang, &format!("/seller/messages/{}", r.shipment_id))>
                        {fill(a.msg_thread_line, &[("order", &r.order_id.to_string()), ("buyer", &r.buyer)])}
                    </a>
                    {r.unread.then(|| view! { " "<strong>{a.msg_unread}</strong> })}
                    <br/><span class="muted">{tallinn_minute(r.last_at)}" · "{if r.last_author == Side::Seller { a.msg_you } else { "" }}{r.last}</span>
                </li>
            }).collect_view()}
        </ul>
        <crate::catalog::components::Pager page=page.page link=move |n| format!("{base}?page={n}")/>
    }
}

/// Where a buyer writes to the seller of a shipment (the order page's link).
pub fn buyer_thread_path(lang: Lang, shipment_id: i32, key: &str) -> String {
    if key.is_empty() {
        format!("/{}/messages/{shipment_id}", lang.code())
    } else {
        format!("/{}/messages/{shipment_id}?key={}", lang.code(), crate::markup::query_value(key))
    }
}
