//! A seller's people (`/{lang}/seller/team`): the members, the invitations waiting, inviting a
//! colleague by e-mail (they join with an account of that address, through the link in the
//! e-mail: `/{lang}/seller/join?token=…`) and removing a member. The rules are here (pure); the
//! database is `team_service`'s; the server functions are thin adapters.

use crate::errors::AppError;
use crate::wire::Wire;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How long an invitation's link works.
pub const INVITATION_DAYS: i64 = 14;
/// Invitations a seller may have waiting at once (a seller's area is not a mailing tool).
pub const PENDING_MAX: usize = 20;

/// A member as the team page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user_id: i32,
    pub email: String,
    pub name: String,
    #[serde(with = "crate::wire::instant")]
    pub added_at: DateTime<Utc>,
    /// The signed-in member.
    pub you: bool,
}

/// An invitation that can still be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub id: i32,
    pub email: String,
    #[serde(with = "crate::wire::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::wire::instant")]
    pub expires_at: DateTime<Utc>,
}

/// What a team form did, or why it did nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamAnswer {
    /// The address an invitation was sent to.
    pub invited: Option<String>,
    /// The e-mail of the member removed, or of the invitation revoked.
    pub removed: Option<String>,
    pub revoked: Option<String>,
    pub problem: Option<TeamProblem>,
    /// The address as typed, shown again with a problem.
    pub typed: String,
}

/// Why a team change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamProblem {
    EmailInvalid,
    AlreadyMember,
    TooManyPending,
    /// The seller's only member cannot be removed (nobody could run it).
    LastMember,
}

/// `/{lang}/seller/team`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPage {
    pub seller_name: String,
    pub members: Vec<TeamMember>,
    pub invitations: Vec<PendingInvitation>,
    pub answer: Option<TeamAnswer>,
}

/// Where an invitation link leads for the visitor who opened it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JoinState {
    /// Signed in with the invited address and free to join.
    Open,
    /// Sign in (or register) with the invited address first.
    SignedOut,
    /// Signed in with another address (the signed-in one).
    WrongAccount(String),
    /// The account already acts for a seller (its name): one company per login.
    MemberElsewhere(String),
    /// Already a member of this seller.
    Joined,
    /// Expired, revoked, used, or no such link.
    Invalid,
}

/// `/{lang}/seller/join?token=…`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinPage {
    pub seller_name: Option<String>,
    pub email: Option<String>,
    pub state: JoinState,
}

/// Whether an invitation can be used at `now`.
pub fn usable(expires_at: DateTime<Utc>, accepted: bool, revoked: bool, now: DateTime<Utc>) -> bool {
    !accepted && !revoked && now < expires_at
}

/// The join state of an open invitation to `invited_seller` (its id) for the visitor (`None`:
/// signed out) who holds its link: `visitor` is the account's e-mail and the seller it acts
/// for, if any (id and name).
pub fn join_state(invited: &str, invited_seller: i32, visitor: Option<(&str, Option<(i32, &str)>)>) -> JoinState {
    match visitor {
        None => JoinState::SignedOut,
        Some((_, Some((seller, _)))) if seller == invited_seller => JoinState::Joined,
        Some((email, _)) if !email.eq_ignore_ascii_case(invited) => JoinState::WrongAccount(email.to_owned()),
        Some((_, Some((_, name)))) => JoinState::MemberElsewhere(name.to_owned()),
        Some((_, None)) => JoinState::Open,
    }
}

#[server(prefix = "/api", endpoint = "seller_team", output = Wire)]
pub async fn get_team() -> Result<TeamPage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let mut page = super::team_service::team(&db, &me, Utc::now()).await?;
    page.answer = crate::accounts::api::server_side::take_flash();
    Ok(page)
}

/// Invites an e-mail address to the member's seller.
#[server(prefix = "/api", endpoint = "seller_invite", output = Wire)]
pub async fn invite_member(lang: String, email: String) -> Result<TeamAnswer, AppError> {
    use super::team_service::{invite, TeamError};
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let answer = match invite(&db, &me, lang, &email, Utc::now()).await {
        Ok(to) => TeamAnswer { invited: Some(to), ..Default::default() },
        Err(TeamError::Refused(p)) => TeamAnswer { problem: Some(p), typed: email.chars().take(254).collect(), ..Default::default() },
        Err(TeamError::NotFound) => return Err(AppError::NotFound),
        Err(TeamError::Db(e)) => return Err(e.into()),
    };
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/team", lang.code())))
}

/// Removes a member of the member's seller (`user_id`), or revokes an invitation (`invitation`).
#[server(prefix = "/api", endpoint = "seller_remove_member", output = Wire)]
pub async fn remove_member(
    lang: String,
    #[server(default)] user_id: Option<i32>,
    #[server(default)] invitation: Option<i32>,
) -> Result<TeamAnswer, AppError> {
    use super::team_service::{remove, revoke, TeamError};
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let now = Utc::now();
    let answer = match (user_id, invitation) {
        (Some(id), _) => match remove(&db, &me, id).await {
            Ok(email) => TeamAnswer { removed: Some(email), ..Default::default() },
            Err(TeamError::Refused(p)) => TeamAnswer { problem: Some(p), ..Default::default() },
            Err(TeamError::NotFound) => return Err(AppError::NotFound),
            Err(TeamError::Db(e)) => return Err(e.into()),
        },
        (None, Some(id)) => match revoke(&db, &me, id, now).await {
            Ok(email) => TeamAnswer { revoked: Some(email), ..Default::default() },
            Err(TeamError::NotFound) => return Err(AppError::NotFound),
            Err(TeamError::Refused(p)) => TeamAnswer { problem: Some(p), ..Default::default() },
            Err(TeamError::Db(e)) => return Err(e.into()),
        },
        (None, None) => return Err(AppError::BadRequest("a member or an invitation".into())),
    };
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/team", lang.code())))
}

/// What an invitation link leads to, for whoever opened it (signed in or not).
#[server(prefix = "/api", endpoint = "seller_join_page", output = Wire)]
pub async fn get_join(token: String) -> Result<JoinPage, AppError> {
    let db = crate::server::db()?;
    let who = crate::accounts::visitor::current();
    Ok(super::team_service::join_page(&db, who.as_ref().map(|v| (v.user_id(), v.email())), &token, Utc::now()).await?)
}

/// Joins the seller of an invitation with the signed-in account (of the invited address).
#[server(prefix = "/api", endpoint = "seller_join", output = Wire)]
pub async fn join_seller(lang: String, token: String) -> Result<JoinPage, AppError> {
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let who = crate::accounts::visitor::signed_in()?;
    let page = super::team_service::join(&db, who.user_id(), who.visitor().email(), &token, Utc::now()).await?;
    if page.state == JoinState::Joined && crate::server::is_form_post() {
        leptos_axum::redirect(&format!("/{}/seller", lang.code()));
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_invitation_is_used_once_in_time() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let later = now + chrono::Duration::days(INVITATION_DAYS);
        assert!(usable(later, false, false, now));
        assert!(!usable(later, false, false, later), "not at its end");
        assert!(!usable(later, true, false, now), "used");
        assert!(!usable(later, false, true, now), "revoked");
    }

    #[test]
    fn only_the_invited_address_joins_one_company() {
        assert_eq!(join_state("mari@firma.ee", 7, None), JoinState::SignedOut);
        assert_eq!(join_state("mari@firma.ee", 7, Some(("Mari@Firma.ee", None))), JoinState::Open);
        assert_eq!(join_state("mari@firma.ee", 7, Some(("jaan@firma.ee", None))), JoinState::WrongAccount("jaan@firma.ee".into()));
        assert_eq!(
            join_state("mari@firma.ee", 7, Some(("mari@firma.ee", Some((8, "Firma"))))),
            JoinState::MemberElsewhere("Firma".into()),
            "the same name, another company"
        );
        assert_eq!(join_state("mari@firma.ee", 7, Some(("mari@firma.ee", Some((7, "Firma"))))), JoinState::Joined);
    }
}
