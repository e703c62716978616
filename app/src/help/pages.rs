//! `/{lang}/help` (categories and articles, and the question box), `/{lang}/help/{slug}` (an
//! article, "Was this article helpful?") and `/{lang}/help/ask?q=…` (the answer, citing the
//! articles it comes from, and the ways to reach support open now). The question box is a GET
//! form: an answer has an address, can be linked, and works without JavaScript.

use super::api::{get_help, get_help_answer, get_help_article, HelpVote};
use super::content::{Block, Inline};
use super::hours::Channel;
use super::{AnswerView, ArticleView, HelpHome, NextStep, OrderFacts};
use crate::i18n::area::use_area_texts;
use crate::i18n::{fill, format_date, AreaTexts, Lang};
use crate::seo::NoIndex;
use crate::ui::{href, loaded, use_lang};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The page for this address: the front page, the answer, or an article.
#[component]
pub fn HelpArea() -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    let rest: Vec<String> = path.trim_matches('/').split('/').skip(2).map(str::to_owned).collect();
    match rest.first().map(String::as_str) {
        None | Some("") => view! { <HelpHomePage/> }.into_any(),
        Some("ask") => view! { <AskPage/> }.into_any(),
        Some(_) => view! { <ArticlePage/> }.into_any(),
    }
}

fn title(t: &'static crate::i18n::Texts, text: &str) -> impl IntoView {
    view! { <Title text=format!("{text} — {}", t.site_name)/> }
}

/// The question box, on every help page; on the answer page also the order asked about (the
/// signed-in shopper's recent orders to pick from, or the guest's order and key kept).
#[component]
fn AskForm(#[prop(optional)] value: String, #[prop(optional)] answer: Option<AnswerView>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let at = use_area_texts();
    let t = lang.texts();
    let chosen = answer.as_ref().and_then(|a| a.order.as_ref().map(|o| o.id));
    let orders = answer.as_ref().map(|a| a.orders.clone()).unwrap_or_default();
    let key = answer.as_ref().map(|a| a.key.clone()).unwrap_or_default();
    let listed = chosen.is_some_and(|id| orders.iter().any(|o| o.id == id));
    view! {
        <form method="get" action=href(lang, "/help/ask") class="help-ask" role="search">
            {(!orders.is_empty()).then(|| view! {
                <div class="field">
                    <label for="help-order">{at.help_order_label}</label>
                    <select id="help-order" name="order">
                        <option value="" selected=chosen.is_none()>{at.help_no_order}</option>
                        {orders.iter().map(|o| {
                            let label = format!("{} · {}", fill(t.order_title, &[("n", &o.id.to_string())]), format_date(o.placed_on, lang));
                            view! { <option value=o.id selected={chosen == Some(o.id)}>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            {(chosen.is_some() && !listed).then(|| view! { <input type="hidden" name="order" value=chosen.unwrap_or_default()/> })}
            {(!key.is_empty()).then(|| view! { <input type="hidden" name="key" value=key.clone()/> })}
            <label for="help-q">{at.help_ask_label}</label>
            <div class="help-ask-row">
                <input id="help-q" name="q" type="search" value=value maxlength=super::MAX_QUESTION.to_string() required/>
                <button type="submit" class="primary">{at.help_ask_button}</button>
            </div>
        </form>
    }
}

#[component]
fn HelpHomePage() -> impl IntoView {
    let lang = use_lang();
    let data = crate::wire::resource(move || lang.get(), get_help);
    view! { {loaded(data, |home| view! { <HelpHomeBody home/> })} }
}

#[component]
fn HelpHomeBody(home: HelpHome) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    view! {
        {title(t, at.help_title)}
        <h1>{at.help_title}</h1>
        <p class="lead">{at.help_lead}</p>
        <AskForm/>
        <div class="help-categories">
            {home
                .categories
                .into_iter()
                .map(|c| {
                    let id = format!("help-cat-{}", c.slug);
                    view! {
                        <section class="help-category" aria-labelledby=id.clone() data-testid="help-category">
                            <h2 id=id.clone()>{c.name}</h2>
                            <ul>
                                {c.items
                                    .into_iter()
                                    .map(|a| view! {
                                        <li><a href=href(lang, &format!("/help/{}", a.slug)) data-testid="help-article-link">{a.title}</a></li>
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

fn inline_view(lang: Lang, parts: Vec<Inline>) -> impl IntoView {
    parts
        .into_iter()
        .map(|p| match p {
            Inline::Text(text) => view! { <span>{text}</span> }.into_any(),
            Inline::Link(text, path) => view! { <a href=href(lang, &path)>{text}</a> }.into_any(),
        })
        .collect_view()
}

#[component]
fn ArticlePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let data = crate::wire::resource(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_help_article(lang, slug),
    );
    view! { {loaded(data, |article| view! { <ArticleBody article/> })} }
}

#[component]
fn ArticleBody(article: ArticleView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let vote = ServerAction::<HelpVote>::new();
    let query = use_query_map();
    let voted = move || vote.value().get().is_some_and(|r| r.is_ok()) || query.read().get("voted").is_some();
    let updated = crate::delivery::local_time::to_tallinn(article.updated_at).date();
    let slug = article.slug.clone();
    view! {
        {title(t, &article.title)}
        <nav aria-label=at.help_title class="breadcrumbs">
            <a href=href(lang, "/help")>{at.help_title}</a>" › "{article.category.clone()}
        </nav>
        <article class="help-article" data-testid="help-article">
            <h1>{article.title.clone()}</h1>
            <p class="lead">{article.summary.clone()}</p>
            {article
                .blocks
                .into_iter()
                .map(|b| match b {
                    Block::Heading(h) => view! { <h2>{h}</h2> }.into_any(),
                    Block::Paragraph(p) => view! { <p>{inline_view(lang, p)}</p> }.into_any(),
                    Block::List(items) => view! { <ul>{items.into_iter().map(|i| view! { <li>{inline_view(lang, i)}</li> }).collect_view()}</ul> }.into_any(),
                })
                .collect_view()}
            <p class="muted">{fill(at.help_updated, &[("date", &format_date(updated, lang))])}</p>
        </article>
        <section class="help-vote" aria-labelledby="help-vote-h">
            <h2 id="help-vote-h" class="h3">{at.help_was_helpful}</h2>
            {move || if voted() {
                view! { <p role="status" data-testid="help-voted">{at.help_thanks}</p> }.into_any()
            } else {
                let (yes_slug, no_slug) = (slug.clone(), slug.clone());
                view! {
                    <ActionForm action=vote attr:class="inline-form">
                        <input type="hidden" name="lang" value=lang.code()/>
                        <input type="hidden" name="slug" value=yes_slug/>
                        <input type="hidden" name="helpful" value="true"/>
                        <button type="submit">{at.help_yes}</button>
                    </ActionForm>
                    <ActionForm action=vote attr:class="inline-form">
                        <input type="hidden" name="lang" value=lang.code()/>
                        <input type="hidden" name="slug" value=no_slug/>
                        <input type="hidden" name="helpful" value="false"/>
                        <button type="submit">{at.help_no}</button>
                    </ActionForm>
                }
                .into_any()
            }}
        </section>
        <AskForm/>
    }
}

#[component]
fn AskPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let data = crate::wire::resource(
        move || {
            let q = query.read();
            (lang.get(), q.get("q").unwrap_or_default(), q.get("order").and_then(|o| o.parse::<i32>().ok()), q.get("key").unwrap_or_default())
        },
        |(lang, q, order, key)| get_help_answer(lang, q, order, key),
    );
    view! { <NoIndex/>{loaded(data, |answer| view! { <AnswerBody answer/> })} }
}

fn channel_text(at: &'static AreaTexts, c: Channel, email: &str) -> String {
    let langs = c.languages().iter().map(|l| l.to_uppercase()).collect::<Vec<_>>().join(", ");
    match c {
        Channel::Email => fill(at.help_channel_email, &[("address", email), ("langs", &langs)]),
        Channel::Chat => fill(at.help_channel_chat, &[("langs", &langs)]),
        Channel::Phone => fill(at.help_channel_phone, &[("langs", &langs)]),
    }
}

#[component]
fn AnswerBody(answer: AnswerView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let form = answer.clone();
    let AnswerView { question, person, cited, channels, support_email, order, .. } = answer;
    let asked = !question.is_empty();
    let found = !cited.is_empty() && !person;
    view! {
        {title(t, at.help_answer_title)}
        <h1>{at.help_answer_title}</h1>
        <AskForm value=question.clone() answer=form/>
        {order.map(|o| view! { <OrderAnswer order=o/> })}
        {asked.then(|| view! { <p class="muted">{fill(at.help_you_asked, &[("q", &question)])}</p> })}
        {(asked && found).then(|| {
            let first = cited[0].clone();
            view! {
                <section class="help-answer" aria-labelledby="help-answer-h" data-testid="help-answer">
                    <h2 id="help-answer-h">{first.title.clone()}</h2>
                    <p>{first.summary.clone()}</p>
                    <p class="muted">{at.help_sources}</p>
                    <ol class="help-citations">
                        {cited.iter().map(|c| view! {
                            <li><a href=href(lang, &format!("/help/{}", c.slug)) data-testid="help-citation">{c.title.clone()}</a></li>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })}
        {(asked && !found).then(|| view! {
            <p class="notice" data-testid="help-no-answer">{if person { at.help_person } else { at.help_no_match }}</p>
        })}
        <section class="help-contact" aria-labelledby="help-contact-h">
            <h2 id="help-contact-h" class="h3">{at.help_talk_to_support}</h2>
            <p class="muted">{at.help_hours}</p>
            <ul data-testid="help-channels">
                {channels.iter().map(|c| view! { <li data-channel=format!("{c:?}").to_lowercase()>{channel_text(at, *c, &support_email)}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// What the answer says about the order asked about: each shipment's status and date, what
/// can be done now (with the link that does it), and the seller to write to first.
#[component]
fn OrderAnswer(order: OrderFacts) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    view! {
        <section class="help-order" aria-labelledby="help-order-h" data-testid="help-order">
            <h2 id="help-order-h">{fill(at.help_about_order, &[("n", &order.id.to_string())])}</h2>
            <ul>
                {order.shipments.iter().map(|s| {
                    let status = crate::orders::pages::shipment_status_text(t, s.status);
                    let dates = crate::i18n::format_date_range(s.earliest, s.latest, lang);
                    let cancel_href = format!("{}#shipment-{}", order.path, s.id);
                    let next = match s.next {
                        NextStep::Cancel => view! {
                            <p data-testid="help-can-cancel">{at.help_can_cancel}" "<a href=cancel_href data-testid="help-cancel-link">{at.help_cancel_link}</a></p>
                        }.into_any(),
                        NextStep::RefuseParcel => view! { <p data-testid="help-refuse">{at.help_refuse}</p> }.into_any(),
                        NextStep::AfterDelivery => view! { <p>{at.help_delivered}" "<a href=order.path.clone()>{at.help_order_page}</a></p> }.into_any(),
                        NextStep::InPantry => view! { <p>{at.help_in_pantry}" "<a href=href(lang, "/pantry")>{t.account_pantry}</a></p> }.into_any(),
                        NextStep::Unpaid => view! { <p>{t.order_awaiting_payment}</p> }.into_any(),
                        NextStep::Over => view! { <p>{at.help_over}</p> }.into_any(),
                    };
                    view! {
                        <li data-testid="help-shipment" data-next=format!("{:?}", s.next).to_lowercase()>
                            <p><strong>{s.seller.clone()}</strong>": "{status}" · "{fill(at.help_expected, &[("dates", &dates)])}</p>
                            {next}
                            <p class="muted"><a href=s.message_path.clone() data-testid="help-message-seller">{fill(at.help_message_seller, &[("seller", &s.seller)])}</a></p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
