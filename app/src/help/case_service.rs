//! Support cases in the database: opened by a shopper (signed in, or a guest by e-mail with a
//! key to the case page), answered by agents (replies reach the shopper by e-mail and on the
//! case page; internal notes never do), with the deadline kept on the row.

use super::cases::{due, message, overdue, CaseAuthor, CaseKind, CaseMessageView, CaseStatus, CaseView, MessageProblem, QueueFilter, QueueRow};
use crate::db::entity::{case_message, support_case, user};
use crate::i18n::{fill, Lang};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;

/// At most this many cases opened from one e-mail address a day.
pub const MAX_CASES_PER_DAY: u64 = 10;

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error("message: {0}")]
    Message(MessageProblem),
    #[error("too many cases today")]
    TooMany,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What opens a case.
pub struct NewCase<'a> {
    pub user_id: Option<i32>,
    pub email: &'a str,
    pub lang: Lang,
    pub kind: CaseKind,
    pub question: &'a str,
    pub answer_given: &'a str,
    pub body: &'a str,
    pub order_id: Option<i32>,
}

fn case_path(lang: Lang, id: i32, key: &str) -> String {
    format!("/{}/help/cases/{id}?key={}", lang.code(), crate::markup::query_value(key))
}

/// Opens a case with the shopper's first message, and e-mails them its link (with the key).
/// Returns the case and its key.
pub async fn open<C: ConnectionTrait>(db: &C, new: NewCase<'_>, now: DateTime<Utc>) -> Result<(i32, String), CaseError> {
    let body = message(new.body).map_err(CaseError::Message)?;
    let today = support_case::Entity::find()
        .filter(support_case::Column::Email.eq(new.email))
        .filter(support_case::Column::CreatedAt.gt(now - Duration::days(1)))
        .count(db)
        .await?;
    if today >= MAX_CASES_PER_DAY {
        return Err(CaseError::TooMany);
    }
    let key = crate::server::random_token();
    let row = support_case::ActiveModel {
        user_id: Set(new.user_id),
        email: Set(new.email.to_owned()),
        lang: Set(new.lang.code().to_owned()),
        kind: Set(new.kind),
        status: Set(CaseStatus::Open),
        question: Set(new.question.chars().take(super::MAX_QUESTION).collect()),
        answer_given: Set(new.answer_given.chars().take(2000).collect()),
        order_id: Set(new.order_id),
        shipment_id: Set(None),
        assignee_user_id: Set(None),
        token_hash: Set(crate::server::token_hash(&key)),
        created_at: Set(now),
        updated_at: Set(now),
        due_at: Set(due(new.kind, now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    add_message(db, row.id, CaseAuthor::Shopper, new.user_id, false, &body, now).await?;
    let t = crate::i18n::area::AreaTextsRef::of(new.lang).texts;
    let url = format!("{}{}", crate::orders::service::public_url(), case_path(new.lang, row.id, &key));
    let n = row.id.to_string();
    let email = crate::orders::email::Email::paragraphs(
        new.lang,
        fill(t.case_mail_opened_subject, &[("n", &n)]),
        &[fill(t.case_mail_opened, &[("n", &n)]), body],
        Some((t.case_mail_link, &url)),
    );
    crate::outbox::enqueue(
        db,
        crate::outbox::NewMessage { dedupe_key: format!("case-opened:{}", row.id), kind: "case_opened", lang: new.lang, to: new.email.to_owned(), email },
        now,
    )
    .await?;
    Ok((row.id, key))
}

async fn add_message<C: ConnectionTrait>(
    db: &C,
    case_id: i32,
    author: CaseAuthor,
    author_user_id: Option<i32>,
    internal: bool,
    body: &str,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    Ok(case_message::ActiveModel {
        case_id: Set(case_id),
        author: Set(author),
        author_user_id: Set(author_user_id),
        internal: Set(internal),
        body: Set(body.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

/// Who may open a case page: the account that opened it, or the holder of its key.
async fn owned<C: ConnectionTrait>(db: &C, id: i32, key: &str, account: Option<i32>) -> Result<Option<support_case::Model>, DbErr> {
    let Some(c) = support_case::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    let by_key = !key.is_empty() && c.token_hash == crate::server::token_hash(key);
    let by_account = account.is_some() && c.user_id == account;
    Ok((by_key || by_account).then_some(c))
}

async fn view<C: ConnectionTrait>(db: &C, c: support_case::Model, agents: bool, key: &str, now: DateTime<Utc>) -> Result<CaseView, DbErr> {
    let mut q = case_message::Entity::find().filter(case_message::Column::CaseId.eq(c.id));
    if !agents {
        q = q.filter(case_message::Column::Internal.eq(false));
    }
    let messages = q.order_by_asc(case_message::Column::Id).all(db).await?;
    let ids: Vec<i32> = messages.iter().filter_map(|m| m.author_user_id).chain(c.assignee_user_id).collect();
    let names: HashMap<i32, String> =
        user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let name = |id: Option<i32>| id.and_then(|i| names.get(&i).cloned()).unwrap_or_default();
    Ok(CaseView {
        id: c.id,
        kind: c.kind,
        status: c.status,
        question: c.question,
        answer_given: if agents { c.answer_given } else { String::new() },
        email: c.email,
        order_id: c.order_id,
        created_at: c.created_at,
        due_at: c.due_at,
        overdue: overdue(c.status, c.due_at, now),
        assignee: agents.then(|| name(c.assignee_user_id)).filter(|n| !n.is_empty()),
        messages: messages
            .into_iter()
            .map(|m| CaseMessageView {
                author: m.author,
                internal: m.internal,
                // Shoppers see "Customer support", not the agent's name.
                who: if agents { name(m.author_user_id) } else { String::new() },
                body: m.body,
                at: m.created_at,
            })
            .collect(),
        key: key.to_owned(),
        channels: super::hours::channels(now),
    })
}

/// The case page for its shopper (internal notes left out); `None` for anyone else.
pub async fn for_shopper<C: ConnectionTrait>(db: &C, id: i32, key: &str, account: Option<i32>, now: DateTime<Utc>) -> Result<Option<CaseView>, DbErr> {
    match owned(db, id, key, account).await? {
        Some(c) => Ok(Some(view(db, c, false, key, now).await?)),
        None => Ok(None),
    }
}

/// The shopper writes again: the case waits for support again.
pub async fn shopper_reply<C: ConnectionTrait>(db: &C, id: i32, key: &str, account: Option<i32>, body: &str, now: DateTime<Utc>) -> Result<(), CaseError> {
    let body = message(body).map_err(CaseError::Message)?;
    let c = owned(db, id, key, account).await?.ok_or(CaseError::NotFound)?;
    add_message(db, c.id, CaseAuthor::Shopper, account, false, &body, now).await?;
    support_case::Entity::update_many()
        .col_expr(support_case::Column::Status, Expr::value(CaseStatus::Open))
        .col_expr(support_case::Column::UpdatedAt, Expr::value(now))
        .filter(support_case::Column::Id.eq(c.id))
        .exec(db)
        .await?;
    Ok(())
}

/// The agents' queue: open cases first, soonest due first; then the rest, newest first.
pub async fn queue<C: ConnectionTrait>(db: &C, filter: &QueueFilter, agent: i32, now: DateTime<Utc>) -> Result<Vec<QueueRow>, DbErr> {
    let mut q = support_case::Entity::find();
    if let Some(s) = filter.status {
        q = q.filter(support_case::Column::Status.eq(s));
    }
    if let Some(k) = filter.kind {
        q = q.filter(support_case::Column::Kind.eq(k));
    }
    if filter.mine {
        q = q.filter(support_case::Column::AssigneeUserId.eq(agent));
    }
    if filter.overdue {
        q = q.filter(support_case::Column::Status.eq(CaseStatus::Open)).filter(support_case::Column::DueAt.lt(now));
    }
    let mut rows = q.order_by_asc(support_case::Column::DueAt).all(db).await?;
    rows.sort_by_key(|c| (c.status != CaseStatus::Open, if c.status == CaseStatus::Open { c.due_at.timestamp() } else { -c.updated_at.timestamp() }));
    rows.truncate(200);
    let ids: Vec<i32> = rows.iter().filter_map(|c| c.assignee_user_id).collect();
    let names: HashMap<i32, String> =
        user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    Ok(rows
        .into_iter()
        .map(|c| QueueRow {
            id: c.id,
            kind: c.kind,
            status: c.status,
            overdue: overdue(c.status, c.due_at, now),
            email: c.email,
            question: c.question.chars().take(140).collect(),
            due_at: c.due_at,
            assignee: c.assignee_user_id.and_then(|i| names.get(&i).cloned()),
        })
        .collect())
}

/// A case with everything, for agents.
pub async fn for_agent<C: ConnectionTrait>(db: &C, id: i32, now: DateTime<Utc>) -> Result<Option<CaseView>, DbErr> {
    match support_case::Entity::find_by_id(id).one(db).await? {
        Some(c) => Ok(Some(view(db, c, true, "", now).await?)),
        None => Ok(None),
    }
}

/// What an agent does with a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentAction<'a> {
    AssignToMe,
    /// Reaches the shopper by e-mail and on the case page; the case waits for them.
    Reply(&'a str),
    /// For agents only.
    Note(&'a str),
    Close,
}

/// Takes an agent's action on a case.
pub async fn act<C: ConnectionTrait>(db: &C, id: i32, agent: i32, action: AgentAction<'_>, now: DateTime<Utc>) -> Result<(), CaseError> {
    let c = support_case::Entity::find_by_id(id).one(db).await?.ok_or(CaseError::NotFound)?;
    let set = |col: support_case::Column, value: sea_orm::Value| {
        support_case::Entity::update_many()
            .col_expr(col, Expr::value(value))
            .col_expr(support_case::Column::UpdatedAt, Expr::value(now))
            .filter(support_case::Column::Id.eq(c.id))
    };
    match action {
        AgentAction::AssignToMe => {
            set(support_case::Column::AssigneeUserId, Some(agent).into()).exec(db).await?;
        }
        AgentAction::Close => {
            set(support_case::Column::Status, CaseStatus::Closed.code().into()).exec(db).await?;
        }
        AgentAction::Note(body) => {
            let body = message(body).map_err(CaseError::Message)?;
            add_message(db, c.id, CaseAuthor::Agent, Some(agent), true, &body, now).await?;
        }
        AgentAction::Reply(body) => {
            let body = message(body).map_err(CaseError::Message)?;
            let m = add_message(db, c.id, CaseAuthor::Agent, Some(agent), false, &body, now).await?;
            set(support_case::Column::Status, CaseStatus::Answered.code().into()).exec(db).await?;
            let lang = Lang::from_code(&c.lang).unwrap_or_default();
            let t = crate::i18n::area::AreaTextsRef::of(lang).texts;
            let n = c.id.to_string();
            let url = format!("{}/{}/help/cases/{}", crate::orders::service::public_url(), lang.code(), c.id);
            let email = crate::orders::email::Email::paragraphs(
                lang,
                fill(t.case_mail_reply_subject, &[("n", &n)]),
                &[body, t.case_mail_reply_how.to_owned()],
                Some((t.case_mail_link, &url)),
            );
            crate::outbox::enqueue(
                db,
                crate::outbox::NewMessage { dedupe_key: format!("case-reply:{m}"), kind: "case_reply", lang, to: c.email.clone(), email },
                now,
            )
            .await?;
        }
    }
    Ok(())
}
