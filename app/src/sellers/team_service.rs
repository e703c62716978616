//! A seller's people on the database: members (`seller_members`) and invitations
//! (`seller_invitations`, see migration 13). Every function for a member is limited to the
//! member's own seller: another seller's member or invitation is "not found".

use super::area::Member;
use super::team::{
    join_state, usable, JoinPage, JoinState, PendingInvitation, TeamMember, TeamPage, TeamProblem, INVITATION_DAYS,
    PENDING_MAX,
};
use crate::db::entity::{seller, seller_invitation, seller_member, user};
use crate::i18n::{fill, Lang};
use crate::orders::email::Email;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("refused: {0:?}")]
    Refused(TeamProblem),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<TeamError> for crate::errors::AppError {
    fn from(e: TeamError) -> Self {
        match e {
            TeamError::Db(e) => e.into(),
            TeamError::NotFound => crate::errors::AppError::NotFound,
            TeamError::Refused(p) => crate::errors::AppError::BadRequest(format!("{p:?}")),
        }
    }
}

fn pending(seller_id: i32, now: DateTime<Utc>) -> sea_orm::Select<seller_invitation::Entity> {
    seller_invitation::Entity::find()
        .filter(seller_invitation::Column::SellerId.eq(seller_id))
        .filter(seller_invitation::Column::AcceptedAt.is_null())
        .filter(seller_invitation::Column::RevokedAt.is_null())
        .filter(seller_invitation::Column::ExpiresAt.gt(now))
}

/// The member's seller's people and waiting invitations.
pub async fn team<C: ConnectionTrait>(db: &C, me: &Member, now: DateTime<Utc>) -> Result<TeamPage, DbErr> {
    let members = seller_member::Entity::find()
        .filter(seller_member::Column::SellerId.eq(me.seller_id()))
        .order_by_asc(seller_member::Column::Id)
        .all(db)
        .await?;
    let accounts: std::collections::HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(members.iter().map(|m| m.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let invitations = pending(me.seller_id(), now).order_by_asc(seller_invitation::Column::Id).all(db).await?;
    Ok(TeamPage {
        seller_name: me.seller().name.clone(),
        members: members
            .iter()
            .filter_map(|m| {
                let u = accounts.get(&m.user_id)?;
                Some(TeamMember {
                    user_id: m.user_id,
                    email: u.email.clone(),
                    name: u.name.clone(),
                    added_at: m.added_at,
                    you: m.user_id == me.user_id(),
                })
            })
            .collect(),
        invitations: invitations
            .into_iter()
            .map(|i| PendingInvitation { id: i.id, email: i.email, created_at: i.created_at, expires_at: i.expires_at })
            .collect(),
        answer: None,
    })
}

/// Invites an address (a waiting invitation to it is replaced: its link stops working) and
/// e-mails the link; returns the address as kept.
pub async fn invite<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    me: &Member,
    lang: Lang,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<String, TeamError> {
    let email = crate::accounts::rules::account_email(typed).map_err(|_| TeamError::Refused(TeamProblem::EmailInvalid))?;
    let account = user::Entity::find().filter(user::Column::Email.eq(email.clone())).one(db).await?;
    let already = match &account {
        Some(u) => {
            seller_member::Entity::find()
                .filter(seller_member::Column::SellerId.eq(me.seller_id()))
                .filter(seller_member::Column::UserId.eq(u.id))
                .count(db)
                .await?
        }
        None => 0,
    };
    if already > 0 {
        return Err(TeamError::Refused(TeamProblem::AlreadyMember));
    }
    let txn = crate::db::begin(db).await?;
    seller_invitation::Entity::update_many()
        .col_expr(seller_invitation::Column::RevokedAt, Expr::value(now))
        .filter(seller_invitation::Column::SellerId.eq(me.seller_id()))
        .filter(seller_invitation::Column::Email.eq(email.clone()))
        .filter(seller_invitation::Column::AcceptedAt.is_null())
        .filter(seller_invitation::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if pending(me.seller_id(), now).count(&txn).await? as usize >= PENDING_MAX {
        return Err(TeamError::Refused(TeamProblem::TooManyPending));
    }
    let token = crate::server::random_token();
    let invitation = seller_invitation::ActiveModel {
        seller_id: Set(me.seller_id()),
        email: Set(email.clone()),
        token_hash: Set(crate::server::token_hash(&token)),
        invited_by: Set(me.user_id()),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(INVITATION_DAYS)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let t = lang.texts();
    let inviter = user::Entity::find_by_id(me.user_id()).one(&txn).await?.map(|u| if u.name.is_empty() { u.email } else { u.name });
    let values = [("seller", me.seller().name.as_str()), ("who", inviter.as_deref().unwrap_or("")), ("days", &INVITATION_DAYS.to_string())];
    let link = format!("{}/{}/seller/join?token={token}", crate::config::get_or_default().public_url_or_local(), lang.code());
    let mail = Email::paragraphs(
        lang,
        fill(t.mail_team_invite_subject, &values),
        &[fill(t.mail_team_invite, &values), fill(t.mail_team_invite_expiry, &values)],
        Some((t.mail_team_invite_open, &link)),
    );
    let m = crate::outbox::NewMessage {
        dedupe_key: format!("team-invite:{}", invitation.id),
        kind: "team_invite",
        lang,
        to: email.clone(),
        email: mail,
    };
    crate::outbox::enqueue(&txn, m, now).await?;
    txn.commit().await?;
    Ok(email)
}

/// Revokes a waiting invitation of the member's seller; returns its address.
pub async fn revoke<C: ConnectionTrait>(db: &C, me: &Member, id: i32, now: DateTime<Utc>) -> Result<String, TeamError> {
    let inv = seller_invitation::Entity::find_by_id(id)
        .filter(seller_invitation::Column::SellerId.eq(me.seller_id()))
        .one(db)
        .await?
        .ok_or(TeamError::NotFound)?;
    seller_invitation::Entity::update_many()
        .col_expr(seller_invitation::Column::RevokedAt, Expr::value(now))
        .filter(seller_invitation::Column::Id.eq(inv.id))
        .filter(seller_invitation::Column::AcceptedAt.is_null())
        .filter(seller_invitation::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(inv.email)
}

/// Removes a member of the member's seller (themselves too, unless they are the last one);
/// returns their e-mail. Their sessions lose the seller area at their next request.
pub async fn remove<C: ConnectionTrait + TransactionTrait>(db: &C, me: &Member, user_id: i32) -> Result<String, TeamError> {
    let txn = crate::db::begin(db).await?;
    // The seller's row is written first: removals of one seller's members take turns (of two
    // members removing each other at once, the second sees one member left and is refused).
    seller::Entity::update_many()
        .col_expr(seller::Column::Id, Expr::col(seller::Column::Id))
        .filter(seller::Column::Id.eq(me.seller_id()))
        .exec(&txn)
        .await?;
    let row = seller_member::Entity::find()
        .filter(seller_member::Column::SellerId.eq(me.seller_id()))
        .filter(seller_member::Column::UserId.eq(user_id))
        .one(&txn)
        .await?
        .ok_or(TeamError::NotFound)?;
    let count = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(me.seller_id())).count(&txn).await?;
    if count <= 1 {
        return Err(TeamError::Refused(TeamProblem::LastMember));
    }
    seller_member::Entity::delete_by_id(row.id).exec(&txn).await?;
    let email = user::Entity::find_by_id(user_id).one(&txn).await?.map(|u| u.email).unwrap_or_default();
    txn.commit().await?;
    Ok(email)
}

async fn open_invitation<C: ConnectionTrait>(
    db: &C,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(seller_invitation::Model, seller::Model)>, DbErr> {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some(inv) = seller_invitation::Entity::find()
        .filter(seller_invitation::Column::TokenHash.eq(crate::server::token_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !usable(inv.expires_at, inv.accepted_at.is_some(), inv.revoked_at.is_some(), now) {
        return Ok(None);
    }
    Ok(seller::Entity::find_by_id(inv.seller_id).one(db).await?.map(|s| (inv, s)))
}

/// What an invitation link leads to for the visitor (`who`: account id and e-mail).
pub async fn join_page<C: ConnectionTrait>(db: &C, who: Option<(i32, &str)>, token: &str, now: DateTime<Utc>) -> Result<JoinPage, DbErr> {
    let Some((inv, s)) = open_invitation(db, token, now).await? else {
        return Ok(JoinPage { seller_name: None, email: None, state: JoinState::Invalid });
    };
    let theirs = match who {
        Some((user_id, _)) => super::applications::member_of(db, user_id).await?,
        None => None,
    };
    let state = join_state(&inv.email, s.id, who.map(|(_, email)| (email, theirs.as_ref().map(|t| (t.id, t.name.as_str())))));
    Ok(JoinPage { seller_name: Some(s.name), email: Some(inv.email), state })
}

/// Joins the invitation's seller with the account (`user_id`, `email`) when [`join_page`] says
/// it may; the invitation is used once (of two clicks or two browsers, one joins).
pub async fn join<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    user_id: i32,
    email: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<JoinPage, DbErr> {
    let page = join_page(db, Some((user_id, email)), token, now).await?;
    if page.state != JoinState::Open {
        return Ok(page);
    }
    let Some((inv, _)) = open_invitation(db, token, now).await? else {
        return Ok(JoinPage { state: JoinState::Invalid, ..page });
    };
    let txn = crate::db::begin(db).await?;
    let used = seller_invitation::Entity::update_many()
        .col_expr(seller_invitation::Column::AcceptedAt, Expr::value(now))
        .col_expr(seller_invitation::Column::AcceptedBy, Expr::value(user_id))
        .filter(seller_invitation::Column::Id.eq(inv.id))
        .filter(seller_invitation::Column::AcceptedAt.is_null())
        .filter(seller_invitation::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Ok(JoinPage { state: JoinState::Invalid, ..page });
    }
    // `user_id` is unique among members: an account that joined another seller meanwhile fails here.
    let added = seller_member::ActiveModel {
        seller_id: Set(inv.seller_id),
        user_id: Set(user_id),
        added_at: Set(now),
        added_by: Set(Some(inv.invited_by)),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match added {
        Ok(_) => {
            txn.commit().await?;
            Ok(JoinPage { state: JoinState::Joined, ..page })
        }
        Err(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
            drop(txn);
            join_page(db, Some((user_id, email)), token, now).await
        }
        Err(e) => Err(e),
    }
}
