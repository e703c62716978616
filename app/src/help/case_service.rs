//! Support cases in the database: opened by a shopper (signed in, or a guest by e-mail with a
//! key to the case page), answered by agents (replies reach the shopper by e-mail and on the
//! case page; internal notes never do), with the deadline kept on the row.

use super::cases::{due, message, overdue, sees, CaseAuthor, CaseFileView, CaseKind, CaseMessageView, CaseStatus, CaseView, FileProblem, MessageProblem, QueueFilter, QueueRow, Viewer};
use crate::db::entity::{case_decision, case_file, case_message, order, order_line, payment, refund, seller, shipment, support_case, user};
use crate::i18n::{fill, Lang};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
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
    #[error("outcome: {0}")]
    Outcome(super::outcomes::OutcomeError),
    /// Not a dispute about a paid order's shipment, or decided before.
    #[error("this case cannot be decided")]
    NotDecidable,
    #[error("file: {0}")]
    File(FileProblem),
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
    /// The shipment of `order_id` it is about (a dispute's; with none given and one shipment
    /// in the order, that one).
    pub shipment_id: Option<i32>,
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
    let shipments = match new.order_id {
        Some(order_id) => shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await?,
        None => Vec::new(),
    };
    let about = match new.shipment_id {
        Some(id) => shipments.iter().find(|s| s.id == id),
        None if shipments.len() == 1 => shipments.first(),
        None => None,
    };
    let row = support_case::ActiveModel {
        user_id: Set(new.user_id),
        email: Set(new.email.to_owned()),
        lang: Set(new.lang.code().to_owned()),
        kind: Set(new.kind),
        status: Set(CaseStatus::Open),
        question: Set(new.question.chars().take(super::MAX_QUESTION).collect()),
        answer_given: Set(new.answer_given.chars().take(2000).collect()),
        order_id: Set(new.order_id),
        shipment_id: Set(about.map(|s| s.id)),
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
    // The seller is asked for their side of a dispute, in Estonian (the platform's language with them).
    if let (CaseKind::Dispute, Some(s)) = (new.kind, about) {
        if let Some(seller) = seller::Entity::find_by_id(s.seller_id).one(db).await? {
            let te = crate::i18n::area::AreaTextsRef::of(Lang::Et).texts;
            let url = format!("{}/et/seller/disputes/{}", crate::orders::service::public_url(), row.id);
            let order = s.order_id.to_string();
            let email = crate::orders::email::Email::paragraphs(
                Lang::Et,
                fill(te.dispute_mail_seller_subject, &[("n", &n)]),
                &[fill(te.dispute_mail_seller, &[("n", &n), ("order", &order)])],
                Some((te.case_mail_link, &url)),
            );
            crate::outbox::enqueue(
                db,
                crate::outbox::NewMessage { dedupe_key: format!("dispute-opened:{}", row.id), kind: "dispute_opened", lang: Lang::Et, to: seller.email, email },
                now,
            )
            .await?;
        }
    }
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

async fn view<C: ConnectionTrait>(db: &C, c: support_case::Model, viewer: Viewer, key: &str, now: DateTime<Utc>) -> Result<CaseView, DbErr> {
    let agents = viewer == Viewer::Agent;
    let messages: Vec<case_message::Model> = case_message::Entity::find()
        .filter(case_message::Column::CaseId.eq(c.id))
        .order_by_asc(case_message::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| sees(viewer, c.kind, m.internal))
        .collect();
    let files: Vec<CaseFileView> = if sees(viewer, c.kind, false) {
        case_file::Entity::find()
            .select_only()
            .columns([case_file::Column::Id, case_file::Column::Author, case_file::Column::FileName, case_file::Column::Size, case_file::Column::CreatedAt])
            .filter(case_file::Column::CaseId.eq(c.id))
            .order_by_asc(case_file::Column::Id)
            .into_tuple::<(i32, CaseAuthor, String, i32, DateTime<Utc>)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(id, author, name, size, at)| CaseFileView { id, author, name, size, at })
            .collect()
    } else {
        Vec::new()
    };
    let ids: Vec<i32> = messages.iter().filter_map(|m| m.author_user_id).chain(c.assignee_user_id).collect();
    let names: HashMap<i32, String> =
        user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let name = |id: Option<i32>| id.and_then(|i| names.get(&i).cloned()).unwrap_or_default();
    // The order's shipments: for agents (to decide), and to name the shipment a case is about.
    let ships = match c.order_id.filter(|_| agents || c.shipment_id.is_some()) {
        Some(order_id) => shipment::Entity::find().filter(shipment::Column::OrderId.eq(order_id)).order_by_asc(shipment::Column::Id).all(db).await?,
        None => Vec::new(),
    };
    let sellers: HashMap<i32, String> = seller::Entity::find()
        .filter(seller::Column::Id.is_in(ships.iter().map(|s| s.seller_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let seller_of = |s: &shipment::Model| sellers.get(&s.seller_id).cloned().unwrap_or_default();
    Ok(CaseView {
        id: c.id,
        kind: c.kind,
        status: c.status,
        question: c.question,
        answer_given: if agents { c.answer_given } else { String::new() },
        // The shopper's address is for support (and the shopper), not the seller.
        email: if viewer == Viewer::Seller { String::new() } else { c.email },
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
                // Shoppers and sellers see "Customer support", not the agent's name.
                who: if agents { name(m.author_user_id) } else { String::new() },
                body: m.body,
                at: m.created_at,
            })
            .collect(),
        key: key.to_owned(),
        channels: super::hours::channels(now),
        decision: decision_of(db, c.id).await?,
        shipments: if agents { ships.iter().map(|s| (s.id, seller_of(s))).collect() } else { Vec::new() },
        shipment: c.shipment_id.and_then(|id| ships.iter().find(|s| s.id == id)).map(|s| (s.id, seller_of(s))),
        files,
        viewer,
        support_email: crate::config::get_or_default().shop_email.clone(),
    })
}

/// The case page for its shopper (internal notes left out); `None` for anyone else.
pub async fn for_shopper<C: ConnectionTrait>(db: &C, id: i32, key: &str, account: Option<i32>, now: DateTime<Utc>) -> Result<Option<CaseView>, DbErr> {
    match owned(db, id, key, account).await? {
        Some(c) => Ok(Some(view(db, c, Viewer::Shopper, key, now).await?)),
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

/// A case as a row of a list (the queue, the shopper's cases, the seller's disputes).
fn queue_row(c: support_case::Model, now: DateTime<Utc>, assignee: Option<String>) -> QueueRow {
    QueueRow {
        id: c.id,
        kind: c.kind,
        status: c.status,
        overdue: overdue(c.status, c.due_at, now),
        email: c.email,
        question: c.question.chars().take(140).collect(),
        due_at: c.due_at,
        assignee,
    }
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
        .map(|c| {
            let assignee = c.assignee_user_id.and_then(|i| names.get(&i).cloned());
            queue_row(c, now, assignee)
        })
        .collect())
}

/// A case with everything, for agents.
pub async fn for_agent<C: ConnectionTrait>(db: &C, id: i32, now: DateTime<Utc>) -> Result<Option<CaseView>, DbErr> {
    match support_case::Entity::find_by_id(id).one(db).await? {
        Some(c) => Ok(Some(view(db, c, Viewer::Agent, "", now).await?)),
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

/// The signed-in shopper's cases, newest first.
pub async fn of_account<C: ConnectionTrait>(db: &C, user_id: i32, now: DateTime<Utc>) -> Result<Vec<QueueRow>, DbErr> {
    Ok(support_case::Entity::find()
        .filter(support_case::Column::UserId.eq(user_id))
        .order_by_desc(support_case::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| queue_row(c, now, None))
        .collect())
}

/// A dispute about a shipment of `seller_id`, as that seller sees it; `None` for any other case.
async fn sellers_dispute<C: ConnectionTrait>(db: &C, id: i32, seller_id: i32) -> Result<Option<support_case::Model>, DbErr> {
    let Some(c) = support_case::Entity::find_by_id(id).filter(support_case::Column::Kind.eq(CaseKind::Dispute)).one(db).await? else {
        return Ok(None);
    };
    let Some(shipment_id) = c.shipment_id else { return Ok(None) };
    let theirs = shipment::Entity::find_by_id(shipment_id).filter(shipment::Column::SellerId.eq(seller_id)).one(db).await?.is_some();
    Ok(theirs.then_some(c))
}

/// The disputes about a seller's shipments, open ones first, newest first.
pub async fn disputes_of_seller<C: ConnectionTrait>(db: &C, seller_id: i32, now: DateTime<Utc>) -> Result<Vec<QueueRow>, DbErr> {
    use sea_orm::sea_query::Query;
    let theirs = Query::select().column(shipment::Column::Id).from(shipment::Entity).and_where(shipment::Column::SellerId.eq(seller_id)).to_owned();
    let mut rows = support_case::Entity::find()
        .filter(support_case::Column::Kind.eq(CaseKind::Dispute))
        .filter(support_case::Column::ShipmentId.in_subquery(theirs))
        .order_by_desc(support_case::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    rows.sort_by_key(|c| c.status == CaseStatus::Closed);
    Ok(rows
        .into_iter()
        // The shopper's address stays with support.
        .map(|c| QueueRow { email: String::new(), ..queue_row(c, now, None) })
        .collect())
}

/// A dispute about one of the seller's shipments; `None` for any other case.
pub async fn for_seller<C: ConnectionTrait>(db: &C, id: i32, seller_id: i32, now: DateTime<Utc>) -> Result<Option<CaseView>, DbErr> {
    match sellers_dispute(db, id, seller_id).await? {
        Some(c) => Ok(Some(view(db, c, Viewer::Seller, "", now).await?)),
        None => Ok(None),
    }
}

/// The seller states their side: both the shopper and support see it, and the case waits for
/// support again.
pub async fn seller_reply<C: ConnectionTrait>(db: &C, id: i32, seller_id: i32, user_id: i32, body: &str, now: DateTime<Utc>) -> Result<(), CaseError> {
    let body = message(body).map_err(CaseError::Message)?;
    let c = sellers_dispute(db, id, seller_id).await?.ok_or(CaseError::NotFound)?;
    add_message(db, c.id, CaseAuthor::Seller, Some(user_id), false, &body, now).await?;
    if c.status != CaseStatus::Closed {
        support_case::Entity::update_many()
            .col_expr(support_case::Column::Status, Expr::value(CaseStatus::Open))
            .col_expr(support_case::Column::UpdatedAt, Expr::value(now))
            .filter(support_case::Column::Id.eq(c.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Who adds a file to a case, once their right to it was checked.
pub enum Adder<'a> {
    /// By account or the case's key.
    Shopper { key: &'a str, account: Option<i32> },
    Seller { seller_id: i32, user_id: i32 },
    Agent { user_id: i32 },
}

/// Adds a file to a case: a photo or PDF (checked by its content), at most
/// [`super::cases::MAX_FILE_BYTES`], at most [`super::cases::MAX_FILES`] on a case. Returns the
/// case. Nothing is kept when refused.
pub async fn add_file<C: ConnectionTrait>(db: &C, id: i32, adder: Adder<'_>, name: &str, bytes: Vec<u8>, now: DateTime<Utc>) -> Result<i32, CaseError> {
    let (c, author, user_id) = match adder {
        Adder::Shopper { key, account } => (owned(db, id, key, account).await?, CaseAuthor::Shopper, account),
        Adder::Seller { seller_id, user_id } => (sellers_dispute(db, id, seller_id).await?, CaseAuthor::Seller, Some(user_id)),
        Adder::Agent { user_id } => (support_case::Entity::find_by_id(id).one(db).await?, CaseAuthor::Agent, Some(user_id)),
    };
    let c = c.ok_or(CaseError::NotFound)?;
    let content_type = super::cases::file_type(&bytes).map_err(CaseError::File)?;
    let count = case_file::Entity::find().filter(case_file::Column::CaseId.eq(c.id)).count(db).await?;
    if count >= super::cases::MAX_FILES {
        return Err(CaseError::File(FileProblem::TooMany));
    }
    let size = i32::try_from(bytes.len()).unwrap_or(i32::MAX);
    case_file::ActiveModel {
        case_id: Set(c.id),
        author: Set(author),
        author_user_id: Set(user_id),
        file_name: Set(super::cases::file_name(name)),
        content_type: Set(content_type.to_owned()),
        size: Set(size),
        content: Set(bytes),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(c.id)
}

/// Who asks for a case's file.
pub enum Downloader<'a> {
    Shopper { key: &'a str, account: Option<i32> },
    /// A signed-in account: an agent, or a member of the dispute's seller.
    Account { user_id: i32, agent: bool },
}

/// A case's file for someone allowed to see the case: its name, type and bytes.
pub async fn file_for<C: ConnectionTrait>(db: &C, file_id: i32, who: Downloader<'_>) -> Result<Option<case_file::Model>, DbErr> {
    let Some(f) = case_file::Entity::find_by_id(file_id).one(db).await? else { return Ok(None) };
    let allowed = match who {
        Downloader::Shopper { key, account } => owned(db, f.case_id, key, account).await?.is_some(),
        Downloader::Account { agent: true, .. } => true,
        Downloader::Account { user_id, agent: false } => {
            owned(db, f.case_id, "", Some(user_id)).await?.is_some()
                || match crate::sellers::applications::member_of(db, user_id).await? {
                    Some(s) => sellers_dispute(db, f.case_id, s.id).await?.is_some(),
                    None => false,
                }
        }
    };
    Ok(allowed.then_some(f))
}

async fn decision_of<C: ConnectionTrait>(db: &C, case_id: i32) -> Result<Option<super::cases::DecisionView>, DbErr> {
    Ok(case_decision::Entity::find().filter(case_decision::Column::CaseId.eq(case_id)).one(db).await?.map(|d| super::cases::DecisionView {
        outcomes: serde_json::from_str(&d.outcomes).unwrap_or_default(),
        refund_cents: d.refund_cents,
        refunded: d.refund_reference.is_some(),
        at: d.decided_at,
    }))
}

/// The decision in words, for the case's conversation and the e-mails.
pub fn decision_text(lang: Lang, outcomes: &[super::outcomes::Outcome], refund_cents: i64) -> String {
    let t = crate::i18n::area::AreaTextsRef::of(lang).texts;
    let mut lines = vec![t.decision_title.to_owned()];
    lines.extend(super::cases::outcome_lines(t, lang, outcomes, refund_cents));
    lines.join("\n- ")
}

/// Records an agent's decision in a dispute about one shipment of the case's (paid) order and
/// makes it take effect: the shipment cancelled (its stock back) when decided so, the case
/// closed with the decision written into its conversation (the shopper sees it and is
/// e-mailed), the seller e-mailed, a seller's suspension applied through the administrators'
/// rules (at once when the agent is an administrator, else sent to them), and after the
/// transaction the refund through the payment provider (its reference recorded with the
/// decision; a provider that fails leaves it for support to settle). One decision per case.
pub async fn decide<C: ConnectionTrait + sea_orm::TransactionTrait>(
    db: &C,
    case_id: i32,
    agent: &crate::accounts::visitor::SignedIn,
    shipment_id: i32,
    outcomes: &[super::outcomes::Outcome],
    provider: Option<&dyn crate::payment::provider::PaymentProvider>,
    now: DateTime<Utc>,
) -> Result<super::outcomes::Effects, CaseError> {
    use crate::orders::{OrderStatus, PaymentStatus, ShipmentStatus};
    use sea_orm::TransactionSession;
    let c = support_case::Entity::find_by_id(case_id).one(db).await?.ok_or(CaseError::NotFound)?;
    let order_id = c.order_id.filter(|_| c.kind == CaseKind::Dispute).ok_or(CaseError::NotDecidable)?;
    let s = shipment::Entity::find_by_id(shipment_id)
        .filter(shipment::Column::OrderId.eq(order_id))
        .one(db)
        .await?
        .ok_or(CaseError::NotDecidable)?;
    let o = order::Entity::find_by_id(order_id).one(db).await?.ok_or(CaseError::NotDecidable)?;
    if o.status != OrderStatus::Paid {
        return Err(CaseError::NotDecidable);
    }
    let refunded: i64 = refund::Entity::find().filter(refund::Column::ShipmentId.eq(s.id)).all(db).await?.iter().map(|r| r.amount_cents).sum();
    let effects = super::outcomes::decide(outcomes, s.status, s.goods_cents + s.fee_cents - refunded).map_err(CaseError::Outcome)?;
    let lang = Lang::from_code(&c.lang).unwrap_or_default();
    let text = decision_text(lang, outcomes, effects.refund_cents);
    let txn = crate::db::begin(db).await?;
    let written = case_decision::Entity::insert(case_decision::ActiveModel {
        case_id: Set(c.id),
        shipment_id: Set(s.id),
        outcomes: Set(serde_json::to_string(outcomes).map_err(|e| DbErr::Custom(e.to_string()))?),
        refund_cents: Set(effects.refund_cents),
        refund_reference: Set(None),
        decided_by: Set(agent.user_id()),
        decided_at: Set(now),
        ..Default::default()
    })
    .on_conflict(sea_orm::sea_query::OnConflict::column(case_decision::Column::CaseId).do_nothing().to_owned())
    .exec_without_returning(&txn)
    .await?;
    if written != 1 {
        txn.rollback().await?;
        return Err(CaseError::NotDecidable);
    }
    if effects.cancel_shipment {
        let done = shipment::Entity::update_many()
            .col_expr(shipment::Column::Status, Expr::value(ShipmentStatus::Cancelled))
            .col_expr(shipment::Column::StatusAt, Expr::value(now))
            .filter(shipment::Column::Id.eq(s.id))
            .filter(shipment::Column::Status.eq(s.status))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            txn.rollback().await?;
            return Err(CaseError::Outcome(super::outcomes::OutcomeError::CannotCancel));
        }
        let lines = order_line::Entity::find().filter(order_line::Column::ShipmentId.eq(s.id)).all(&txn).await?;
        crate::payment::service::return_stock(&txn, lines, now).await?;
    }
    let m = add_message(&txn, c.id, CaseAuthor::Agent, Some(agent.user_id()), false, &text, now).await?;
    support_case::Entity::update_many()
        .col_expr(support_case::Column::Status, Expr::value(CaseStatus::Closed))
        .col_expr(support_case::Column::UpdatedAt, Expr::value(now))
        .filter(support_case::Column::Id.eq(c.id))
        .exec(&txn)
        .await?;
    let t = crate::i18n::area::AreaTextsRef::of(lang).texts;
    let n = c.id.to_string();
    let shopper = crate::orders::email::Email::paragraphs(lang, fill(t.case_mail_reply_subject, &[("n", &n)]), std::slice::from_ref(&text), None);
    crate::outbox::enqueue(&txn, crate::outbox::NewMessage { dedupe_key: format!("case-reply:{m}"), kind: "case_decision", lang, to: c.email.clone(), email: shopper }, now).await?;
    let seller = seller::Entity::find_by_id(s.seller_id).one(&txn).await?;
    if let Some(seller) = &seller {
        // Sellers are written to in Estonian, the platform's language with them.
        let et = Lang::Et;
        let te = crate::i18n::area::AreaTextsRef::of(et).texts;
        let body = vec![fill(te.decision_seller_intro, &[("order", &o.id.to_string()), ("n", &n)]), decision_text(et, outcomes, effects.refund_cents)];
        let email = crate::orders::email::Email::paragraphs(et, fill(te.decision_seller_subject, &[("n", &n)]), &body, None);
        crate::outbox::enqueue(&txn, crate::outbox::NewMessage { dedupe_key: format!("case-decision-seller:{}", c.id), kind: "case_decision", lang: et, to: seller.email.clone(), email }, now).await?;
    }
    txn.commit().await?;

    // Suspensions and restrictions go through the administrators' rules: at once when the
    // agent is an administrator, else as a request to them (by e-mail to the shop).
    let admin = crate::accounts::visitor::Administrator::from_visitor(agent.visitor().clone());
    let standings = effects.suspend.iter().map(|p| (*p, true)).chain(effects.restrict.iter().map(|p| (*p, false)));
    for (party, suspend) in standings {
        let reason = format!("Dispute case {}: {}", c.id, text);
        let applied = match (party, suspend, &admin) {
            (super::outcomes::Party::Seller, true, Some(admin)) => {
                crate::admin::sellers::service::set_standing(db, admin, s.seller_id, crate::admin::sellers::Standing::Suspend, &reason, now)
                    .await
                    .map_err(|e| tracing::warn!(case = c.id, error = %e, "suspending the seller after a dispute failed"))
                    .is_ok()
            }
            (super::outcomes::Party::Buyer, _, Some(admin)) => {
                let buyer = match o.user_id {
                    Some(id) => Some(id),
                    None => crate::accounts::service::find_by_email(db, &o.email).await?.map(|u| u.id),
                };
                let standing = if suspend { crate::accounts::Standing::Suspended } else { crate::accounts::Standing::Restricted };
                match buyer {
                    Some(id) => crate::admin::users::service::set_standing(db, admin, id, standing, &reason, now)
                        .await
                        .map_err(|e| tracing::warn!(case = c.id, error = %e, "changing the buyer's standing after a dispute failed"))
                        .is_ok(),
                    // A guest has no account to hold back: the administrators decide what else to do.
                    None => false,
                }
            }
            _ => false,
        };
        if !applied {
            let cfg = crate::config::get_or_default();
            let who = match party {
                super::outcomes::Party::Seller => format!("seller {}", s.seller_id),
                super::outcomes::Party::Buyer => format!("buyer {} (order {})", o.email, o.id),
            };
            let what = if suspend { "Suspend" } else { "Restrict" };
            let email = crate::orders::email::Email::paragraphs(Lang::Et, format!("{what} {who} (dispute case {})", c.id), &[reason], None);
            let key = format!("case-standing:{}:{party:?}:{what}", c.id);
            crate::outbox::enqueue(db, crate::outbox::NewMessage { dedupe_key: key, kind: "case_suspension", lang: Lang::Et, to: cfg.shop_email.clone(), email }, now).await?;
        }
    }
    // The money goes back after the decision is kept.
    if effects.refund_cents > 0 {
        let paid = payment::Entity::find().filter(payment::Column::OrderId.eq(o.id)).filter(payment::Column::Status.eq(PaymentStatus::Paid)).one(db).await?;
        if let (Some(paid), Some(provider)) = (paid, provider) {
            match provider.refund(&paid.reference, effects.refund_cents).await {
                Ok(reference) => {
                    case_decision::Entity::update_many()
                        .col_expr(case_decision::Column::RefundReference, Expr::value(reference))
                        .filter(case_decision::Column::CaseId.eq(c.id))
                        .exec(db)
                        .await?;
                }
                Err(e) => tracing::error!(case = c.id, error = %e, "a dispute's refund failed; support must settle it"),
            }
        }
    }
    Ok(effects)
}
