//! Accounts against the database: registration, confirmation, sign-in with lockouts, sessions,
//! password resets, roles. Passwords are hashed with argon2id (parameters in ARCHITECTURE.md),
//! on the blocking pool so a hash never stalls the async workers.

use super::mail::{account_email, AccountMail};
use super::rules::{self, PasswordProblem};
use super::{CodePurpose, FailureScope, Field, FormState, Problem, Role};
use crate::db::entity::{auth_code, auth_failure, session, user, user_role};
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::outbox::{self, NewMessage};
use crate::server::{random_token, token_hash};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait,
};

/// Why an account operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// What the form should show (per field or for the whole form).
    #[error("the form has problems")]
    Form(FormState),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl AccountError {
    fn form(state: FormState) -> AccountError {
        AccountError::Form(state)
    }
}

/// argon2id, m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum, about 25 ms per hash on
/// this machine's cores.
fn argon2() -> argon2::Argon2<'static> {
    let params = argon2::Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// The PHC string of a password's argon2id hash, with a fresh salt.
pub async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
        let salt = SaltString::encode_b64(&bytes).expect("16 bytes make a salt");
        argon2().hash_password(password.as_bytes(), &salt).expect("argon2 hashes any password").to_string()
    })
    .await
    .expect("the hashing task runs to its end")
}

/// Whether `password` matches the stored hash (any argon2 variant and parameters it names).
pub async fn verify_password(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        PasswordHash::new(&hash).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// A hash of a password nobody has: checked when the e-mail has no account, so a sign-in takes
/// as long whether or not the address is known.
async fn dummy_hash() -> &'static str {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY.get_or_init(|| hash_password(random_token())).await
}

/// The policy of [`rules::password_problem`], and zxcvbn's estimate: a password it can guess
/// within a million tries (its dictionaries hold the common and breached ones) is refused.
pub fn check_password(password: &str, email: &str, name: &str) -> Option<Problem> {
    let problem = rules::password_problem(password, email, name).or_else(|| {
        let inputs = [email, name];
        let weak = zxcvbn::zxcvbn(password, &inputs).score() < zxcvbn::Score::Two;
        weak.then_some(PasswordProblem::Guessable)
    });
    problem.map(|p| match p {
        PasswordProblem::TooShort => Problem::PasswordTooShort,
        PasswordProblem::TooLong => Problem::PasswordTooLong,
        PasswordProblem::Guessable => Problem::PasswordGuessable,
    })
}

const NAME_MAX: usize = 120;

/// The e-mail addresses of these accounts, by id (for lists that name who did something).
pub async fn emails_of<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = i32>) -> Result<std::collections::HashMap<i32, String>, DbErr> {
    use sea_orm::QuerySelect;
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Email)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The account of an address (not deleted).
pub async fn find_by_email<C: ConnectionTrait>(db: &C, email: &str) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await
}

/// Registers an account and e-mails a code to confirm the address. An address that already
/// has an account gets a notice instead (the answer on the page is the same: nobody learns
/// from the form which addresses have accounts); an unconfirmed one gets a new code and keeps
/// its password. Returns the address as kept.
pub async fn register<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    email: &str,
    password: &str,
    name: &str,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<String, AccountError> {
    let mut state = FormState { email: email.trim().to_owned(), name: name.trim().to_owned(), ..FormState::default() };
    let email = match rules::account_email(email) {
        Ok(e) => Some(e),
        Err(crate::checkout::validate::Problem::Required) => {
            state.errors.push((Field::Email, Problem::Required));
            None
        }
        Err(_) => {
            state.errors.push((Field::Email, Problem::Email));
            None
        }
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        state.errors.push((Field::Name, Problem::TooLong));
    }
    if let Some(problem) = check_password(password, email.as_deref().unwrap_or(""), &name) {
        state.errors.push((Field::Password, problem));
    }
    let Some(email) = email.filter(|_| state.errors.is_empty()) else { return Err(AccountError::form(state)) };

    // Hashed before the transaction (a SQLite transaction that reads, waits, then writes can
    // meet another writer's commit and fail), and whether or not the address is new, so the
    // answer takes as long either way.
    let hash = hash_password(password.to_owned()).await;
    let txn = crate::db::begin(db).await?;
    match find_by_email(&txn, &email).await? {
        Some(existing) if existing.email_confirmed_at.is_some() => {
            let mail = account_email(AccountMail::AlreadyRegistered, lang, base_url);
            queue(&txn, &format!("account-exists:{}:{}", existing.id, now.timestamp() / 600), lang, &email, mail, now).await?;
        }
        Some(existing) => send_code(&txn, &existing, CodePurpose::Confirm, lang, base_url, now).await?,
        None => {
            let user = user::ActiveModel {
                email: Set(email.clone()),
                email_confirmed_at: Set(None),
                password_hash: Set(Some(hash)),
                name: Set(name),
                phone: Set(String::new()),
                lang: Set(lang.code().to_owned()),
                created_at: Set(now),
                deleted_at: Set(None),
                standing: Set(Default::default()),
                standing_reason: Set(String::new()),
                standing_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            // Creating an account is agreeing to the terms (the form says so): recorded.
            super::profile::record_consent(&txn, user.id, super::ConsentKind::Terms, true, super::profile::TERMS_VERSION, now).await?;
            send_code(&txn, &user, CodePurpose::Confirm, lang, base_url, now).await?;
        }
    }
    txn.commit().await?;
    Ok(email)
}

async fn queue<C: ConnectionTrait>(
    db: &C,
    key: &str,
    lang: Lang,
    to: &str,
    email: crate::orders::email::Email,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    outbox::enqueue(db, NewMessage { dedupe_key: key.to_owned(), kind: "account", lang, to: to.to_owned(), email }, now).await
}

fn code_hash(salt: &str, code: &str) -> String {
    token_hash(&format!("{salt}:{code}"))
}

/// A new six-digit code for `purpose`, e-mailed to the account (earlier unused codes of the
/// same purpose stop working). At most one code a minute per account and purpose: a second
/// request within the minute sends nothing (the first e-mail is on its way).
async fn send_code<C: ConnectionTrait>(
    db: &C,
    account: &user::Model,
    purpose: CodePurpose,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let recent = auth_code::Entity::find()
        .filter(auth_code::Column::UserId.eq(account.id))
        .filter(auth_code::Column::Purpose.eq(purpose))
        .filter(auth_code::Column::CreatedAt.gt(now - Duration::minutes(1)))
        .one(db)
        .await?;
    if recent.is_some() {
        return Ok(());
    }
    auth_code::Entity::update_many()
        .col_expr(auth_code::Column::UsedAt, Expr::value(now))
        .filter(auth_code::Column::UserId.eq(account.id))
        .filter(auth_code::Column::Purpose.eq(purpose))
        .filter(auth_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let code = {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).expect("the operating system provides random bytes");
        format!("{:06}", u32::from_le_bytes(bytes) % 1_000_000)
    };
    let salt = random_token();
    let row = auth_code::ActiveModel {
        user_id: Set(account.id),
        purpose: Set(purpose),
        email: Set(account.email.clone()),
        code_hash: Set(code_hash(&salt, &code)),
        salt: Set(salt),
        attempts: Set(0),
        created_at: Set(now),
        expires_at: Set(now + rules::CODE_VALID_FOR),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mail = match purpose {
        CodePurpose::Reset => AccountMail::Reset { code: &code },
        CodePurpose::Confirm | CodePurpose::EmailChange => AccountMail::Confirm { code: &code },
    };
    let lang = Lang::from_code(&account.lang).unwrap_or(lang);
    queue(db, &format!("code:{}", row.id), lang, &account.email, account_email(mail, lang, base_url), now).await
}

/// A new code for `purpose`, e-mailed to `account.email` (for an e-mail change: an account
/// value carrying the new address).
pub async fn queue_code<C: ConnectionTrait>(
    db: &C,
    account: &user::Model,
    purpose: CodePurpose,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    send_code(db, account, purpose, lang, base_url, now).await
}

/// Checks a typed code for the account, with the client's lockout: a wrong code counts
/// against the client as a failed sign-in does.
pub async fn check_code_for<C: ConnectionTrait>(
    db: &C,
    account: &user::Model,
    purpose: CodePurpose,
    typed: &str,
    client: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<(), Problem>, DbErr> {
    if let Some(wait) = locked(db, client.map(|c| (FailureScope::Client, c)), now).await? {
        return Ok(Err(Problem::Locked(rules::minutes_to_wait(wait))));
    }
    let result = use_code(db, account, purpose, typed, now).await?;
    if result.is_err() {
        fail(db, None, client, now).await?;
    }
    Ok(result)
}

/// Checks a typed code against the account's live code for `purpose`, counting the try. On
/// success the code is used up.
async fn use_code<C: ConnectionTrait>(
    db: &C,
    account: &user::Model,
    purpose: CodePurpose,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Problem>, DbErr> {
    let live = auth_code::Entity::find()
        .filter(auth_code::Column::UserId.eq(account.id))
        .filter(auth_code::Column::Purpose.eq(purpose))
        .filter(auth_code::Column::UsedAt.is_null())
        .filter(auth_code::Column::ExpiresAt.gt(now))
        .filter(auth_code::Column::Attempts.lt(rules::CODE_ATTEMPTS))
        .order_by_desc(auth_code::Column::Id)
        .one(db)
        .await?;
    let Some(live) = live else { return Ok(Err(Problem::WrongCode)) };
    let matches = rules::parse_code(typed).is_some_and(|code| code_hash(&live.salt, &code) == live.code_hash);
    if matches {
        // Used once: a second request with the same code finds nothing to update.
        let done = auth_code::Entity::update_many()
            .col_expr(auth_code::Column::UsedAt, Expr::value(now))
            .filter(auth_code::Column::Id.eq(live.id))
            .filter(auth_code::Column::UsedAt.is_null())
            .exec(db)
            .await?;
        return Ok(if done.rows_affected == 1 { Ok(()) } else { Err(Problem::WrongCode) });
    }
    auth_code::Entity::update_many()
        .col_expr(auth_code::Column::Attempts, Expr::col(auth_code::Column::Attempts).add(1))
        .filter(auth_code::Column::Id.eq(live.id))
        .exec(db)
        .await?;
    let left = rules::CODE_ATTEMPTS - live.attempts - 1;
    Ok(Err(if left > 0 { Problem::WrongCodeTriesLeft(left) } else { Problem::WrongCode }))
}

/// Confirms an account's address with the code e-mailed at registration.
pub async fn confirm_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
    code: &str,
    client: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let email = rules::account_email(email).unwrap_or_default();
    let state = |problem| FormState { email: email.clone(), errors: vec![(Field::Code, problem)], ..FormState::default() };
    if let Some(wait) = locked(db, client.map(|c| (FailureScope::Client, c)), now).await? {
        return Err(AccountError::form(state(Problem::Locked(rules::minutes_to_wait(wait)))));
    }
    let Some(account) = find_by_email(db, &email).await? else {
        fail(db, None, client, now).await?;
        return Err(AccountError::form(state(Problem::WrongCode)));
    };
    if account.email_confirmed_at.is_some() {
        return Ok(());
    }
    match use_code(db, &account, CodePurpose::Confirm, code, now).await? {
        Ok(()) => {
            user::Entity::update_many()
                .col_expr(user::Column::EmailConfirmedAt, Expr::value(now))
                .filter(user::Column::Id.eq(account.id))
                .exec(db)
                .await?;
            Ok(())
        }
        Err(problem) => {
            fail(db, None, client, now).await?;
            Err(AccountError::form(state(problem)))
        }
    }
}

/// How long until the first of `keys` that is locked opens, if any is.
async fn locked<C: ConnectionTrait>(
    db: &C,
    keys: impl IntoIterator<Item = (FailureScope, &str)>,
    now: DateTime<Utc>,
) -> Result<Option<Duration>, DbErr> {
    let mut wait: Option<Duration> = None;
    for (scope, key) in keys {
        let times: Vec<DateTime<Utc>> = auth_failure::Entity::find()
            .filter(auth_failure::Column::Scope.eq(scope))
            .filter(auth_failure::Column::KeyHash.eq(token_hash(key)))
            .filter(auth_failure::Column::At.gt(now - rules::FAILURE_WINDOW))
            .all(db)
            .await?
            .into_iter()
            .map(|f| f.at)
            .collect();
        let limit = match scope {
            FailureScope::Account => rules::ACCOUNT_FAILURES,
            FailureScope::Client => rules::CLIENT_FAILURES,
        };
        if let Some(w) = rules::retry_after(&times, limit, now) {
            wait = Some(wait.map_or(w, |old| old.max(w)));
        }
    }
    Ok(wait)
}

/// Records a failure for the account's address and for the client.
async fn fail<C: ConnectionTrait>(db: &C, email: Option<&str>, client: Option<&str>, now: DateTime<Utc>) -> Result<(), DbErr> {
    let rows = email
        .map(|e| (FailureScope::Account, e))
        .into_iter()
        .chain(client.map(|c| (FailureScope::Client, c)))
        .map(|(scope, key)| auth_failure::ActiveModel {
            scope: Set(scope),
            key_hash: Set(token_hash(key)),
            at: Set(now),
            ..Default::default()
        });
    for row in rows {
        row.insert(db).await?;
    }
    Ok(())
}

/// A new session: the token for the cookie (only its hash is kept).
pub struct NewSession {
    pub token: String,
    pub user_id: i32,
    pub remember: bool,
}

/// Never prints the token (it opens the account).
impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession").field("user_id", &self.user_id).field("remember", &self.remember).finish_non_exhaustive()
    }
}

/// Signs in with e-mail and password. Refused with the same words whether the address or the
/// password was wrong; five failures for one address, or twenty from one client address,
/// within 15 minutes close the door until the oldest leaves the window. An unconfirmed
/// address gets a new code instead of a session.
#[allow(clippy::too_many_arguments)]
pub async fn sign_in<C: ConnectionTrait>(
    db: &C,
    email: &str,
    password: &str,
    remember: bool,
    client: Option<&str>,
    user_agent: &str,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, AccountError> {
    let typed = email.trim().to_owned();
    let email = rules::account_email(email).unwrap_or_else(|_| typed.to_lowercase());
    let refuse = |problem| AccountError::form(FormState { email: typed.clone(), form_error: Some(problem), ..FormState::default() });
    let keys = [Some((FailureScope::Account, email.as_str())), client.map(|c| (FailureScope::Client, c))];
    if let Some(wait) = locked(db, keys.into_iter().flatten(), now).await? {
        return Err(refuse(Problem::Locked(rules::minutes_to_wait(wait))));
    }
    let account = find_by_email(db, &email).await?;
    let hash = match account.as_ref().and_then(|a| a.password_hash.clone()) {
        Some(h) => h,
        None => dummy_hash().await.to_owned(),
    };
    let good = verify_password(hash, password.to_owned()).await;
    let Some(account) = account.filter(|_| good) else {
        fail(db, Some(&email), client, now).await?;
        return Err(refuse(Problem::WrongCredentials));
    };
    if !account.standing.may_sign_in() {
        return Err(refuse(Problem::Suspended));
    }
    if account.email_confirmed_at.is_none() {
        send_code(db, &account, CodePurpose::Confirm, Lang::from_code(&account.lang).unwrap_or_default(), base_url, now).await?;
        return Err(refuse(Problem::NotConfirmed));
    }
    // A person who got in is not held back by their own earlier typos.
    auth_failure::Entity::delete_many()
        .filter(auth_failure::Column::Scope.eq(FailureScope::Account))
        .filter(auth_failure::Column::KeyHash.eq(token_hash(&email)))
        .exec(db)
        .await?;
    Ok(start_session(db, UserId(account.id), remember, user_agent, now).await?)
}

/// Whether an order may be placed by the signed-in account `user_id` and for the contact
/// address `email`: neither may belong to a restricted or suspended account.
pub async fn may_order<C: ConnectionTrait>(db: &C, user_id: Option<i32>, email: &str) -> Result<bool, DbErr> {
    let email = email.trim().to_lowercase();
    let mut q = user::Entity::find().filter(user::Column::Standing.ne(super::Standing::Active));
    q = match user_id {
        Some(id) => q.filter(sea_orm::Condition::any().add(user::Column::Id.eq(id)).add(user::Column::Email.eq(email))),
        None => q.filter(user::Column::Email.eq(email)),
    };
    Ok(sea_orm::PaginatorTrait::count(q, db).await? == 0)
}

/// A new session for an account (a fresh token: sign-in always rotates the session id).
pub async fn start_session<C: ConnectionTrait>(
    db: &C,
    user_id: UserId,
    remember: bool,
    user_agent: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, DbErr> {
    let user_id = user_id.0;
    let token = random_token();
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        remember: Set(remember),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(rules::session_expiry(remember, now, now)),
        user_agent: Set(user_agent.chars().take(200).collect()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(NewSession { token, user_id, remember })
}

/// Who a session token belongs to, if the session is live: the account and its roles. A
/// browser session's expiry moves on with use (written at most every 10 minutes).
pub async fn resolve<C: ConnectionTrait>(
    db: &C,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<super::visitor::Visitor>, DbErr> {
    let found = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    let Some(s) = found else { return Ok(None) };
    let Some(account) = user::Entity::find_by_id(s.user_id)
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::Standing.ne(super::Standing::Suspended))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if now - s.last_seen_at > rules::SEEN_EVERY {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .col_expr(session::Column::ExpiresAt, Expr::value(rules::session_expiry(s.remember, s.created_at, now)))
            .filter(session::Column::Id.eq(s.id))
            .exec(db)
            .await?;
    }
    let roles = roles_of(db, account.id).await?;
    Ok(Some(super::visitor::Visitor::signed_in(s.id, account.id, account.email, account.name, roles)))
}

pub async fn roles_of<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<Vec<Role>, DbErr> {
    let mut roles: Vec<Role> =
        user_role::Entity::find().filter(user_role::Column::UserId.eq(user_id)).all(db).await?.into_iter().map(|r| r.role).collect();
    roles.sort();
    Ok(roles)
}

/// Ends one session (sign out in this browser).
pub async fn end_session<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_many().filter(session::Column::TokenHash.eq(token_hash(token))).exec(db).await?;
    Ok(())
}

/// Ends every session of an account (sign out everywhere; after a password reset).
pub async fn end_all_sessions<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await?.rows_affected)
}

/// Starts a password reset: e-mails a code when the address has an account, and nothing
/// otherwise. The caller answers the same either way.
pub async fn request_reset<C: ConnectionTrait>(
    db: &C,
    email: &str,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Ok(email) = rules::account_email(email) else { return Ok(()) };
    if let Some(account) = find_by_email(db, &email).await? {
        send_code(db, &account, CodePurpose::Reset, lang, base_url, now).await?;
    }
    Ok(())
}

/// Sets a new password with a reset code: every session of the account ends, the address
/// counts as confirmed (the code reached it) and the owner is told by e-mail.
#[allow(clippy::too_many_arguments)]
pub async fn reset_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    email: &str,
    code: &str,
    password: &str,
    client: Option<&str>,
    lang: Lang,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AccountError> {
    let typed = email.trim().to_owned();
    let email = rules::account_email(email).unwrap_or_default();
    let refuse = |field, problem| AccountError::form(FormState { email: typed.clone(), errors: vec![(field, problem)], ..FormState::default() });
    if let Some(wait) = locked(db, client.map(|c| (FailureScope::Client, c)), now).await? {
        return Err(refuse(Field::Code, Problem::Locked(rules::minutes_to_wait(wait))));
    }
    let Some(account) = find_by_email(db, &email).await? else {
        fail(db, None, client, now).await?;
        return Err(refuse(Field::Code, Problem::WrongCode));
    };
    if let Some(problem) = check_password(password, &account.email, &account.name) {
        return Err(refuse(Field::Password, problem));
    }
    let hash = hash_password(password.to_owned()).await;
    let txn = crate::db::begin(db).await?;
    if let Err(problem) = use_code(&txn, &account, CodePurpose::Reset, code, now).await? {
        // The try counts even though nothing else is kept.
        txn.commit().await?;
        fail(db, None, client, now).await?;
        return Err(refuse(Field::Code, problem));
    }
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::EmailConfirmedAt, Expr::value(account.email_confirmed_at.unwrap_or(now)))
        .filter(user::Column::Id.eq(account.id))
        .exec(&txn)
        .await?;
    end_all_sessions(&txn, account.id).await?;
    let lang = Lang::from_code(&account.lang).unwrap_or(lang);
    let mail = account_email(AccountMail::PasswordChanged, lang, base_url);
    queue(&txn, &format!("password-changed:{}:{}", account.id, now.timestamp_micros()), lang, &account.email, mail, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Grants a role (idempotent).
pub async fn grant<C: ConnectionTrait>(db: &C, user_id: i32, role: Role, by: Option<i32>, now: DateTime<Utc>) -> Result<(), DbErr> {
    use sea_orm::sea_query::OnConflict;
    let row = user_role::ActiveModel { user_id: Set(user_id), role: Set(role), granted_at: Set(now), granted_by: Set(by) };
    user_role::Entity::insert(row)
        .on_conflict(OnConflict::columns([user_role::Column::UserId, user_role::Column::Role]).do_nothing().to_owned())
        .try_insert()
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes a role (idempotent).
pub async fn revoke<C: ConnectionTrait>(db: &C, user_id: i32, role: Role) -> Result<(), DbErr> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .filter(user_role::Column::Role.eq(role))
        .exec(db)
        .await?;
    Ok(())
}

/// Makes a confirmed account with a password and roles, or gives an existing account the
/// roles and (when given) a new password: the `server admin create` command and the demo seed.
pub async fn ensure_account<C: ConnectionTrait>(
    db: &C,
    email: &str,
    password: &str,
    name: &str,
    roles: &[Role],
    now: DateTime<Utc>,
) -> Result<user::Model, AccountError> {
    let email = rules::account_email(email)
        .map_err(|_| AccountError::form(FormState { errors: vec![(Field::Email, Problem::Email)], ..FormState::default() }))?;
    if let Some(problem) = check_password(password, &email, name) {
        return Err(AccountError::form(FormState { errors: vec![(Field::Password, problem)], ..FormState::default() }));
    }
    let hash = hash_password(password.to_owned()).await;
    let account = match find_by_email(db, &email).await? {
        Some(existing) => {
            let mut row: user::ActiveModel = existing.into();
            row.password_hash = Set(Some(hash));
            row.email_confirmed_at = Set(Some(now));
            row.update(db).await?
        }
        None => {
            user::ActiveModel {
                email: Set(email),
                email_confirmed_at: Set(Some(now)),
                password_hash: Set(Some(hash)),
                name: Set(name.to_owned()),
                phone: Set(String::new()),
                lang: Set(Lang::default().code().to_owned()),
                created_at: Set(now),
                deleted_at: Set(None),
                standing: Set(Default::default()),
                standing_reason: Set(String::new()),
                standing_at: Set(None),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    for role in roles {
        grant(db, account.id, *role, None, now).await?;
    }
    Ok(account)
}
