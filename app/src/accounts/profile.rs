//! The account's own data: profile (name, phone, language), saved addresses, a new e-mail
//! address confirmed by a code sent to it, the consent history, the export of everything held,
//! and deleting the account. Every function takes the `SignedIn` guard: it acts only on the
//! account of the request.

use super::service::{check_code_for, find_by_email, queue_code, verify_password, AccountError};
use super::visitor::SignedIn;
use super::{rules, AddressView, CodePurpose, ConsentKind, ConsentView, Field, FormState, Problem, ProfileView};
use crate::checkout::validate::{normalize_phone, validate_address, FieldError};
use crate::db::entity::{address, auth_code, cart, consent, order, session, user, user_role};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

/// The terms a new account agrees to, by version (recorded in `consents`).
pub const TERMS_VERSION: &str = "terms-2026-11";
/// At most this many saved addresses per account.
pub const MAX_ADDRESSES: u64 = 10;

async fn account<C: ConnectionTrait>(db: &C, who: &SignedIn) -> Result<user::Model, DbErr> {
    user::Entity::find_by_id(who.user_id())
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("the signed-in account".into()))
}

/// Records an agreement or a withdrawal.
pub async fn record_consent<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    kind: ConsentKind,
    granted: bool,
    version: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    consent::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind),
        granted: Set(granted),
        version: Set(version.to_owned()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The profile page's data.
pub async fn profile<C: ConnectionTrait>(db: &C, who: &SignedIn) -> Result<ProfileView, DbErr> {
    let a = account(db, who).await?;
    let addresses = address::Entity::find()
        .filter(address::Column::UserId.eq(a.id))
        .order_by_asc(address::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| AddressView { id: r.id, street: r.street, city: r.city, postal_code: r.postal_code, county: r.county })
        .collect();
    Ok(ProfileView { email: a.email, name: a.name, phone: a.phone, lang: Lang::from_code(&a.lang).unwrap_or_default(), addresses })
}

/// Saves name, phone (optional; EU numbers, kept in E.164) and language.
pub async fn save_profile<C: ConnectionTrait>(
    db: &C,
    who: &SignedIn,
    name: &str,
    phone: &str,
    lang: Lang,
) -> Result<(), Vec<FieldError>> {
    use crate::checkout::validate::{Field as F, Problem as P};
    let mut errors = Vec::new();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > 120 || name.chars().any(char::is_control) {
        errors.push(FieldError { field: F::Name, problem: P::TooLong { max: 120 } });
    }
    let phone = if phone.trim().is_empty() {
        String::new()
    } else {
        normalize_phone(phone).unwrap_or_else(|problem| {
            errors.push(FieldError { field: F::Phone, problem });
            String::new()
        })
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    user::Entity::update_many()
        .col_expr(user::Column::Name, Expr::value(name))
        .col_expr(user::Column::Phone, Expr::value(phone))
        .col_expr(user::Column::Lang, Expr::value(lang.code()))
        .filter(user::Column::Id.eq(who.user_id()))
        .exec(db)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "saving a profile");
            vec![]
        })?;
    Ok(())
}

/// Saves a delivery address (checked as the checkout checks it; at most ten).
pub async fn add_address<C: ConnectionTrait>(
    db: &C,
    who: &SignedIn,
    street: &str,
    city: &str,
    postal_code: &str,
    county: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Vec<FieldError>>, DbErr> {
    let (street, city, postal_code, county) = match validate_address(street, city, postal_code, county) {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    if address::Entity::find().filter(address::Column::UserId.eq(who.user_id())).count(db).await? >= MAX_ADDRESSES {
        return Ok(Err(vec![FieldError {
            field: crate::checkout::validate::Field::Street,
            problem: crate::checkout::validate::Problem::TooLong { max: MAX_ADDRESSES as usize },
        }]));
    }
    address::ActiveModel {
        user_id: Set(who.user_id()),
        street: Set(street),
        city: Set(city),
        postal_code: Set(postal_code),
        county: Set(county.code().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Ok(()))
}

/// Removes one of the account's addresses; `false` when it has no such address (another
/// account's id reads the same as a missing one).
pub async fn remove_address<C: ConnectionTrait>(db: &C, who: &SignedIn, id: i32) -> Result<bool, DbErr> {
    let done = address::Entity::delete_many()
        .filter(address::Column::Id.eq(id))
        .filter(address::Column::UserId.eq(who.user_id()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Step one of a new e-mail address: a code is sent to the new address (nothing changes yet).
/// An address another account has is refused with the same words as a malformed one would
/// not be: it says the address is taken, which only the owner of a confirmed account learns.
pub async fn request_email_change<C: ConnectionTrait>(
    db: &C,
    who: &SignedIn,
    new_email: &str,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<String, AccountError> {
    let typed = new_email.trim().to_owned();
    let refuse = |p| AccountError::Form(FormState { email: typed.clone(), errors: vec![(Field::Email, p)], ..FormState::default() });
    let email = rules::account_email(new_email).map_err(|_| refuse(Problem::Email))?;
    let me = account(db, who).await?;
    if email == me.email {
        return Err(refuse(Problem::SameEmail));
    }
    if find_by_email(db, &email).await?.is_some() {
        return Err(refuse(Problem::EmailTaken));
    }
    let to = user::Model { email: email.clone(), ..me };
    queue_code(db, &to, CodePurpose::EmailChange, lang, base_url, now).await?;
    Ok(email)
}

/// Step two: the code from the new address; the account's e-mail becomes it.
pub async fn confirm_email_change<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    who: &SignedIn,
    code: &str,
    client: Option<&str>,
    now: DateTime<Utc>,
) -> Result<String, AccountError> {
    let me = account(db, who).await?;
    let pending = auth_code::Entity::find()
        .filter(auth_code::Column::UserId.eq(me.id))
        .filter(auth_code::Column::Purpose.eq(CodePurpose::EmailChange))
        .filter(auth_code::Column::UsedAt.is_null())
        .order_by_desc(auth_code::Column::Id)
        .one(db)
        .await?;
    let refuse = |p| AccountError::Form(FormState { errors: vec![(Field::Code, p)], ..FormState::default() });
    let Some(pending) = pending else { return Err(refuse(Problem::WrongCode)) };
    let txn = crate::db::begin(db).await?;
    if let Err(problem) = check_code_for(&txn, &me, CodePurpose::EmailChange, code, client, now).await? {
        txn.commit().await?;
        return Err(refuse(problem));
    }
    if find_by_email(&txn, &pending.email).await?.is_some() {
        return Err(refuse(Problem::EmailTaken));
    }
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(pending.email.clone()))
        .col_expr(user::Column::EmailConfirmedAt, Expr::value(now))
        .filter(user::Column::Id.eq(me.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(pending.email)
}

/// The consent history, newest first.
pub async fn consents<C: ConnectionTrait>(db: &C, who: &SignedIn) -> Result<Vec<ConsentView>, DbErr> {
    Ok(consent::Entity::find()
        .filter(consent::Column::UserId.eq(who.user_id()))
        .order_by_desc(consent::Column::At)
        .order_by_desc(consent::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ConsentView { kind: c.kind, granted: c.granted, version: c.version, at: c.at })
        .collect())
}

/// Everything held about the account, as one JSON document: profile, addresses, orders with
/// their lines, consents, sessions (when and from what browser; never the tokens), roles.
pub async fn export<C: ConnectionTrait>(db: &C, who: &SignedIn, now: DateTime<Utc>) -> Result<serde_json::Value, DbErr> {
    use serde_json::json;
    let me = account(db, who).await?;
    let profile = profile(db, who).await?;
    let orders = order::Entity::find().filter(order::Column::UserId.eq(me.id)).order_by_asc(order::Column::Id).all(db).await?;
    let ids: Vec<i32> = orders.iter().map(|o| o.id).collect();
    let lines = crate::db::entity::order_line::Entity::find()
        .filter(crate::db::entity::order_line::Column::OrderId.is_in(ids))
        .order_by_asc(crate::db::entity::order_line::Column::Id)
        .all(db)
        .await?;
    let sessions = session::Entity::find().filter(session::Column::UserId.eq(me.id)).order_by_asc(session::Column::Id).all(db).await?;
    let roles = user_role::Entity::find().filter(user_role::Column::UserId.eq(me.id)).all(db).await?;
    Ok(json!({
        "exported_at": now,
        "account": {
            "email": me.email,
            "email_confirmed_at": me.email_confirmed_at,
            "name": me.name,
            "phone": me.phone,
            "language": me.lang,
            "created_at": me.created_at,
            "roles": roles.iter().map(|r| r.role.code()).collect::<Vec<_>>(),
        },
        "addresses": profile.addresses.iter().map(|a| json!({
            "street": a.street, "city": a.city, "postal_code": a.postal_code, "county": a.county,
        })).collect::<Vec<_>>(),
        "orders": orders.iter().map(|o| json!({
            "id": o.id,
            "placed_at": o.placed_at,
            "status": o.status,
            "name": o.name, "email": o.email, "phone": o.phone,
            "street": o.street, "city": o.city, "postal_code": o.postal_code, "county": o.county,
            "goods_cents": o.goods_cents, "delivery_cents": o.delivery_cents, "total_cents": o.total_cents,
            "invoice_number": o.invoice_number,
            "lines": lines.iter().filter(|l| l.order_id == o.id).map(|l| json!({
                "title": l.title, "quantity": l.quantity, "unit_price_cents": l.unit_price_cents, "total_cents": l.total_cents,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "consents": consents(db, who).await?.iter().map(|c| json!({
            "kind": c.kind, "granted": c.granted, "version": c.version, "at": c.at,
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| json!({
            "signed_in_at": s.created_at, "last_seen_at": s.last_seen_at, "expires_at": s.expires_at,
            "remember": s.remember, "browser": s.user_agent,
        })).collect::<Vec<_>>(),
    }))
}

/// Deletes the account, after its password: the personal data is erased (name, phone,
/// addresses, consents, sessions, codes, roles, the cart), the address is freed for a new
/// registration, and orders stay for the accounting period (invoices must) without the link to
/// the account. The row itself stays, empty, so nothing that pointed at it breaks.
pub async fn delete_account<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    who: &SignedIn,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let me = account(db, who).await?;
    let good = match me.password_hash.clone() {
        Some(h) => verify_password(h, password.to_owned()).await,
        None => false,
    };
    if !good {
        return Err(AccountError::Form(FormState { errors: vec![(Field::Password, Problem::WrongPassword)], ..FormState::default() }));
    }
    let txn = crate::db::begin(db).await?;
    let id = me.id;
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(format!("deleted-{id}")))
        .col_expr(user::Column::EmailConfirmedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(user::Column::PasswordHash, Expr::value(Option::<String>::None))
        .col_expr(user::Column::Name, Expr::value(""))
        .col_expr(user::Column::Phone, Expr::value(""))
        .col_expr(user::Column::DeletedAt, Expr::value(now))
        .filter(user::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    order::Entity::update_many()
        .col_expr(order::Column::UserId, Expr::value(Option::<i32>::None))
        .filter(order::Column::UserId.eq(id))
        .exec(&txn)
        .await?;
    address::Entity::delete_many().filter(address::Column::UserId.eq(id)).exec(&txn).await?;
    consent::Entity::delete_many().filter(consent::Column::UserId.eq(id)).exec(&txn).await?;
    session::Entity::delete_many().filter(session::Column::UserId.eq(id)).exec(&txn).await?;
    auth_code::Entity::delete_many().filter(auth_code::Column::UserId.eq(id)).exec(&txn).await?;
    user_role::Entity::delete_many().filter(user_role::Column::UserId.eq(id)).exec(&txn).await?;
    // The login no longer acts for its seller (the seller and its other people stay).
    crate::db::entity::seller_member::Entity::delete_many()
        .filter(crate::db::entity::seller_member::Column::UserId.eq(id))
        .exec(&txn)
        .await?;
    // The cart goes with its lines (orders that came from it keep their own copies).
    if let Some(c) = cart::Entity::find().filter(cart::Column::UserId.eq(id)).one(&txn).await? {
        crate::db::entity::cart_line::Entity::delete_many().filter(crate::db::entity::cart_line::Column::CartId.eq(c.id)).exec(&txn).await?;
        cart::Entity::update_many()
            .col_expr(cart::Column::UserId, Expr::value(Option::<i32>::None))
            .col_expr(cart::Column::Draft, Expr::value(Option::<String>::None))
            .filter(cart::Column::Id.eq(c.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
