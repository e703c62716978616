//! Server functions of the help centre: open to everyone, thin adapters to `help::service`.

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
    let mut view = super::service::ask(&db, lang.code(), q.trim()).await?;
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
