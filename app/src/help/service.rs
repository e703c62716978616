//! Help articles in the database, and answers to questions from them.
//!
//! The shop's own articles (`help::builtin`) are written into `help_articles` at start-up
//! ([`sync_builtin`]): new ones are added, changed ones replace those no agent has edited, and
//! every version is kept in `help_revisions`. Questions are answered from a per-language
//! BM25 index of the articles, kept in memory as a cache and rebuilt when any article changed
//! (its version, the newest `updated_at` and the count, is read with every question: another
//! instance's edit is seen at once).

use super::content::{self, Article};
use super::{AnswerView, ArticleView, Citation, HelpHome, HelpCategory, HelpItem, HELP_LANGS};
use crate::db::entity::{help_article, help_revision};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Writes the shipped articles into the database: adds the missing, updates those whose
/// shipped text changed and that no agent edited, keeps a revision of each version written.
/// Returns how many articles were written.
pub async fn sync_builtin<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let existing: HashMap<(String, String), help_article::Model> =
        help_article::Entity::find().all(db).await?.into_iter().map(|a| ((a.slug.clone(), a.lang.clone()), a)).collect();
    let mut written = 0;
    for (slug, lang, text) in super::builtin::ARTICLES {
        let Ok(a) = content::parse(text) else {
            tracing::error!(slug, lang, "a shipped help article does not parse");
            continue;
        };
        let hash = crate::server::token_hash(text);
        let id = match existing.get(&(slug.to_string(), lang.to_string())) {
            Some(row) if row.edited || row.builtin_hash.as_deref() == Some(hash.as_str()) => continue,
            Some(row) => {
                help_article::Entity::update_many()
                    .col_expr(help_article::Column::Category, Expr::value(a.category.clone()))
                    .col_expr(help_article::Column::Title, Expr::value(a.title.clone()))
                    .col_expr(help_article::Column::Summary, Expr::value(a.summary.clone()))
                    .col_expr(help_article::Column::Keywords, Expr::value(a.keywords.clone()))
                    .col_expr(help_article::Column::Body, Expr::value(a.body.clone()))
                    .col_expr(help_article::Column::BuiltinHash, Expr::value(hash.clone()))
                    .col_expr(help_article::Column::UpdatedAt, Expr::value(now))
                    .filter(help_article::Column::Id.eq(row.id))
                    .filter(help_article::Column::Edited.eq(false))
                    .exec(db)
                    .await?;
                row.id
            }
            None => {
                let row = help_article::ActiveModel {
                    slug: Set(slug.to_string()),
                    lang: Set(lang.to_string()),
                    category: Set(a.category.clone()),
                    title: Set(a.title.clone()),
                    summary: Set(a.summary.clone()),
                    keywords: Set(a.keywords.clone()),
                    body: Set(a.body.clone()),
                    helpful_yes: Set(0),
                    helpful_no: Set(0),
                    builtin_hash: Set(Some(hash.clone())),
                    edited: Set(false),
                    updated_at: Set(now),
                    updated_by: Set(None),
                    ..Default::default()
                };
                // Another instance starting at the same moment may have written it first.
                let done = help_article::Entity::insert(row)
                    .on_conflict(OnConflict::columns([help_article::Column::Slug, help_article::Column::Lang]).do_nothing().to_owned())
                    .exec_without_returning(db)
                    .await?;
                if done == 0 {
                    continue;
                }
                help_article::Entity::find()
                    .filter(help_article::Column::Slug.eq(*slug))
                    .filter(help_article::Column::Lang.eq(*lang))
                    .one(db)
                    .await?
                    .map(|r| r.id)
                    .ok_or_else(|| DbErr::RecordNotFound(format!("help article {slug}/{lang}")))?
            }
        };
        let revision = help_revision::ActiveModel {
            article_id: Set(id),
            category: Set(a.category),
            title: Set(a.title),
            summary: Set(a.summary),
            keywords: Set(a.keywords),
            body: Set(a.body),
            editor_user_id: Set(None),
            created_at: Set(now),
            ..Default::default()
        };
        help_revision::Entity::insert(revision).exec_without_returning(db).await?;
        written += 1;
    }
    Ok(written)
}

/// The language whose articles answer a page in `lang`: its own when it has articles, else
/// English.
fn articles_lang(lang: &str) -> &str {
    if HELP_LANGS.contains(&lang) { lang } else { "en" }
}

fn category_name(slug: &str, lang: &str) -> String {
    super::builtin::CATEGORIES
        .iter()
        .find(|c| c.0 == slug)
        .map(|c| match lang {
            "et" => c.1,
            "ru" => c.3,
            _ => c.2,
        })
        .unwrap_or(slug)
        .to_owned()
}

/// The help centre's front page: categories (in the shipped order) with their articles.
pub async fn home<C: ConnectionTrait>(db: &C, lang: &str) -> Result<HelpHome, DbErr> {
    let lang = articles_lang(lang);
    let rows = help_article::Entity::find()
        .filter(help_article::Column::Lang.eq(lang))
        .order_by_asc(help_article::Column::Title)
        .all(db)
        .await?;
    let mut categories: Vec<HelpCategory> = Vec::new();
    for (slug, ..) in super::builtin::CATEGORIES {
        let items: Vec<HelpItem> = rows
            .iter()
            .filter(|r| r.category == *slug)
            .map(|r| HelpItem { slug: r.slug.clone(), title: r.title.clone(), summary: r.summary.clone() })
            .collect();
        if !items.is_empty() {
            categories.push(HelpCategory { slug: slug.to_string(), name: category_name(slug, lang), items });
        }
    }
    Ok(HelpHome { categories })
}

/// One article in `lang` (or English when the language has none of its own).
pub async fn article<C: ConnectionTrait>(db: &C, lang: &str, slug: &str) -> Result<Option<ArticleView>, DbErr> {
    let lang = articles_lang(lang);
    let Some(row) = help_article::Entity::find()
        .filter(help_article::Column::Slug.eq(slug))
        .filter(help_article::Column::Lang.eq(lang))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(ArticleView {
        slug: row.slug,
        category: category_name(&row.category, lang),
        title: row.title,
        summary: row.summary,
        blocks: content::blocks(&row.body),
        updated_at: row.updated_at,
        helpful_yes: row.helpful_yes,
        helpful_no: row.helpful_no,
    }))
}

/// Counts one "Was this article helpful?" answer; false for no such article.
pub async fn vote<C: ConnectionTrait>(db: &C, lang: &str, slug: &str, helpful: bool) -> Result<bool, DbErr> {
    let column = if helpful { help_article::Column::HelpfulYes } else { help_article::Column::HelpfulNo };
    let done = help_article::Entity::update_many()
        .col_expr(column, Expr::col(column).add(1))
        .filter(help_article::Column::Slug.eq(slug))
        .filter(help_article::Column::Lang.eq(articles_lang(lang)))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// A language's articles and their index, as of a version of the table.
struct Indexed {
    version: (u64, Option<DateTime<Utc>>),
    articles: Vec<(String, Article)>,
    index: super::retrieval::Index,
}

fn cache() -> &'static Mutex<HashMap<String, Arc<Indexed>>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Indexed>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

async fn indexed<C: ConnectionTrait>(db: &C, lang: &str) -> Result<Arc<Indexed>, DbErr> {
    let count = help_article::Entity::find().filter(help_article::Column::Lang.eq(lang)).count(db).await?;
    let newest: Option<DateTime<Utc>> = help_article::Entity::find()
        .select_only()
        .column_as(help_article::Column::UpdatedAt.max(), "newest")
        .filter(help_article::Column::Lang.eq(lang))
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let version = (count, newest);
    if let Some(hit) = cache().lock().ok().and_then(|c| c.get(lang).cloned()).filter(|i| i.version == version) {
        return Ok(hit);
    }
    let rows = help_article::Entity::find()
        .filter(help_article::Column::Lang.eq(lang))
        .order_by_asc(help_article::Column::Slug)
        .all(db)
        .await?;
    let articles: Vec<(String, Article)> = rows
        .into_iter()
        .map(|r| (r.slug, Article { title: r.title, category: r.category, summary: r.summary, keywords: r.keywords, body: r.body }))
        .collect();
    let index = super::index_of(lang, &articles);
    let built = Arc::new(Indexed { version, articles, index });
    if let Ok(mut c) = cache().lock() {
        c.insert(lang.to_owned(), built.clone());
    }
    Ok(built)
}

/// The answer to `question` from the articles in `lang`: the best article's summary, citing
/// it and the articles scoring close to it (at most three); `None` when nothing matches well
/// enough. Whether the question asks for a person is [`super::asks_for_person`].
pub async fn ask<C: ConnectionTrait>(db: &C, lang: &str, question: &str, now: DateTime<Utc>) -> Result<AnswerView, DbErr> {
    let lang = articles_lang(lang);
    let person = super::asks_for_person(question);
    let indexed = indexed(db, lang).await?;
    let hits = indexed.index.search(question);
    let cited: Vec<Citation> = match hits.first() {
        Some(&(_, top)) if top >= super::MIN_SCORE => hits
            .iter()
            .take(3)
            .filter(|(_, s)| *s >= top * 0.6)
            .map(|(i, _)| {
                let (slug, a) = &indexed.articles[*i];
                Citation { slug: slug.clone(), title: a.title.clone(), summary: a.summary.clone() }
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(AnswerView {
        question: question.to_owned(),
        person,
        cited,
        channels: super::hours::channels(now),
        support_email: crate::config::get_or_default().shop_email.clone(),
        order: None,
        orders: Vec::new(),
        key: String::new(),
        signed_in: false,
    })
}
