//! The help centre on a real database (SQLite and PostgreSQL): the shipped articles written
//! once (never over an agent's edit), "Was this helpful?" counted, questions answered from the
//! articles, and an edit seen by the next question.

mod support;

use app::db::entity::{help_article, help_revision};
use app::help::service;
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

async fn articles_are_synced_voted_and_answered(db: &DatabaseConnection) {
    let now = support::sunday();
    let shipped = app::help::builtin::ARTICLES.len();
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), shipped);
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), 0, "once");
    assert_eq!(help_revision::Entity::find().count(db).await.unwrap() as usize, shipped);

    // A changed shipped text replaces an article no agent edited, never an edited one.
    let row = |slug: &'static str| help_article::Entity::find().filter(help_article::Column::Slug.eq(slug)).filter(help_article::Column::Lang.eq("en"));
    help_article::Entity::update_many()
        .col_expr(help_article::Column::BuiltinHash, Expr::value("older"))
        .col_expr(help_article::Column::Title, Expr::value("Old title"))
        .filter(help_article::Column::Slug.eq("pantry"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    help_article::Entity::update_many()
        .col_expr(help_article::Column::BuiltinHash, Expr::value("older"))
        .col_expr(help_article::Column::Edited, Expr::value(true))
        .col_expr(help_article::Column::Title, Expr::value("An agent's title"))
        .filter(help_article::Column::Slug.eq("forgot-password"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    assert_eq!(service::sync_builtin(db, now).await.unwrap(), 1);
    assert_ne!(row("pantry").one(db).await.unwrap().unwrap().title, "Old title");
    assert_eq!(row("forgot-password").one(db).await.unwrap().unwrap().title, "An agent's title", "an edit is kept");

    // Votes.
    assert!(service::vote(db, "en", "cancel-order", true).await.unwrap());
    assert!(service::vote(db, "en", "cancel-order", true).await.unwrap());
    assert!(service::vote(db, "en", "cancel-order", false).await.unwrap());
    assert!(!service::vote(db, "en", "no-such-article", true).await.unwrap());
    let a = service::article(db, "en", "cancel-order").await.unwrap().unwrap();
    assert_eq!((a.helpful_yes, a.helpful_no), (2, 1));
    assert!(service::article(db, "en", "no-such-article").await.unwrap().is_none());
    let home = service::home(db, "ru").await.unwrap();
    assert!(home.categories.iter().map(|c| c.items.len()).sum::<usize>() >= 12);

    // Answers.
    let answer = service::ask(db, "en", "how do I cancel my order").await.unwrap();
    assert_eq!(answer.cited.first().map(|c| c.slug.as_str()), Some("cancel-order"));
    assert!(!answer.person);
    let et = service::ask(db, "et", "kuidas tellimust tühistada").await.unwrap();
    assert_eq!(et.cited.first().map(|c| c.slug.as_str()), Some("cancel-order"));
    assert!(service::ask(db, "en", "I want to talk to a person").await.unwrap().person);
    assert!(service::ask(db, "en", "zxqv wplk").await.unwrap().cited.is_empty(), "nothing matches: no answer");

    // An edit (here by another instance) is in the next answer.
    help_article::Entity::update_many()
        .col_expr(help_article::Column::Keywords, Expr::value("quokka"))
        .col_expr(help_article::Column::UpdatedAt, Expr::value(now + Duration::minutes(5)))
        .filter(help_article::Column::Slug.eq("personal-data"))
        .filter(help_article::Column::Lang.eq("en"))
        .exec(db)
        .await
        .unwrap();
    let answer = service::ask(db, "en", "quokka").await.unwrap();
    assert_eq!(answer.cited.first().map(|c| c.slug.as_str()), Some("personal-data"));
}
on_both_engines!(articles_are_synced_voted_and_answered);
