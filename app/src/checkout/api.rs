//! Server functions of the checkout page.

// The checkout form posts its fields flat (as a no-JS form does), one argument each.
#![allow(clippy::too_many_arguments)]

use super::{CheckoutView, Submitted};
use crate::errors::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use crate::wire::Wire;

/// The checkout page's data: the cart priced now, what the shopper typed before, and the
/// buy-now-pay-later schedules for its total.
#[server(prefix = "/api", endpoint = "checkout", output = Wire)]
pub async fn get_checkout(lang: Lang) -> Result<Option<CheckoutView>, AppError> {
    let db = crate::server::db()?;
    let owner = crate::cart::api::server_side::Owner::of_request();
    let Some(cart) = crate::cart::service::find_owned(&db, owner.get()).await? else { return Ok(None) };
    let mut view = super::service::checkout_view(&db, &cart, lang, chrono::Utc::now()).await?;
    // A signed-in shopper's first checkout starts from the profile and the first saved address.
    if cart.draft.is_none() {
        if let Ok(who) = crate::accounts::visitor::signed_in() {
            let p = crate::accounts::profile::profile(&db, &who).await?;
            let form = &mut view.draft.form;
            (form.name, form.email, form.phone) = (p.name, p.email, p.phone);
            if let Some(a) = p.addresses.into_iter().next() {
                (form.street, form.city, form.postal_code, form.county) = (a.street, a.city, a.postal_code, a.county);
            }
        }
    }
    Ok(Some(view))
}

/// Submits the checkout form. Every field is kept with the cart first; then the form is
/// checked; a valid form places the order (reserving the stock) and sends the shopper to pay.
#[server(prefix = "/api", endpoint = "place_order", output = Wire)]
pub async fn place_order(
    lang: String,
    name: String,
    email: String,
    phone: String,
    street: String,
    city: String,
    postal_code: String,
    county: String,
    comment: String,
    #[server(default)] paper_invoice: Option<String>,
    #[server(default)] payment: Option<String>,
    #[server(default)] seen: Option<String>,
) -> Result<Submitted, AppError> {
    use super::service::{checkout_view, place_order, save_draft, PlaceError};
    use super::validate::{validate_contact, ContactForm};
    use super::{Draft, PayChoice};
    use crate::payment::provider::PaymentProvider;

    let lang = Lang::from_code(&lang).unwrap_or_default();
    // Without a payment provider nothing can be paid, so nothing is ordered.
    let provider = crate::payment::provider::configured().ok_or(AppError::Unavailable)?;
    let now = chrono::Utc::now();
    let db = crate::server::db()?;
    let checkout_path = format!("/{}/checkout", lang.code());
    let owner = crate::cart::api::server_side::Owner::of_request();
    let cart = crate::cart::service::find_owned(&db, owner.get()).await?;
    let Some(cart) = cart else {
        crate::server::redirect_form_post(&format!("/{}/cart", lang.code()));
        return Err(AppError::CartNotOrderable);
    };
    let draft = Draft {
        form: ContactForm {
            name,
            email,
            phone,
            street,
            city,
            postal_code,
            county,
            comment,
            paper_invoice: paper_invoice.is_some_and(|v| !v.is_empty()),
        },
        payment: payment.unwrap_or_default(),
        submitted: true,
        repriced: false,
    };
    let mut draft = draft;
    // All into the pantry: nothing is delivered now, so no address is asked for.
    let delivers = crate::cart::service::facts(&db, &cart, lang, now).await?.quote(now).delivers();
    let validated = validate_contact(&draft.form, delivers);
    // A restricted account orders nothing, signed in or by its address as a guest.
    let account = crate::accounts::visitor::current().map(|v| v.user_id());
    if !crate::accounts::service::may_order(&db, account, &draft.form.email).await? {
        return Err(AppError::AccountRestricted);
    }
    // Fees and dates depend on the county: an address elsewhere than the cart's county prices
    // the cart again, and the shopper confirms the new figures before ordering.
    if let Ok(contact) = &validated {
        if delivers && contact.county != cart.county {
            crate::cart::service::set_county(&db, cart.id, contact.county, now).await?;
            draft.repriced = true;
        }
    }
    save_draft(&db, cart.id, &draft).await?;
    let choice = PayChoice::from_code(&draft.payment);
    let (contact, choice) = match (validated, choice) {
        (Ok(contact), Some(choice)) if !draft.repriced => (contact, choice),
        _ => {
            crate::server::redirect_form_post(&checkout_path);
            // Read again: the county may have changed above.
            use sea_orm::EntityTrait;
            let cart = crate::db::entity::cart::Entity::find_by_id(cart.id).one(&db).await?.unwrap_or(cart);
            return Ok(Submitted::Invalid(Box::new(checkout_view(&db, &cart, lang, now).await?)));
        }
    };
    let client = crate::server::client_address();
    match place_order(&db, &cart, &contact, choice, lang, seen.as_deref(), client.as_deref(), now).await {
        Ok(placed) => {
            let url = provider.start_url(lang, &placed.payment_reference);
            leptos_axum::redirect(&url);
            Ok(Submitted::Pay(url))
        }
        Err(PlaceError::Changed) => {
            // Show the new figures, with what was typed, and ask to confirm them.
            draft.repriced = true;
            save_draft(&db, cart.id, &draft).await?;
            crate::server::redirect_form_post(&checkout_path);
            Ok(Submitted::Invalid(Box::new(checkout_view(&db, &cart, lang, now).await?)))
        }
        Err(PlaceError::TooManyPending) => {
            crate::server::redirect_form_post(&format!("/{}/cart?notice=too_many_orders", lang.code()));
            Err(AppError::TooManyRequests)
        }
        Err(e) => {
            crate::server::redirect_form_post(&format!("/{}/cart?notice=changed", lang.code()));
            Err(match e {
                PlaceError::NotOrderable | PlaceError::Changed => AppError::CartNotOrderable,
                PlaceError::TooManyPending => AppError::TooManyRequests,
                PlaceError::SoldOut(_) => AppError::SoldOut,
                PlaceError::Db(db) => db.into(),
            })
        }
    }
}
