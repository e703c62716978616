//! Server functions of the pantry: thin adapters to `pantry::service`, for the signed-in
//! shopper only (a visitor without an account gets 401 and the page asks to sign in).

// The transport form posts its fields flat (as a no-JS form does), one argument each.
#![allow(clippy::too_many_arguments)]

use super::{PantryView, Summary, TransportView};
use crate::checkout::validate::FieldError;
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The shopper's pantry.
#[server(prefix = "/api", endpoint = "pantry", output = Wire)]
pub async fn get_pantry(lang: Lang) -> Result<PantryView, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    Ok(super::service::pantry_view(&crate::server::db()?, who.user_id(), lang, chrono::Utc::now()).await?)
}

/// The pantry in figures (the account's home page).
#[server(prefix = "/api", endpoint = "pantry_summary", output = Wire)]
pub async fn get_pantry_summary() -> Result<Summary, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    Ok(super::service::summary(&crate::server::db()?, who.user_id(), chrono::Utc::now()).await?)
}

/// The request as the transport page's address carries it: `items` ("product:units,…", or
/// "all" for every unit that can still go), `county`, `choices` ("seller:method:date,…") and a
/// saved `address`.
#[cfg(feature = "ssr")]
async fn request(db: &sea_orm::DatabaseConnection, user_id: i32, items: &str, county: &str, choices: &str, address: Option<i32>) -> Result<super::TransportRequest, AppError> {
    let items = if items == "all" {
        let view = super::service::pantry_view(db, user_id, Lang::default(), chrono::Utc::now()).await?;
        view.items.iter().filter(|i| i.usable > 0).map(|i| (i.product_id, i.usable as u32)).collect()
    } else {
        super::parse_items(items)
    };
    Ok(super::TransportRequest {
        items,
        county: crate::delivery::County::from_code(county),
        choices: super::parse_choices(choices),
        address,
    })
}

/// The transport order's quote: fee, methods, dates and the form's defaults.
#[server(prefix = "/api", endpoint = "pantry_transport", output = Wire)]
pub async fn get_transport(lang: Lang, items: String, county: String, choices: String, address: Option<i32>) -> Result<TransportView, AppError> {
    let who = crate::accounts::visitor::signed_in()?;
    let db = crate::server::db()?;
    let req = request(&db, who.user_id(), &items, &county, &choices, address).await?;
    Ok(super::service::transport_view(&db, who.user_id(), &req, lang, chrono::Utc::now()).await?)
}

/// What placing a transport order did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransportPlaced {
    /// A fee is due: pay it here.
    Pay(String),
    /// No fee: the order is confirmed; its page.
    Done(String),
    /// The address or contact has problems; nothing was placed.
    Invalid(Vec<FieldError>),
}

/// Places the transport order shown on the page (`seen`: its fingerprint). The units leave the
/// pantry at once; a fee is paid by bank link (the units come back if it is not paid).
#[server(prefix = "/api", endpoint = "pantry_place_transport", output = Wire)]
pub async fn place_transport(
    lang: String,
    items: String,
    county: String,
    choices: String,
    seen: String,
    name: String,
    phone: String,
    street: String,
    city: String,
    postal_code: String,
    comment: String,
    #[server(default)] bank: Option<String>,
) -> Result<TransportPlaced, AppError> {
    use super::service::TransportError;
    use crate::checkout::validate::{validate_contact, ContactForm};
    use crate::payment::provider::PaymentProvider;
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let who = crate::accounts::visitor::signed_in()?;
    let provider = crate::payment::provider::configured().ok_or(AppError::Unavailable)?;
    let db = crate::server::db()?;
    let now = chrono::Utc::now();
    let back = super::transport_path(lang, &items, &county, &choices, None);
    let form = ContactForm {
        name,
        email: who.visitor().email().to_owned(),
        phone,
        street,
        city,
        postal_code,
        county: county.clone(),
        comment,
        paper_invoice: false,
    };
    let contact = match validate_contact(&form, true) {
        Ok(c) => c,
        Err(errors) => {
            // Without JavaScript: back to the form, with what was typed and its problems.
            crate::server::redirect_form_post(&super::transport_path(lang, &items, &county, &choices, Some(&form)));
            return Ok(TransportPlaced::Invalid(errors));
        }
    };
    let req = request(&db, who.user_id(), &items, &county, &choices, None).await?;
    let bank = bank.as_deref().and_then(crate::orders::Bank::from_code);
    match super::service::place_transport(&db, who.user_id(), &req, &contact, bank, lang, Some(&seen), now).await {
        Ok(placed) => {
            let url = match &placed.payment_reference {
                Some(reference) => provider.start_url(lang, reference),
                None => crate::orders::order_path(lang.code(), placed.order_id, ""),
            };
            leptos_axum::redirect(&url);
            Ok(match placed.payment_reference {
                Some(_) => TransportPlaced::Pay(url),
                None => TransportPlaced::Done(url),
            })
        }
        Err(e) => {
            crate::server::redirect_form_post(&format!("{back}&notice=changed"));
            Err(match e {
                TransportError::Db(db) => db.into(),
                TransportError::NotOrderable | TransportError::Changed | TransportError::Taken => AppError::CartNotOrderable,
            })
        }
    }
}
