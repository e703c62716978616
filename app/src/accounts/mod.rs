//! Accounts: registration with a confirmed e-mail, sign-in with server-side sessions, password
//! reset by an e-mailed code, roles, and the account's own pages.
//!
//! - `rules.rs`: the pure rules (password policy, lifetimes, lockouts, codes), unit-tested.
//! - `service.rs` [ssr]: hashing, sessions, codes, failures, against the database.
//! - `visitor.rs` [ssr]: who is asking — resolved once per request by the server's middleware
//!   — and the guards (`signed_in`, `role`) whose values the services take as arguments.
//! - `api.rs`: the server functions (thin); `pages.rs`: the pages.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod profile;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod visitor;

#[cfg(feature = "ssr")]
use sea_orm::sea_query::StringLen;
use serde::{Deserialize, Serialize};

/// The cookie that holds a signed-in browser's session token.
pub const SESSION_COOKIE: &str = "turg_session";
/// A short-lived cookie that carries a form's errors and what was typed (never a password)
/// back to the form after a plain (no JavaScript) post.
pub const FLASH_COOKIE: &str = "turg_flash";

/// An account's standing, set by administrators (directly, or by a support agent's dispute
/// decision): a restricted account cannot place orders; a suspended one cannot sign in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(12))"))]
pub enum Standing {
    #[default]
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "active"))]
    Active,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "restricted"))]
    Restricted,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "suspended"))]
    Suspended,
}

impl Standing {
    /// Whether the account may place orders.
    pub fn may_order(self) -> bool {
        self == Standing::Active
    }

    /// Whether the account may sign in.
    pub fn may_sign_in(self) -> bool {
        self != Standing::Suspended
    }
}

/// What an account may do beyond shopping. Stored by name in `user_roles.role`; a name that
/// is not one of these is an error when read, not a silent default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))"))]
pub enum Role {
    /// Runs the shop: sellers, categories, roles, the outbox, refunds.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "administrator"))]
    Administrator,
    /// Answers cases and decides disputes.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "support"))]
    Support,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Administrator, Role::Support];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Support => "support",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What an e-mailed code is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))"))]
pub enum CodePurpose {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "confirm"))]
    Confirm,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reset"))]
    Reset,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "email_change"))]
    EmailChange,
}

/// Whose failures a row of `auth_failures` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))"))]
pub enum FailureScope {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "account"))]
    Account,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "client"))]
    Client,
}

/// What an account agreed to (or withdrew from), stored in `consents.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(40))"))]
pub enum ConsentKind {
    /// The terms of use, agreed to on registration.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "terms"))]
    Terms,
}

/// A field of the account forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Email,
    Password,
    Name,
    Code,
}

impl Field {
    pub fn code(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Password => "password",
            Field::Name => "name",
            Field::Code => "code",
        }
    }
}

/// What is wrong with what was sent, next to a field or above the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    Email,
    TooLong,
    PasswordTooShort,
    PasswordTooLong,
    PasswordGuessable,
    /// E-mail and password do not match an account (the same words whichever was wrong).
    WrongCredentials,
    /// The address is not confirmed yet: a new code was sent.
    NotConfirmed,
    /// Too many failures: try again in this many minutes.
    Locked(i64),
    /// The account is suspended (by an administrator or a dispute's decision).
    Suspended,
    /// The code is wrong, expired or used up (the same words for each).
    WrongCode,
    /// This many tries are left for the code.
    WrongCodeTriesLeft(i32),
    /// The new e-mail is the one the account has.
    SameEmail,
    /// Another account has this e-mail.
    EmailTaken,
    /// The password to confirm with is not the account's.
    WrongPassword,
}

/// What an account page says after something went right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A confirmation code was sent (after registering).
    CodeSent,
    /// The address is confirmed: sign in.
    Confirmed,
    /// If the address has an account, a reset code is on its way.
    ResetSent,
    /// The password was changed and every session ended: sign in.
    PasswordChanged,
    SignedOut,
    /// The account's e-mail is now the new address.
    EmailChanged,
    /// The account is deleted.
    Deleted,
}

/// One form's answer: what went wrong (per field, or for the whole form) and what was typed
/// (the e-mail and name; passwords and codes are never sent back), or what went right.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormState {
    pub errors: Vec<(Field, Problem)>,
    pub form_error: Option<Problem>,
    pub email: String,
    pub name: String,
    pub notice: Option<Notice>,
}

impl FormState {
    pub fn error(&self, field: Field) -> Option<Problem> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.form_error.is_none()
    }
}

/// The translated text of a notice.
pub fn notice_text(t: &crate::i18n::Texts, notice: Notice) -> &'static str {
    match notice {
        Notice::CodeSent => t.account_code_sent,
        Notice::Confirmed => t.account_confirmed,
        Notice::ResetSent => t.account_reset_sent,
        Notice::PasswordChanged => t.account_password_changed,
        Notice::SignedOut => t.account_signed_out,
        Notice::EmailChanged => t.account_email_changed,
        Notice::Deleted => t.account_deleted,
    }
}

/// One of the account's orders in "My orders".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOrder {
    pub id: i32,
    #[serde(with = "crate::wire::instant")]
    pub placed_at: chrono::DateTime<chrono::Utc>,
    pub status: crate::orders::OrderStatus,
    pub total_cents: i64,
    pub shipments: u32,
}

/// "My orders": the account's orders and how many guest orders with its e-mail it can claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOrders {
    pub orders: Vec<MyOrder>,
    pub claimable: u64,
}

/// A saved delivery address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: i32,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    /// A `delivery::County` code.
    pub county: String,
}

/// The profile page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub email: String,
    pub name: String,
    pub phone: String,
    pub lang: crate::i18n::Lang,
    pub addresses: Vec<AddressView>,
}

/// The profile page: the profile and what a plain post of one of its forms answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePage {
    pub profile: ProfileView,
    pub answer: Option<ProfileAnswer>,
}

/// One line of the consent history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    pub kind: ConsentKind,
    pub granted: bool,
    pub version: String,
    #[serde(with = "crate::wire::instant")]
    pub at: chrono::DateTime<chrono::Utc>,
}

/// What a profile form answered: problems per field (the checkout's rules and texts), or saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileAnswer {
    pub errors: Vec<crate::checkout::validate::FieldError>,
    pub saved: bool,
}

/// The account's own view of itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
}

/// What the account pages show: the account when signed in, and the state a plain form post
/// left (errors, what was typed; read once from the flash cookie).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPage {
    pub account: Option<AccountView>,
    pub flash: Option<FormState>,
}

/// The translated text of a problem.
pub fn message(t: &crate::i18n::Texts, problem: Problem) -> String {
    use crate::i18n::fill;
    match problem {
        Problem::Required => t.invalid_required.to_owned(),
        Problem::Email => t.invalid_email.to_owned(),
        Problem::TooLong => t.account_too_long.to_owned(),
        Problem::PasswordTooShort => fill(t.account_password_too_short, &[("min", &rules::PASSWORD_MIN_CHARS.to_string())]),
        Problem::PasswordTooLong => fill(t.account_password_too_long, &[("max", &rules::PASSWORD_MAX_CHARS.to_string())]),
        Problem::PasswordGuessable => t.account_password_guessable.to_owned(),
        Problem::WrongCredentials => t.account_wrong_credentials.to_owned(),
        Problem::NotConfirmed => t.account_not_confirmed.to_owned(),
        Problem::Locked(minutes) => fill(t.account_locked, &[("minutes", &minutes.to_string())]),
        Problem::Suspended => t.account_suspended.to_owned(),
        Problem::WrongCode => t.account_wrong_code.to_owned(),
        Problem::WrongCodeTriesLeft(n) => fill(t.account_wrong_code_tries, &[("n", &n.to_string())]),
        Problem::SameEmail => t.account_same_email.to_owned(),
        Problem::EmailTaken => t.account_email_taken.to_owned(),
        Problem::WrongPassword => t.account_wrong_password.to_owned(),
    }
}
