//! Applications to sell, stored and decided (the rules are in `onboarding`). An account has at
//! most one application; it edits it until an administrator decides. Approving makes the
//! seller and its first member (the applicant) in the same transaction as the decision, the
//! audit entry and the e-mail to the applicant; of two administrators deciding at once, one
//! decides and the other is told the application changed.

use super::onboarding::{
    decision_message, validate, Application, ApplicationForm, ApplicationRow, ApplicationStatus, Decision, FieldError,
    Problem,
};
use crate::accounts::visitor::{Administrator, SignedIn};
use crate::admin::audit;
use crate::catalog::SellerStatus;
use crate::db::entity::{seller, seller_application, seller_member, user};
use crate::delivery::local_time::to_tallinn;
use crate::i18n::{fill, Lang};
use crate::orders::email::Email;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
    TransactionSession, TransactionTrait,
};

/// Why an application was not stored.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// Problems with what was typed: nothing was stored.
    #[error("invalid application: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Decided already: it can no longer be edited.
    #[error("the application is {0:?}")]
    Closed(ApplicationStatus),
    /// The account already acts for a seller.
    #[error("already a seller's member")]
    AlreadyMember,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Why a decision was not taken.
#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("no such application")]
    NotFound,
    /// Someone decided it meanwhile, or the applicant has not resubmitted it yet.
    #[error("the application is {0:?}")]
    NotAllowed(ApplicationStatus),
    /// The message to the applicant is missing or too long.
    #[error("message: {0:?}")]
    Message(Problem),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The account's application, if it has one.
pub async fn application_of<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Option<seller_application::Model>, DbErr> {
    seller_application::Entity::find().filter(seller_application::Column::UserId.eq(user_id)).one(db).await
}

/// The seller the account acts for, if any.
pub async fn member_of<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Option<seller::Model>, DbErr> {
    let Some(m) = seller_member::Entity::find().filter(seller_member::Column::UserId.eq(user_id)).one(db).await? else {
        return Ok(None);
    };
    seller::Entity::find_by_id(m.seller_id).one(db).await
}

/// The stored application as the form shows it again.
pub fn stored_form(a: &seller_application::Model) -> ApplicationForm {
    Application {
        company_name: a.company_name.clone(),
        country: a.country.clone(),
        registry_code: a.registry_code.clone(),
        vat_number: a.vat_number.clone(),
        street: a.street.clone(),
        city: a.city.clone(),
        postal_code: a.postal_code.clone(),
        contact_name: a.contact_name.clone(),
        email: a.email.clone(),
        phone: a.phone.clone(),
        iban: a.iban.clone(),
    }
    .to_form()
}

/// A submitted application's row (no id: a new one, or set by the caller to replace one).
pub fn submitted_row(user_id: i32, a: Application, now: DateTime<Utc>) -> seller_application::ActiveModel {
    seller_application::ActiveModel {
        user_id: Set(user_id),
        status: Set(ApplicationStatus::Submitted),
        company_name: Set(a.company_name),
        country: Set(a.country),
        registry_code: Set(a.registry_code),
        vat_number: Set(a.vat_number),
        street: Set(a.street),
        city: Set(a.city),
        postal_code: Set(a.postal_code),
        contact_name: Set(a.contact_name),
        email: Set(a.email),
        phone: Set(a.phone),
        iban: Set(a.iban),
        certified_at: Set(now),
        message: Set(None),
        submitted_at: Set(now),
        ..Default::default()
    }
}

/// Submits the account's application, or its edited version while it is still open. Nothing
/// is stored when any field is wrong.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    who: &SignedIn,
    lang: Lang,
    form: &ApplicationForm,
    now: DateTime<Utc>,
) -> Result<seller_application::Model, ApplyError> {
    let a = validate(form).map_err(ApplyError::Invalid)?;
    let txn = crate::db::begin(db).await?;
    if member_of(&txn, who.user_id()).await?.is_some() {
        return Err(ApplyError::AlreadyMember);
    }
    let before = application_of(&txn, who.user_id()).await?;
    if let Some(b) = &before {
        if !b.status.editable() {
            return Err(ApplyError::Closed(b.status));
        }
    }
    let mut row = submitted_row(who.user_id(), a, now);
    let stored = match &before {
        Some(b) => {
            row.id = Set(b.id);
            row.update(&txn).await?
        }
        None => {
            row.created_at = Set(now);
            match row.insert(&txn).await {
                Ok(r) => r,
                // The same account's other post (a double click, a second browser) came first.
                Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    drop(txn);
                    return application_of(db, who.user_id()).await?.ok_or(ApplyError::Db(e));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let t = lang.texts();
    let email = Email::paragraphs(
        lang,
        fill(t.mail_apply_received_subject, &[("company", &stored.company_name)]),
        &[fill(t.mail_apply_received, &[("company", &stored.company_name)])],
        None,
    );
    let receipt = crate::outbox::NewMessage {
        dedupe_key: format!("application:{}:submitted:{}", stored.id, now.timestamp_micros()),
        kind: "application_received",
        lang,
        to: who.visitor().email().to_owned(),
        email,
    };
    crate::outbox::enqueue(&txn, receipt, now).await?;
    txn.commit().await?;
    Ok(stored)
}

/// Every open application (oldest first), then the latest `decided` decided ones, each with
/// its applicant's e-mail and, once approved, its seller's slug.
pub async fn for_administrators<C: ConnectionTrait>(
    db: &C,
    _admin: &Administrator,
    decided: u64,
) -> Result<Vec<ApplicationRow>, DbErr> {
    let open = [ApplicationStatus::Submitted, ApplicationStatus::ChangesRequested];
    let mut rows = seller_application::Entity::find()
        .filter(seller_application::Column::Status.is_in(open))
        .order_by_asc(seller_application::Column::SubmittedAt)
        .order_by_asc(seller_application::Column::Id)
        .all(db)
        .await?;
    rows.extend(
        seller_application::Entity::find()
            .filter(seller_application::Column::Status.is_not_in(open))
            .order_by_desc(seller_application::Column::DecidedAt)
            .order_by_desc(seller_application::Column::Id)
            .limit(decided)
            .all(db)
            .await?,
    );
    let emails = crate::accounts::service::emails_of(db, rows.iter().map(|r| r.user_id)).await?;
    let seller_ids: Vec<i32> = rows.iter().filter_map(|r| r.seller_id).collect();
    let slugs: Vec<(i32, String)> = seller::Entity::find()
        .select_only()
        .column(seller::Column::Id)
        .column(seller::Column::Slug)
        .filter(seller::Column::Id.is_in(seller_ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ApplicationRow {
            id: r.id,
            status: r.status,
            form: stored_form(&r),
            applicant_email: emails.get(&r.user_id).cloned().unwrap_or_default(),
            message: r.message.clone(),
            submitted_at: r.submitted_at,
            seller_slug: r.seller_id.and_then(|s| slugs.iter().find(|(id, _)| *id == s).map(|(_, slug)| slug.clone())),
        })
        .collect())
}

/// An administrator's decision on an application. Approving makes the seller (active, trading
/// from today) with the applicant as its first member.
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    admin: &Administrator,
    application_id: i32,
    decision: Decision,
    message: &str,
    now: DateTime<Utc>,
) -> Result<seller_application::Model, DecideError> {
    let message = if decision.needs_message() {
        Some(decision_message(message).map_err(DecideError::Message)?)
    } else {
        None
    };
    let txn = crate::db::begin(db).await?;
    let a = seller_application::Entity::find_by_id(application_id).one(&txn).await?.ok_or(DecideError::NotFound)?;
    if !decision.allowed_from(a.status) {
        return Err(DecideError::NotAllowed(a.status));
    }
    let status = match decision {
        Decision::Approve => ApplicationStatus::Approved,
        Decision::AskChanges => ApplicationStatus::ChangesRequested,
        Decision::Reject => ApplicationStatus::Rejected,
    };
    // Only from the status just read: of two administrators, the second changes nothing.
    let moved = seller_application::Entity::update_many()
        .col_expr(seller_application::Column::Status, Expr::value(status))
        .col_expr(seller_application::Column::Message, Expr::value(message.clone()))
        .col_expr(seller_application::Column::DecidedAt, Expr::value(now))
        .col_expr(seller_application::Column::DecidedBy, Expr::value(admin.user_id()))
        .filter(seller_application::Column::Id.eq(a.id))
        .filter(seller_application::Column::Status.eq(a.status))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(DecideError::NotAllowed(a.status));
    }
    let seller = match decision {
        Decision::Approve => Some(make_seller(&txn, &a, now).await?),
        _ => None,
    };
    if let Some(s) = &seller {
        seller_application::Entity::update_many()
            .col_expr(seller_application::Column::SellerId, Expr::value(s.id))
            .filter(seller_application::Column::Id.eq(a.id))
            .exec(&txn)
            .await?;
    }
    let action = match decision {
        Decision::Approve => audit::Action::ApplicationApprove,
        Decision::AskChanges => audit::Action::ApplicationAskChanges,
        Decision::Reject => audit::Action::ApplicationReject,
    };
    let detail = match &seller {
        Some(s) => format!("{} → seller:{}", a.company_name, s.id),
        None => format!("{}: {}", a.company_name, message.as_deref().unwrap_or_default()),
    };
    audit::record(&txn, admin, action, &format!("application:{}", a.id), &detail, now).await?;
    tell_applicant(&txn, &a, decision, message.as_deref(), seller.as_ref(), now).await?;
    let decided = seller_application::Entity::find_by_id(a.id).one(&txn).await?.ok_or(DecideError::NotFound)?;
    txn.commit().await?;
    Ok(decided)
}

/// The seller an approved application becomes, and its first member.
async fn make_seller<C: ConnectionTrait>(db: &C, a: &seller_application::Model, now: DateTime<Utc>) -> Result<seller::Model, DbErr> {
    let slug = free_slug(db, &crate::db::seed::slugify(&a.company_name)).await?;
    let s = seller::ActiveModel {
        slug: Set(slug),
        name: Set(a.company_name.clone()),
        legal_name: Set(a.company_name.clone()),
        registry_code: Set(a.registry_code.clone()),
        vat_number: Set(a.vat_number.clone().unwrap_or_default()),
        country: Set(a.country.clone()),
        street: Set(a.street.clone()),
        city: Set(a.city.clone()),
        postal_code: Set(a.postal_code.clone()),
        email: Set(a.email.clone()),
        phone: Set(a.phone.clone()),
        about: Set(String::new()),
        trading_since: Set(to_tallinn(now).date()),
        status: Set(SellerStatus::Active),
        created_at: Set(now),
        rating_stars_total: Set(0),
        review_count: Set(0),
        iban: Set(a.iban.clone()),
        contact_name: Set(a.contact_name.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    seller_member::ActiveModel {
        seller_id: Set(s.id),
        user_id: Set(a.user_id),
        added_at: Set(now),
        added_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(s)
}

/// `base`, or `base-2`, `base-3`, … : the first slug no seller has.
async fn free_slug<C: ConnectionTrait>(db: &C, base: &str) -> Result<String, DbErr> {
    let base = if base.is_empty() { "seller" } else { base };
    let taken: Vec<String> = seller::Entity::find()
        .select_only()
        .column(seller::Column::Slug)
        .filter(seller::Column::Slug.starts_with(base))
        .into_tuple()
        .all(db)
        .await?;
    let mut n = 1;
    loop {
        let candidate = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        if !taken.contains(&candidate) {
            return Ok(candidate);
        }
        n += 1;
    }
}

/// The applicant's e-mail about a decision, in the account's language.
async fn tell_applicant<C: ConnectionTrait>(
    db: &C,
    a: &seller_application::Model,
    decision: Decision,
    message: Option<&str>,
    seller: Option<&seller::Model>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(applicant) = user::Entity::find_by_id(a.user_id).one(db).await? else {
        return Ok(());
    };
    if applicant.deleted_at.is_some() {
        return Ok(());
    }
    let lang = Lang::from_code(&applicant.lang).unwrap_or_default();
    let t = lang.texts();
    let values = [("company", a.company_name.as_str())];
    let (subject, body) = match decision {
        Decision::Approve => (t.mail_apply_approved_subject, t.mail_apply_approved),
        Decision::AskChanges => (t.mail_apply_changes_subject, t.mail_apply_changes),
        Decision::Reject => (t.mail_apply_rejected_subject, t.mail_apply_rejected),
    };
    let mut paragraphs = vec![fill(body, &values)];
    if let Some(m) = message {
        paragraphs.push(m.to_owned());
    }
    let base = crate::config::get_or_default().public_url_or_local();
    let link = match seller {
        Some(_) => format!("{base}/{}/seller", lang.code()),
        None => format!("{base}/{}/sell", lang.code()),
    };
    let email = Email::paragraphs(lang, fill(subject, &values), &paragraphs, Some((t.mail_apply_open, &link)));
    let m = crate::outbox::NewMessage {
        dedupe_key: format!("application:{}:{}:{}", a.id, decision.code(), now.timestamp_micros()),
        kind: "application_decision",
        lang,
        to: applicant.email,
        email,
    };
    crate::outbox::enqueue(db, m, now).await
}
