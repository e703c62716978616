//! Server functions of the help centre and support: articles and answers for everyone, a case for
//! its shopper, the queue for agents; thin adapters to `help::service` and `help::case_service`.

// Forms post their fields flat (as a no-JS form does), one argument each.
#![allow(clippy::too_many_arguments)]

use super::{AnswerView, ArticleView, HelpHome};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::wire::Wire;
use leptos::prelude::*;

/// The help centre's categories and articles.
#[server(prefix = "/api", endpoint = "help", output = Wire)]
pub async fn get_help(lang: Lang) -> Result<HelpHome, AppError> {
    Ok(super::service::home(&crate::server::db()?, lang.code()).await?)
}

/// One article.
#[server(prefix = "/api", endpoint = "help_article", output = Wire)]
pub async fn get_help_article(lang: Lang, slug: String) -> Result<ArticleView, AppError> {
    super::service::article(&crate::server::db()?, lang.code(), &slug).await?.ok_or(AppError::NotFound)
}

/// The answer to a question, from the articles; about `order` (the shopper's own, by account,
/// cart or the guest's `key`) also what can be done about each of its shipments now.
#[server(prefix = "/api", endpoint = "help_ask", output = Wire)]
pub async fn get_help_answer(lang: Lang, q: String, #[server(default)] order: Option<i32>, #[server(default)] key: String) -> Result<AnswerView, AppError> {
    use crate::ids::{CartId, OrderId};
    // A question is short; a longer text is cut, not refused.
    let q: String = q.chars().take(super::MAX_QUESTION).collect();
    let db = crate::server::db()?;
    let mut view = super::service::ask(&db, lang.code(), q.trim(), crate::server::now()).await?;
    let owner = crate::cart::api::server_side::Owner::of_request();
    if let Some(id) = order {
        let cart_id = crate::cart::service::find_owned(&db, owner.get()).await?.map(|c| CartId(c.id));
        // Someone else's order reads as none at all (as on the order page).
        if let Some(o) = crate::orders::service::order_for(&db, OrderId(id), &key, cart_id, owner.account, None).await? {
            view.order = Some(super::order_facts(&o, lang));
            view.key = o.token;
        }
    }
    if let Ok(who) = crate::accounts::visitor::signed_in() {
        view.signed_in = true;
        view.orders = crate::orders::service::orders_of(&db, &who)
            .await?
            .into_iter()
            .take(10)
            .map(|o| super::OrderChoice { id: o.id, placed_on: crate::delivery::local_time::to_tallinn(o.placed_at).date() })
            .collect();
    }
    Ok(view)
}

/// "Was this article helpful?": counts the answer, then back to the article.
#[server(prefix = "/api", endpoint = "help_vote", output = Wire)]
pub async fn help_vote(lang: String, slug: String, helpful: bool) -> Result<(), AppError> {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let found = super::service::vote(&crate::server::db()?, lang.code(), &slug, helpful).await?;
    if !found {
        return Err(AppError::NotFound);
    }
    crate::server::redirect_form_post(&format!("/{}/help/{}?voted=1", lang.code(), crate::markup::query_value(&slug)));
    Ok(())
}

/// The case page, for the shopper who opened it (by account or the case's key).
#[server(prefix = "/api", endpoint = "help_case", output = Wire)]
pub async fn get_case(id: i32, #[server(default)] key: String) -> Result<super::cases::CaseView, AppError> {
    let account = crate::accounts::visitor::current().map(|v| v.user_id());
    super::case_service::for_shopper(&crate::server::db()?, id, &key, account, crate::server::now()).await?.ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn case_error(e: super::case_service::CaseError) -> AppError {
    use super::case_service::CaseError;
    match e {
        CaseError::Message(p) => AppError::BadRequest(format!("message: {p}")),
        CaseError::TooMany => AppError::TooManyRequests,
        CaseError::NotFound => AppError::NotFound,
        CaseError::Outcome(o) => AppError::BadRequest(format!("outcome: {o}")),
        CaseError::NotDecidable => AppError::Forbidden,
        CaseError::File(p) => AppError::BadRequest(format!("file: {p}")),
        CaseError::Db(e) => e.into(),
    }
}

/// "Talk to customer support": opens a case carrying the question, the answer the help centre
/// gave and the order it is about (the shopper's own only), then goes to the case page.
#[server(prefix = "/api", endpoint = "help_open_case", output = Wire)]
pub async fn open_case(
    lang: String,
    #[server(default)] q: String,
    #[server(default)] answer: String,
    #[server(default)] order: Option<i32>,
    #[server(default)] key: String,
    kind: String,
    #[server(default)] email: String,
    body: String,
    #[server(default)] shipment: Option<i32>,
) -> Result<i32, AppError> {
    use crate::ids::{CartId, OrderId};
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let kind = super::cases::CaseKind::from_code(&kind).ok_or_else(|| AppError::BadRequest("kind".into()))?;
    let db = crate::server::db()?;
    let owner = crate::cart::api::server_side::Owner::of_request();
    let visitor = crate::accounts::visitor::current();
    // A signed-in shopper's own address; a guest's as typed, checked.
    let email = match &visitor {
        Some(v) => v.email().to_owned(),
        None => crate::checkout::validate::normalize_email(&email).map_err(|_| AppError::BadRequest("email".into()))?,
    };
    let order_id = match order {
        Some(id) => {
            let cart_id = crate::cart::service::find_owned(&db, owner.get()).await?.map(|c| CartId(c.id));
            crate::orders::service::order_for(&db, OrderId(id), &key, cart_id, owner.account, None).await?.map(|o| o.id)
        }
        None => None,
    };
    let now = crate::server::now();
    let new = super::case_service::NewCase {
        user_id: visitor.as_ref().map(|v| v.user_id()),
        email: &email,
        lang,
        kind,
        question: q.trim(),
        answer_given: answer.trim(),
        body: &body,
        order_id,
        shipment_id: shipment,
    };
    let (id, case_key) = super::case_service::open(&db, new, now).await.map_err(case_error)?;
    leptos_axum::redirect(&format!("/{}/help/cases/{id}?key={}", lang.code(), crate::markup::query_value(&case_key)));
    Ok(id)
}

/// The shopper writes on their case.
#[server(prefix = "/api", endpoint = "help_case_reply", output = Wire)]
pub async fn case_reply(lang: String, id: i32, #[server(default)] key: String, body: String) -> Result<(), AppError> {
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let account = crate::accounts::visitor::current().map(|v| v.user_id());
    super::case_service::shopper_reply(&crate::server::db()?, id, &key, account, &body, crate::server::now()).await.map_err(case_error)?;
    crate::server::redirect_form_post(&format!("/{}/help/cases/{id}?key={}&sent=1", lang.code(), crate::markup::query_value(&key)));
    Ok(())
}

/// The agents' queue (support role).
#[server(prefix = "/api", endpoint = "support_queue", output = Wire)]
pub async fn get_queue(
    #[server(default)] status: String,
    #[server(default)] kind: String,
    #[server(default)] mine: bool,
    #[server(default)] overdue: bool,
) -> Result<Vec<super::cases::QueueRow>, AppError> {
    let who = crate::accounts::visitor::support_agent()?;
    let filter = super::cases::QueueFilter {
        status: super::cases::CaseStatus::from_code(&status),
        kind: super::cases::CaseKind::from_code(&kind),
        mine,
        overdue,
    };
    Ok(super::case_service::queue(&crate::server::db()?, &filter, who.user_id(), crate::server::now()).await?)
}

/// One case, for agents.
#[server(prefix = "/api", endpoint = "support_case", output = Wire)]
pub async fn get_agent_case(id: i32) -> Result<super::cases::CaseView, AppError> {
    crate::accounts::visitor::support_agent()?;
    super::case_service::for_agent(&crate::server::db()?, id, crate::server::now()).await?.ok_or(AppError::NotFound)
}

/// An agent's action on a case: `assign`, `reply`, `note` or `close`.
#[server(prefix = "/api", endpoint = "support_case_action", output = Wire)]
pub async fn agent_action(lang: String, id: i32, action: String, #[server(default)] body: String) -> Result<(), AppError> {
    use super::case_service::AgentAction;
    let who = crate::accounts::visitor::support_agent()?;
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let action = match action.as_str() {
        "assign" => AgentAction::AssignToMe,
        "reply" => AgentAction::Reply(&body),
        "note" => AgentAction::Note(&body),
        "close" => AgentAction::Close,
        _ => return Err(AppError::BadRequest("action".into())),
    };
    super::case_service::act(&crate::server::db()?, id, who.user_id(), action, crate::server::now()).await.map_err(case_error)?;
    crate::server::redirect_form_post(&format!("/{}/support/{id}", lang.code()));
    Ok(())
}

/// The signed-in shopper's support cases.
#[server(prefix = "/api", endpoint = "help_my_cases", output = Wire)]
pub async fn get_my_cases() -> Result<Vec<super::cases::QueueRow>, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    Ok(super::case_service::of_account(&crate::server::db()?, who.user_id(), crate::server::now()).await?)
}

/// An agent decides a dispute about one shipment: the outcomes chosen (a partial refund in
/// euros, a full refund, cancelling, suspending or restricting either side, the police).
#[server(prefix = "/api", endpoint = "support_decide", output = Wire)]
pub async fn decide_dispute(
    lang: String,
    id: i32,
    shipment_id: i32,
    #[server(default)] partial: String,
    #[server(default)] full: Option<String>,
    #[server(default)] cancel: Option<String>,
    #[server(default)] suspend_seller: Option<String>,
    #[server(default)] restrict_seller: Option<String>,
    #[server(default)] suspend_buyer: Option<String>,
    #[server(default)] restrict_buyer: Option<String>,
    #[server(default)] police: String,
) -> Result<(), AppError> {
    use super::outcomes::{Outcome, Party, Referral};
    let who = crate::accounts::visitor::support_agent()?;
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let mut outcomes = Vec::new();
    if !partial.trim().is_empty() {
        let cents = super::parse_euros(&partial).ok_or_else(|| AppError::BadRequest("partial".into()))?;
        outcomes.push(Outcome::PartialRefund { cents });
    }
    for (flag, o) in [
        (&full, Outcome::FullRefund),
        (&cancel, Outcome::CancelShipment),
        (&suspend_seller, Outcome::Suspend(Party::Seller)),
        (&restrict_seller, Outcome::Restrict(Party::Seller)),
        (&suspend_buyer, Outcome::Suspend(Party::Buyer)),
        (&restrict_buyer, Outcome::Restrict(Party::Buyer)),
    ] {
        if flag.as_deref().is_some_and(|v| !v.is_empty()) {
            outcomes.push(o);
        }
    }
    match police.as_str() {
        "counterfeit" => outcomes.push(Outcome::LawEnforcement(Referral::Counterfeit)),
        "fraud" => outcomes.push(Outcome::LawEnforcement(Referral::Fraud)),
        _ => {}
    }
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let db = crate::server::db()?;
    super::case_service::decide(&db, id, &who, shipment_id, &outcomes, provider, crate::server::now()).await.map_err(case_error)?;
    crate::server::redirect_form_post(&format!("/{}/support/{id}", lang.code()));
    Ok(())
}
