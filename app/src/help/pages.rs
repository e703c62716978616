//! `/{lang}/help` (categories and articles, and the question box), `/{lang}/help/{slug}` (an
//! article, "Was this article helpful?") and `/{lang}/help/ask?q=…` (the answer, citing the
//! articles it comes from, and the ways to reach support open now). The question box is a GET
//! form: an answer has an address, can be linked, and works without JavaScript.

use super::api::{get_agent_case, get_case, get_my_cases, DecideDispute, get_help, get_help_answer, get_help_article, get_queue, AgentAction, CaseReply, HelpVote, OpenCase};
use super::cases::{CaseAuthor, CaseKind, CaseStatus, CaseView, QueueRow, Viewer};
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
        Some("cases") if rest.len() > 1 => view! { <CasePage/> }.into_any(),
        Some("cases") => view! { <MyCasesPage/> }.into_any(),
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
    let case_form = answer.clone();
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
            <OpenCaseForm answer=case_form/>
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

/// "Talk to customer support": a case with the question, the answer given and the order.
#[component]
fn OpenCaseForm(answer: AnswerView) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let at = use_area_texts();
    let action = ServerAction::<OpenCase>::new();
    let cited: Vec<String> = answer.cited.iter().map(|c| format!("{} (/help/{})", c.title, c.slug)).collect();
    let order = answer.order.as_ref().map(|o| o.id);
    view! {
        <details class="help-open-case" open=answer.person>
            <summary>{at.case_open_title}</summary>
            <ActionForm action attr:class="account-form">
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="q" value=answer.question.clone()/>
                <input type="hidden" name="answer" value=cited.join("; ")/>
                {order.map(|id| view! { <input type="hidden" name="order" value=id/> })}
                <input type="hidden" name="key" value=answer.key.clone()/>
                <div class="field">
                    <label for="case-kind">{at.case_kind_label}</label>
                    <select id="case-kind" name="kind">
                        {CaseKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{kind_text(at, k)}</option> }).collect_view()}
                    </select>
                </div>
                {(!answer.signed_in).then(|| view! {
                    <div class="field">
                        <label for="case-email">{at.case_email}</label>
                        <input id="case-email" name="email" type="email" autocomplete="email" required/>
                    </div>
                })}
                <div class="field">
                    <label for="case-body">{at.case_body}</label>
                    <textarea id="case-body" name="body" rows="5" maxlength=super::cases::MAX_MESSAGE.to_string() required
                        inner_html=crate::markup::html(&answer.question)></textarea>
                </div>
                {move || action.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message(lang.texts())}</p> })}
                <button type="submit" class="primary" data-testid="case-open">{at.case_send}</button>
            </ActionForm>
        </details>
    }
}

fn kind_text(at: &'static AreaTexts, k: CaseKind) -> &'static str {
    match k {
        CaseKind::Question => at.case_kind_question,
        CaseKind::Complaint => at.case_kind_complaint,
        CaseKind::Dispute => at.case_kind_dispute,
    }
}

fn status_text(at: &'static AreaTexts, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Open => at.case_status_open,
        CaseStatus::Answered => at.case_status_answered,
        CaseStatus::Closed => at.case_status_closed,
    }
}

/// The conversation of a case (with the agents' notes on their page).
fn messages_view(at: &'static AreaTexts, case: &CaseView) -> impl IntoView {
    view! {
        <ol class="thread" data-testid="case-messages">
            {case.messages.iter().map(|m| {
                let who = match (m.author, m.internal) {
                    (_, true) => format!("{} · {}", at.case_note, m.who),
                    (CaseAuthor::Shopper, _) if case.viewer == Viewer::Shopper => at.case_you.to_owned(),
                    (CaseAuthor::Shopper, _) => at.case_buyer.to_owned(),
                    (CaseAuthor::Seller, _) if case.viewer == Viewer::Seller => at.case_you.to_owned(),
                    (CaseAuthor::Seller, _) => fill(at.case_seller, &[("seller", &case.shipment.clone().map(|s| s.1).unwrap_or_default())]),
                    (CaseAuthor::Agent, _) if m.who.is_empty() => at.case_support.to_owned(),
                    (CaseAuthor::Agent, _) => format!("{} · {}", at.case_support, m.who),
                };
                view! {
                    <li class:note=m.internal data-testid="case-message">
                        <p class="muted">{who}" · "{crate::ui::tallinn_minute(m.at)}</p>
                        <p class="pre-line">{m.body.clone()}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// `/{lang}/help/cases/{id}?key=…`: the shopper's case.
#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let reply = ServerAction::<CaseReply>::new();
    let data = crate::wire::resource(
        move || {
            let id = params.read().get("id").and_then(|i| i.parse::<i32>().ok()).unwrap_or(0);
            (id, query.read().get("key").unwrap_or_default(), reply.version().get())
        },
        |(id, key, _)| get_case(id, key),
    );
    view! { <NoIndex/>{loaded(data, move |case| view! { <CaseBody case reply/> })} }
}

#[component]
fn CaseBody(case: CaseView, reply: ServerAction<CaseReply>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let heading = fill(at.case_title, &[("n", &case.id.to_string())]);
    let due = crate::delivery::local_time::to_tallinn(case.due_at).date();
    view! {
        {title(t, &heading)}
        <h1>{heading}</h1>
        <p data-testid="case-status">{kind_text(at, case.kind)}" · "{status_text(at, case.status)}</p>
        {(case.status == CaseStatus::Open).then(|| view! { <p class="muted">{fill(at.case_answer_by, &[("date", &format_date(due, lang))])}</p> })}
        {decision_view(at, lang, &case)}
        {messages_view(at, &case)}
        <ActionForm action=reply attr:class="account-form">
            <input type="hidden" name="lang" value=lang.code()/>
            <input type="hidden" name="id" value=case.id/>
            <input type="hidden" name="key" value=case.key.clone()/>
            <div class="field">
                <label for="case-reply">{at.case_write}</label>
                <textarea id="case-reply" name="body" rows="4" maxlength=super::cases::MAX_MESSAGE.to_string() required></textarea>
            </div>
            <button type="submit">{at.case_send}</button>
        </ActionForm>
        <section class="help-contact" aria-labelledby="case-contact-h">
            <h2 id="case-contact-h" class="h3">{at.help_talk_to_support}</h2>
            <p class="muted">{at.help_hours}</p>
            <ul data-testid="help-channels">
                {case.channels.iter().map(|c| view! { <li data-channel=format!("{c:?}").to_lowercase()>{channel_text(at, *c, &case.support_email)}</li> }).collect_view()}
            </ul>
        </section>
        <p class="muted">{at.case_disputes_committee}</p>
    }
}

/// `/{lang}/support`: the agents' queue, with filters (a GET form).
#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let data = crate::wire::resource(
        move || {
            let q = query.read();
            (q.get("status").unwrap_or_default(), q.get("kind").unwrap_or_default(), q.get("mine").is_some(), q.get("overdue").is_some())
        },
        |(status, kind, mine, overdue)| get_queue(status, kind, mine, overdue),
    );
    view! { <NoIndex/>{loaded(data, |rows| view! { <QueueBody rows/> })} }
}

#[component]
fn QueueBody(rows: Vec<QueueRow>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let query = use_query_map();
    let q = query.read_untracked();
    let (status, kind) = (q.get("status").unwrap_or_default(), q.get("kind").unwrap_or_default());
    view! {
        {title(t, at.queue_title)}
        <h1>{at.queue_title}</h1>
        <form method="get" action=href(lang, "/support") class="filters">
            <label for="q-status">{at.queue_status}</label>
            <select id="q-status" name="status">
                <option value="">{at.queue_any}</option>
                {CaseStatus::ALL.into_iter().map(|s| view! { <option value=s.code() selected={status == s.code()}>{status_text(at, s)}</option> }).collect_view()}
            </select>
            <label for="q-kind">{at.case_kind_label}</label>
            <select id="q-kind" name="kind">
                <option value="">{at.queue_any}</option>
                {CaseKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected={kind == k.code()}>{kind_text(at, k)}</option> }).collect_view()}
            </select>
            <span class="checkbox"><input id="q-mine" type="checkbox" name="mine" value="1" checked=q.get("mine").is_some()/><label for="q-mine">{at.queue_mine}</label></span>
            <span class="checkbox"><input id="q-overdue" type="checkbox" name="overdue" value="1" checked=q.get("overdue").is_some()/><label for="q-overdue">{at.queue_overdue}</label></span>
            <button type="submit">{at.queue_filter}</button>
        </form>
        {rows.is_empty().then(|| view! { <p>{at.queue_empty}</p> })}
        <ul class="applications">
            {rows.into_iter().map(|r| {
                let due = crate::ui::tallinn_minute(r.due_at);
                view! {
                    <li data-testid="queue-row" data-case=r.id class:overdue=r.overdue>
                        <a href=href(lang, &format!("/support/{}", r.id))>{fill(at.case_title, &[("n", &r.id.to_string())])}</a>
                        " · "{kind_text(at, r.kind)}" · "{status_text(at, r.status)}" · "{r.email.clone()}
                        <br/><span class="muted">{r.question.clone()}</span>
                        <br/><span class:notice=r.overdue>{if r.overdue { fill(at.queue_overdue_since, &[("due", &due)]) } else { fill(at.queue_due, &[("due", &due)]) }}</span>
                        {r.assignee.map(|a| view! { " · "{fill(at.queue_assigned, &[("name", &a)])} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/{lang}/support/{id}`: a case for agents: context, conversation with notes, and actions.
#[component]
pub fn AgentCasePage() -> impl IntoView {
    let params = use_params_map();
    // Hydrated, each action's answer reloads the case (without JavaScript the post comes back to
    // the page).
    let action = ServerAction::<AgentAction>::new();
    let decide = ServerAction::<DecideDispute>::new();
    let data = crate::wire::resource(
        move || {
            let id = params.read().get("page").and_then(|i| i.parse::<i32>().ok()).unwrap_or(0);
            (id, action.version().get() + decide.version().get())
        },
        |(id, _)| get_agent_case(id),
    );
    view! { <NoIndex/>{loaded(data, move |case| view! { <AgentCaseBody case action decide/> })} }
}

#[component]
fn AgentCaseBody(case: CaseView, action: ServerAction<AgentAction>, decide: ServerAction<DecideDispute>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    let heading = fill(at.case_title, &[("n", &case.id.to_string())]);
    let id = case.id;
    let form = move |act: &'static str, label: &'static str, with_body: bool, field: &'static str| {
        view! {
            <ActionForm action attr:class="account-form decision-form">
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="action" value=act/>
                {with_body.then(|| view! {
                    <div class="field">
                        <label for=format!("agent-{act}")>{field}</label>
                        <textarea id=format!("agent-{act}") name="body" rows="4" maxlength=super::cases::MAX_MESSAGE.to_string() required></textarea>
                    </div>
                })}
                <button type="submit">{label}</button>
            </ActionForm>
        }
    };
    view! {
        {title(t, &heading)}
        <p><a href=href(lang, "/support")>{at.queue_title}</a></p>
        <h1>{heading}</h1>
        <div class="requisites"><dl>
            <dt>{at.case_kind_label}</dt><dd>{kind_text(at, case.kind)}</dd>
            <dt>{at.queue_status}</dt><dd data-testid="agent-case-status">{status_text(at, case.status)}</dd>
            <dt>{at.case_email}</dt><dd>{case.email.clone()}</dd>
            <dt>{at.queue_due_label}</dt><dd class:notice=case.overdue>{crate::ui::tallinn_minute(case.due_at)}</dd>
            <dt>{at.case_question}</dt><dd class="pre-line">{case.question.clone()}</dd>
            <dt>{at.case_answer_given}</dt><dd>{case.answer_given.clone()}</dd>
            {case.order_id.map(|o| view! { <dt>{at.case_order}</dt><dd>{fill(t.order_title, &[("n", &o.to_string())])}</dd> })}
            {case.assignee.clone().map(|a| view! { <dt>{at.queue_assigned_label}</dt><dd>{a}</dd> })}
        </dl></div>
        {decision_view(at, lang, &case)}
        {messages_view(at, &case)}
        {move || action.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message(t)}</p> })}
        {(case.kind == CaseKind::Dispute && case.decision.is_none() && !case.shipments.is_empty()).then(|| view! { <DecideForm case=case.clone() action=decide/> })}
        {move || decide.value().get().and_then(Result::err).map(|e| view! { <p class="notice error" role="alert">{e.message(t)}</p> })}
        {form("reply", at.agent_reply, true, at.agent_reply_label)}
        {form("note", at.agent_note, true, at.agent_note_label)}
        <div class="decisions">
            {form("assign", at.agent_assign, false, "")}
            {form("close", at.agent_close, false, "")}
        </div>
    }
}

/// `/{lang}/help/cases`: the signed-in shopper's cases.
#[component]
fn MyCasesPage() -> impl IntoView {
    let data = crate::wire::resource(|| (), |_| get_my_cases());
    view! { <NoIndex/>{loaded(data, |rows| view! { <MyCasesBody rows/> })} }
}

#[component]
fn MyCasesBody(rows: Vec<QueueRow>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let (t, at) = (lang.texts(), use_area_texts());
    view! {
        {title(t, at.my_cases_title)}
        <h1>{at.my_cases_title}</h1>
        {rows.is_empty().then(|| view! { <p>{at.my_cases_none}" "<a href=href(lang, "/help")>{at.help_title}</a></p> })}
        <ul class="applications">
            {rows.into_iter().map(|r| view! {
                <li data-testid="my-case">
                    <a href=href(lang, &format!("/help/cases/{}", r.id))>{fill(at.case_title, &[("n", &r.id.to_string())])}</a>
                    " · "{kind_text(at, r.kind)}" · "{status_text(at, r.status)}
                    <br/><span class="muted">{r.question}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// A dispute's decision, on both sides' pages.
fn decision_view(at: &'static AreaTexts, lang: Lang, case: &CaseView) -> impl IntoView {
    case.decision.clone().map(|d| {
        let text = super::cases::outcome_lines(at, lang, &d.outcomes, d.refund_cents);
        view! {
            <section class="help-decision notice" aria-labelledby="decision-h" data-testid="case-decision">
                <h2 id="decision-h" class="h3">{at.decision_heading}</h2>
                <ul>{text.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                {d.refunded.then(|| view! { <p data-testid="decision-refunded">{at.decision_refunded}</p> })}
            </section>
        }
    })
}

/// The agent's decision form for a dispute about the case's order.
#[component]
fn DecideForm(case: CaseView, action: ServerAction<DecideDispute>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let at = use_area_texts();
    let check = |name: &'static str, label: &'static str| {
        let id = format!("decide-{name}");
        view! {
            <div class="field checkbox">
                <input id=id.clone() type="checkbox" name=name value="1"/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <section aria-labelledby="decide-h" class="decide">
            <h2 id="decide-h" class="h3">{at.decide_title}</h2>
            <ActionForm action attr:class="account-form decision-form">
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="id" value=case.id/>
                <div class="field">
                    <label for="decide-shipment">{at.decide_shipment}</label>
                    <select id="decide-shipment" name="shipment_id">
                        {case.shipments.iter().map(|(id, seller)| view! { <option value=*id>{format!("#{id} · {seller}")}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="decide-partial">{at.decide_partial}</label>
                    <input id="decide-partial" name="partial" type="text" inputmode="decimal" autocomplete="off"/>
                </div>
                {check("full", at.decide_full)}
                {check("cancel", at.decide_cancel)}
                {check("suspend_seller", at.decide_suspend_seller)}
                {check("restrict_seller", at.decide_restrict_seller)}
                {check("suspend_buyer", at.decide_suspend_buyer)}
                {check("restrict_buyer", at.decide_restrict_buyer)}
                <div class="field">
                    <label for="decide-police">{at.decide_police}</label>
                    <select id="decide-police" name="police">
                        <option value="">{at.decide_police_none}</option>
                        <option value="counterfeit">{at.decide_police_counterfeit}</option>
                        <option value="fraud">{at.decide_police_fraud}</option>
                    </select>
                </div>
                <button type="submit" class="primary" data-testid="decide-submit">{at.decide_submit}</button>
            </ActionForm>
        </section>
    }
}
