//! Server functions of the account pages: thin adapters between the forms and
//! `accounts::service`. Each form works without JavaScript: a plain post is redirected, with
//! its errors and what was typed carried in the short-lived flash cookie; a hydrated post
//! gets the same `FormState` back and shows it in place. Success redirects in both cases.

use super::{AccountPage, FormState, MyOrders};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::wire::Wire;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod server_side {
    use super::super::{FormState, FLASH_COOKIE, SESSION_COOKIE};
    use crate::i18n::Lang;

    pub fn lang_of(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or_default()
    }

    pub fn page(lang: Lang, rest: &str) -> String {
        format!("/{}/account{rest}", lang.code())
    }

    /// The flash: the form's state for the page a plain post is redirected to (five minutes,
    /// read once). Hex of JSON: cookie-safe without another dependency.
    pub fn set_flash(state: &impl serde::Serialize) {
        let json = serde_json::to_vec(state).unwrap_or_default();
        crate::server::set_cookie(FLASH_COOKIE, &hex::encode(json), 300);
    }

    /// Reads and clears the flash of this request.
    pub fn take_flash<T: serde::de::DeserializeOwned>() -> Option<T> {
        let raw = crate::server::cookie(FLASH_COOKIE)?;
        crate::server::set_cookie(FLASH_COOKIE, "", 0);
        serde_json::from_slice(&hex::decode(raw).ok()?).ok()
    }

    /// A form with problems: a plain post goes back to the form (`back`) with them; a hydrated
    /// one gets them as the answer.
    pub fn again<T: serde::Serialize>(state: T, back: &str) -> T {
        if crate::server::is_form_post() {
            set_flash(&state);
            leptos_axum::redirect(back);
        }
        state
    }

    /// Done: on to `next`, where `state` (a notice, the e-mail to prefill) is shown.
    pub fn done(state: FormState, next: &str) -> FormState {
        set_flash(&state);
        leptos_axum::redirect(next);
        state
    }

    pub fn base_url() -> String {
        crate::config::get_or_default().public_url_or_local()
    }

    pub fn user_agent() -> String {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|p| p.headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The session cookie: 30 days when remembered, else until the browser closes.
    pub fn set_session_cookie(token: &str, remember: bool) {
        let max_age = remember.then(|| super::super::rules::REMEMBER_FOR.num_seconds());
        crate::server::set_cookie_for(SESSION_COOKIE, token, max_age);
    }

    pub fn clear_session_cookie() {
        crate::server::set_cookie(SESSION_COOKIE, "", 0);
    }
}

/// The account pages' data: the signed-in account (or none) and what a plain post left.
#[server(prefix = "/api", endpoint = "account", output = Wire)]
pub async fn get_account() -> Result<AccountPage, AppError> {
    let flash = server_side::take_flash();
    let account = crate::accounts::visitor::current().map(|v| super::AccountView {
        email: v.email().to_owned(),
        name: v.name().to_owned(),
        roles: v.roles().to_vec(),
    });
    Ok(AccountPage { account, flash })
}

#[cfg(feature = "ssr")]
fn form_answer(
    result: Result<FormState, super::service::AccountError>,
    back: &str,
) -> Result<FormState, AppError> {
    match result {
        Ok(state) => Ok(state),
        Err(super::service::AccountError::Form(state)) => Ok(server_side::again(state, back)),
        Err(super::service::AccountError::Db(e)) => Err(e.into()),
    }
}

/// Registers an account; a code to confirm the address is e-mailed.
#[server(prefix = "/api", endpoint = "account_register", output = Wire)]
pub async fn register(lang: String, email: String, name: String, password: String) -> Result<FormState, AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let now = chrono::Utc::now();
    let result = super::service::register(&db, &email, &password, &name, lang, &base_url(), now).await.map(|email| {
        done(FormState { email, notice: Some(super::Notice::CodeSent), ..FormState::default() }, &page(lang, "/confirm"))
    });
    form_answer(result, &page(lang, "/register"))
}

/// Confirms the address with the e-mailed code.
#[server(prefix = "/api", endpoint = "account_confirm", output = Wire)]
pub async fn confirm(lang: String, email: String, code: String) -> Result<FormState, AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let client = crate::server::client_address();
    let now = chrono::Utc::now();
    let result = super::service::confirm_email(&db, &email, &code, client.as_deref(), now).await.map(|()| {
        let email = super::rules::account_email(&email).unwrap_or_default();
        done(FormState { email, notice: Some(super::Notice::Confirmed), ..FormState::default() }, &page(lang, "/signin"))
    });
    form_answer(result, &page(lang, "/confirm"))
}

/// Signs in: a new session (a new id every time), the guest cart joins the account's cart.
#[server(prefix = "/api", endpoint = "account_sign_in", output = Wire)]
pub async fn sign_in(
    lang: String,
    email: String,
    password: String,
    #[server(default)] remember: Option<String>,
    #[server(default)] next: Option<String>,
) -> Result<FormState, AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let client = crate::server::client_address();
    let now = chrono::Utc::now();
    let remember = remember.is_some_and(|v| !v.is_empty());
    let back = match next.as_deref() {
        Some(n) if !n.is_empty() => format!("{}?next={}", page(lang, "/signin"), crate::markup::query_value(n)),
        _ => page(lang, "/signin"),
    };
    let result = super::service::sign_in(&db, &email, &password, remember, client.as_deref(), &user_agent(), &base_url(), now).await;
    let session = match result {
        Ok(s) => s,
        Err(e) => return form_answer(Err(e), &back),
    };
    // An old session of this browser ends: the id always changes at sign-in.
    if let Some(old) = crate::server::cookie(super::SESSION_COOKIE) {
        super::service::end_session(&db, &old).await?;
    }
    let guest = crate::server::cookie(crate::cart::CART_COOKIE);
    crate::cart::service::adopt_guest_cart(&db, guest.as_deref(), session.user_id, now).await?;
    crate::server::set_cookie(crate::cart::CART_COOKIE, "", 0);
    set_session_cookie(&session.token, session.remember);
    let next = super::rules::local_next(next.as_deref().unwrap_or(""), &page(lang, ""));
    leptos_axum::redirect(&next);
    Ok(FormState::default())
}

/// Signs out this browser, or every browser of the account.
#[server(prefix = "/api", endpoint = "account_sign_out", output = Wire)]
pub async fn sign_out(lang: String, #[server(default)] everywhere: Option<String>) -> Result<FormState, AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    if everywhere.is_some_and(|v| !v.is_empty()) {
        let who = crate::accounts::visitor::signed_in()?;
        super::service::end_all_sessions(&db, who.user_id()).await?;
    } else if let Some(token) = crate::server::cookie(super::SESSION_COOKIE) {
        super::service::end_session(&db, &token).await?;
    }
    clear_session_cookie();
    // The cart stays with the account; this browser starts a new guest cart.
    crate::server::set_cookie(crate::cart::CART_COOKIE, "", 0);
    Ok(done(FormState { notice: Some(super::Notice::SignedOut), ..FormState::default() }, &page(lang, "/signin")))
}

/// Step one of a forgotten password: a code to the address, if it has an account. The answer
/// is the same either way, and takes at least the same time.
#[server(prefix = "/api", endpoint = "account_forgot", output = Wire)]
pub async fn forgot(lang: String, email: String) -> Result<FormState, AppError> {
    use server_side::*;
    let started = std::time::Instant::now();
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let now = chrono::Utc::now();
    let typed = email.trim().to_owned();
    if super::rules::account_email(&typed).is_err() {
        let state = FormState { email: typed, errors: vec![(super::Field::Email, super::Problem::Email)], ..FormState::default() };
        return Ok(again(state, &page(lang, "/forgot")));
    }
    super::service::request_reset(&db, &typed, lang, &base_url(), now).await?;
    // Whether an e-mail was queued or not, the answer leaves after the same floor.
    let floor = std::time::Duration::from_millis(super::rules::FORGOT_ANSWER_MS);
    if let Some(rest) = floor.checked_sub(started.elapsed()) {
        tokio::time::sleep(rest).await;
    }
    let email = super::rules::account_email(&typed).unwrap_or(typed);
    Ok(done(FormState { email, notice: Some(super::Notice::ResetSent), ..FormState::default() }, &page(lang, "/reset")))
}

/// Step two: the code and a new password. Every session of the account ends.
#[server(prefix = "/api", endpoint = "account_reset", output = Wire)]
pub async fn reset(lang: String, email: String, code: String, password: String) -> Result<FormState, AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let client = crate::server::client_address();
    let now = chrono::Utc::now();
    let result = super::service::reset_password(&db, &email, &code, &password, client.as_deref(), lang, &base_url(), now)
        .await
        .map(|()| {
            clear_session_cookie();
            let email = super::rules::account_email(&email).unwrap_or_default();
            done(FormState { email, notice: Some(super::Notice::PasswordChanged), ..FormState::default() }, &page(lang, "/signin"))
        });
    form_answer(result, &page(lang, "/reset"))
}

/// The signed-in account's orders, newest first, and the guest orders it can claim.
#[server(prefix = "/api", endpoint = "account_orders", output = Wire)]
pub async fn get_my_orders(lang: Lang) -> Result<MyOrders, AppError> {
    let _ = lang;
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    Ok(MyOrders {
        orders: crate::orders::service::orders_of(&db, &who).await?,
        claimable: crate::orders::service::claimable_count(&db, &who).await?,
    })
}

/// Claims the guest orders placed with the account's e-mail.
#[server(prefix = "/api", endpoint = "account_claim_orders", output = Wire)]
pub async fn claim_orders(lang: String) -> Result<u64, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    let n = crate::orders::service::claim_guest_orders(&db, &who).await?;
    crate::server::redirect_form_post(&server_side::page(server_side::lang_of(&lang), "/orders"));
    Ok(n)
}

/// The profile page's data (sign in first), with the answer a plain post left.
#[server(prefix = "/api", endpoint = "account_profile", output = Wire)]
pub async fn get_profile() -> Result<super::ProfilePage, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    let answer = server_side::take_flash();
    Ok(super::ProfilePage { profile: super::profile::profile(&db, &who).await?, answer })
}

/// Saves name, phone and language.
#[server(prefix = "/api", endpoint = "account_save_profile", output = Wire)]
pub async fn save_profile(lang: String, name: String, phone: String, language: String) -> Result<super::ProfileAnswer, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    let language = Lang::from_code(&language).ok_or_else(|| AppError::BadRequest("language".into()))?;
    let answer = match super::profile::save_profile(&db, &who, &name, &phone, language).await {
        Ok(()) => super::ProfileAnswer { errors: vec![], saved: true },
        Err(errors) if errors.is_empty() => return Err(AppError::Unavailable),
        Err(errors) => super::ProfileAnswer { errors, saved: false },
    };
    profile_answer(&lang, answer)
}

/// Without JavaScript: back to the profile with a notice (the page shows the saved values;
/// refused values come back in the flash as problems).
#[cfg(feature = "ssr")]
fn profile_answer(lang: &str, answer: super::ProfileAnswer) -> Result<super::ProfileAnswer, AppError> {
    Ok(server_side::again(answer, &server_side::page(server_side::lang_of(lang), "/profile")))
}

/// Saves a delivery address.
#[server(prefix = "/api", endpoint = "account_add_address", output = Wire)]
pub async fn add_address(
    lang: String,
    street: String,
    city: String,
    postal_code: String,
    county: String,
) -> Result<super::ProfileAnswer, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    let answer = match super::profile::add_address(&db, &who, &street, &city, &postal_code, &county, chrono::Utc::now()).await? {
        Ok(()) => super::ProfileAnswer { errors: vec![], saved: true },
        Err(errors) => super::ProfileAnswer { errors, saved: false },
    };
    profile_answer(&lang, answer)
}

/// Removes a saved address (only the account's own).
#[server(prefix = "/api", endpoint = "account_remove_address", output = Wire)]
pub async fn remove_address(lang: String, id: i32) -> Result<super::ProfileAnswer, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    if !super::profile::remove_address(&db, &who, id).await? {
        return Err(AppError::NotFound);
    }
    profile_answer(&lang, super::ProfileAnswer { errors: vec![], saved: true })
}

/// Step one of a new e-mail address: a code to the new address.
#[server(prefix = "/api", endpoint = "account_change_email", output = Wire)]
pub async fn change_email(lang: String, email: String) -> Result<FormState, AppError> {
    use server_side::*;
    let who = crate::accounts::visitor::signed_in()?;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let result = super::profile::request_email_change(&db, &who, &email, lang, &base_url(), chrono::Utc::now())
        .await
        .map(|email| done(FormState { email, notice: Some(super::Notice::CodeSent), ..FormState::default() }, &page(lang, "/email")));
    form_answer(result, &page(lang, "/email"))
}

/// Step two: the code from the new address.
#[server(prefix = "/api", endpoint = "account_confirm_email_change", output = Wire)]
pub async fn confirm_email_change(lang: String, code: String) -> Result<FormState, AppError> {
    use server_side::*;
    let who = crate::accounts::visitor::signed_in()?;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let client = crate::server::client_address();
    let result = super::profile::confirm_email_change(&db, &who, &code, client.as_deref(), chrono::Utc::now())
        .await
        .map(|email| done(FormState { email, notice: Some(super::Notice::EmailChanged), ..FormState::default() }, &page(lang, "/profile")));
    form_answer(result, &page(lang, "/email"))
}

/// Deletes the account after its password; this browser is signed out.
#[server(prefix = "/api", endpoint = "account_delete", output = Wire)]
pub async fn delete_account(lang: String, password: String) -> Result<FormState, AppError> {
    use server_side::*;
    let who = crate::accounts::visitor::signed_in()?;
    let lang = lang_of(&lang);
    let db = crate::server::db()?;
    let result = super::profile::delete_account(&db, &who, &password, chrono::Utc::now()).await.map(|()| {
        clear_session_cookie();
        crate::server::set_cookie(crate::cart::CART_COOKIE, "", 0);
        done(FormState { notice: Some(super::Notice::Deleted), ..FormState::default() }, &page(lang, "/signin"))
    });
    form_answer(result, &page(lang, "/delete"))
}

/// The "My data" page: the consent history (the export is `/account/export.json`).
#[server(prefix = "/api", endpoint = "account_consents", output = Wire)]
pub async fn get_consents() -> Result<Vec<super::ConsentView>, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    Ok(super::profile::consents(&db, &who).await?)
}
