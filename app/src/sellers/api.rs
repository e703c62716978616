//! Server functions for the seller pages: thin adapters to `service`.

use super::{SellerProfile, SellersPageData};
use crate::{errors::AppError, i18n::Lang};
use leptos::prelude::*;
use crate::wire::Wire;

#[server(prefix = "/api", endpoint = "sellers", output = Wire)]
pub async fn get_sellers(q: String, country: Option<String>, page: u64) -> Result<SellersPageData, AppError> {
    let db = crate::server::db()?;
    Ok(super::service::sellers_page(&db, &q, country.as_deref(), page).await?)
}

#[server(prefix = "/api", endpoint = "seller", output = Wire)]
pub async fn get_seller(lang: Lang, slug: String, category: Option<String>, page: u64) -> Result<SellerProfile, AppError> {
    let db = crate::server::db()?;
    let snapshot = crate::server::snapshot()?;
    super::service::seller_profile(&db, &snapshot, lang, &slug, category.as_deref(), page).await?.ok_or(AppError::NotFound)
}

/// `/{lang}/sell`: the signed-in account's application (or none), the seller it acts for, and
/// what a plain post of the form left.
#[server(prefix = "/api", endpoint = "sell_page", output = Wire)]
pub async fn get_sell_page() -> Result<super::onboarding::SellPage, AppError> {
    use super::applications::{application_of, member_of, stored_form};
    let answer = crate::accounts::api::server_side::take_flash();
    let Some(who) = crate::accounts::visitor::current() else {
        return Ok(super::onboarding::SellPage { answer, ..Default::default() });
    };
    let db = crate::server::db()?;
    let application = application_of(&db, who.user_id()).await?.map(|a| super::onboarding::ApplicationView {
        status: a.status,
        form: stored_form(&a),
        message: a.message.clone(),
        submitted_at: a.submitted_at,
    });
    let member_of = member_of(&db, who.user_id()).await?.map(|s| (s.slug, s.name));
    Ok(super::onboarding::SellPage { signed_in: true, application, member_of, answer })
}

/// Submits (or, while it is open, edits) the account's application to sell. A plain post
/// comes back to `/{lang}/sell` with the problems and what was typed; a hydrated one gets them
/// as the answer.
#[server(prefix = "/api", endpoint = "sell_apply", output = Wire)]
#[allow(clippy::too_many_arguments)]
pub async fn apply(
    lang: String,
    company_name: String,
    country: String,
    registry_code: String,
    vat_number: String,
    street: String,
    city: String,
    postal_code: String,
    contact_name: String,
    email: String,
    phone: String,
    iban: String,
    #[server(default)] certified: Option<String>,
) -> Result<super::onboarding::ApplyAnswer, AppError> {
    use super::applications::{submit, ApplyError};
    use super::onboarding::{ApplicationForm, ApplyAnswer};
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let who = crate::accounts::visitor::signed_in()?;
    let typed = ApplicationForm {
        company_name,
        country,
        registry_code,
        vat_number,
        street,
        city,
        postal_code,
        contact_name,
        email,
        phone,
        iban,
        certified: certified.is_some(),
    };
    let db = crate::server::db()?;
    let answer = match submit(&db, &who, lang, &typed, chrono::Utc::now()).await {
        Ok(_) => ApplyAnswer { saved: true, ..Default::default() },
        Err(ApplyError::Invalid(errors)) => ApplyAnswer { errors, typed: typed.clamped(300), ..Default::default() },
        Err(ApplyError::Closed(_)) | Err(ApplyError::AlreadyMember) => ApplyAnswer { closed: true, ..Default::default() },
        Err(ApplyError::Db(e)) => return Err(e.into()),
    };
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/sell", lang.code())))
}
