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

/// The answer to a question, from the articles.
#[server(prefix = "/api", endpoint = "help_ask", output = Wire)]
pub async fn get_help_answer(lang: Lang, q: String) -> Result<AnswerView, AppError> {
    // A question is short; a longer text is cut, not refused.
    let q: String = q.chars().take(super::MAX_QUESTION).collect();
    Ok(super::service::ask(&crate::server::db()?, lang.code(), q.trim()).await?)
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
