//! Service tests of a seller's team, each on SQLite and PostgreSQL: a member invites a
//! colleague by e-mail (the e-mail with the link is queued), the colleague joins with an account
//! of that address (another account, a signed-out visitor, a used or revoked link cannot), a
//! member is removed but never the last one; another seller's member or invitation is "not
//! found" and stays.

mod support;

use app::db::entity::{outbox, seller_invitation, seller_member, user};
use app::i18n::Lang;
use app::sellers::area::{for_account, Member};
use app::sellers::team::{JoinState, TeamProblem};
use app::sellers::team_service::{invite, join, join_page, remove, revoke, team, TeamError};
use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

async fn member_of(db: &DatabaseConnection, nth: usize) -> Member {
    let m = seller_member::Entity::find().order_by_asc(seller_member::Column::SellerId).all(db).await.unwrap();
    let mut sellers: Vec<i32> = m.iter().map(|x| x.seller_id).collect();
    sellers.dedup();
    let row = m.iter().find(|x| x.seller_id == sellers[nth]).unwrap();
    for_account(db, row.user_id).await.unwrap().unwrap()
}

/// The token in the newest invitation e-mail to `to`.
async fn token_sent_to(db: &DatabaseConnection, to: &str) -> String {
    let mail = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(to))
        .filter(outbox::Column::Kind.eq("team_invite"))
        .order_by_desc(outbox::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("an invitation e-mail");
    let at = mail.body_text.find("token=").expect("a link with a token") + 6;
    mail.body_text[at..at + 32].to_owned()
}

async fn invited_colleague_joins(db: &DatabaseConnection) {
    support::seeded(db).await;
    let me = member_of(db, 0).await;
    let other = member_of(db, 1).await;
    let now = Utc::now();
    assert!(matches!(invite(db, &me, Lang::Et, "not an address", now).await, Err(TeamError::Refused(TeamProblem::EmailInvalid))));
    let own_email = user::Entity::find_by_id(me.user_id()).one(db).await.unwrap().unwrap().email;
    assert!(matches!(invite(db, &me, Lang::Et, &own_email, now).await, Err(TeamError::Refused(TeamProblem::AlreadyMember))));
    assert_eq!(invite(db, &me, Lang::Et, " Kolleeg@Firma.EE ", now).await.unwrap(), "kolleeg@firma.ee");
    let first = token_sent_to(db, "kolleeg@firma.ee").await;
    // Invited again: the first link stops working.
    invite(db, &me, Lang::Et, "kolleeg@firma.ee", now).await.unwrap();
    let token = token_sent_to(db, "kolleeg@firma.ee").await;
    assert_ne!(first, token);
    assert_eq!(join_page(db, None, &first, now).await.unwrap().state, JoinState::Invalid);
    let page = team(db, &me, now).await.unwrap();
    assert_eq!(page.invitations.len(), 1);

    // Signed out; another account; then the invited one.
    assert_eq!(join_page(db, None, &token, now).await.unwrap().state, JoinState::SignedOut);
    let stranger = support::confirmed_account(db, "jaan@example.ee").await;
    assert_eq!(
        join(db, stranger, "jaan@example.ee", &token, now).await.unwrap().state,
        JoinState::WrongAccount("jaan@example.ee".into())
    );
    assert!(for_account(db, stranger).await.unwrap().is_none());
    // A member of another seller cannot join with an address that is theirs either.
    let other_email = user::Entity::find_by_id(other.user_id()).one(db).await.unwrap().unwrap().email;
    invite(db, &me, Lang::En, &other_email, now).await.unwrap();
    let theirs = token_sent_to(db, &other_email).await;
    assert!(matches!(join(db, other.user_id(), &other_email, &theirs, now).await.unwrap().state, JoinState::MemberElsewhere(_)));

    let colleague = support::confirmed_account(db, "kolleeg@firma.ee").await;
    assert_eq!(join_page(db, Some((colleague, "kolleeg@firma.ee")), &token, now).await.unwrap().state, JoinState::Open);
    assert_eq!(join(db, colleague, "kolleeg@firma.ee", &token, now).await.unwrap().state, JoinState::Joined);
    assert_eq!(for_account(db, colleague).await.unwrap().unwrap().seller_id(), me.seller_id());
    // Used once.
    assert_eq!(join(db, colleague, "kolleeg@firma.ee", &token, now).await.unwrap().state, JoinState::Invalid);
    let page = team(db, &me, now).await.unwrap();
    assert_eq!(page.members.len(), 2);
    assert_eq!(page.invitations.len(), 1, "the other seller's member's invitation still waits");

    // Revoking: another seller's invitation is not found; the own one stops working.
    let waiting = page.invitations[0].id;
    assert!(matches!(revoke(db, &other, waiting, now).await, Err(TeamError::NotFound)));
    assert!(seller_invitation::Entity::find_by_id(waiting).one(db).await.unwrap().unwrap().revoked_at.is_none());
    revoke(db, &me, waiting, now).await.unwrap();
    assert!(team(db, &me, now).await.unwrap().invitations.is_empty());

    // Removing: another seller's member is not found; a colleague goes; the last one stays.
    assert!(matches!(remove(db, &other, colleague).await, Err(TeamError::NotFound)));
    assert!(matches!(remove(db, &me, other.user_id()).await, Err(TeamError::NotFound)));
    assert_eq!(remove(db, &me, colleague).await.unwrap(), "kolleeg@firma.ee");
    assert!(for_account(db, colleague).await.unwrap().is_none(), "the removed account loses the seller area");
    assert!(matches!(remove(db, &me, me.user_id()).await, Err(TeamError::Refused(TeamProblem::LastMember))));
    assert!(for_account(db, me.user_id()).await.unwrap().is_some());
}

on_both_engines!(invited_colleague_joins);
