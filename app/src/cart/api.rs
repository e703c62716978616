//! Server functions of the cart. Each is a form's action: without JavaScript the browser posts
//! the form and is redirected to the cart page; when hydrated the page updates in place. The
//! cart is found by the `turg_cart` cookie, set on the first addition.

use super::{Added, CartView};
use crate::delivery::County;
use crate::errors::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use crate::wire::Wire;

#[cfg(feature = "ssr")]
pub(crate) mod server_side {
    use super::super::{service, CART_COOKIE};
    use crate::errors::AppError;
    use crate::i18n::Lang;
    use crate::ids::UserId;

    /// A cart cookie lives for 90 days after the last change.
    const CART_COOKIE_DAYS: i64 = 90;

    /// Whose cart this request means: the signed-in account's, else the cookie's guest cart.
    pub struct Owner {
        pub account: Option<UserId>,
        pub token: Option<String>,
    }

    impl Owner {
        pub fn of_request() -> Owner {
            let account = crate::accounts::visitor::current().map(|v| UserId(v.user_id()));
            Owner { account, token: crate::server::cookie(CART_COOKIE) }
        }

        pub fn get(&self) -> service::CartOwner<'_> {
            match self.account {
                Some(id) => service::CartOwner::Account(id.0),
                None => service::CartOwner::Guest(self.token.as_deref()),
            }
        }
    }

    /// The cart of this request, created (and for a guest the cookie set) when `create` is true.
    pub async fn cart_id(create: bool) -> Result<Option<i32>, AppError> {
        let db = crate::server::db()?;
        let owner = Owner::of_request();
        if !create {
            return Ok(service::find_owned(&db, owner.get()).await?.map(|c| c.id));
        }
        let (cart, new_token) = service::find_or_create(&db, owner.get(), chrono::Utc::now()).await?;
        if owner.account.is_none() {
            let token = new_token.or(owner.token.clone()).unwrap_or_default();
            // Refreshed on every change, so an active cart never expires.
            crate::server::set_cookie(CART_COOKIE, &token, CART_COOKIE_DAYS * 86_400);
        }
        Ok(Some(cart.id))
    }

    pub fn lang_of(code: &str) -> Lang {
        Lang::from_code(code).unwrap_or_default()
    }

    pub fn cart_path(lang: Lang, notice: Option<&str>) -> String {
        match notice {
            Some(n) => format!("/{}/cart?notice={n}", lang.code()),
            None => format!("/{}/cart", lang.code()),
        }
    }

    impl From<service::CartError> for AppError {
        fn from(e: service::CartError) -> AppError {
            match e {
                service::CartError::NoOffer | service::CartError::NoLine | service::CartError::NoMethod => AppError::NotFound,
                service::CartError::NotSold => AppError::NotForSale,
                service::CartError::SoldOut => AppError::SoldOut,
                service::CartError::Full => AppError::CartFull,
                service::CartError::TooManyUnits => AppError::TooManyUnits,
                service::CartError::NotStorable => AppError::BadRequest("not storable".into()),
                service::CartError::NeedsAccount => AppError::Unauthorized,
                service::CartError::Db(db) => db.into(),
            }
        }
    }

    /// Without JavaScript an error is shown on the cart page, as a notice.
    pub fn notice_for(e: &AppError) -> &'static str {
        match e {
            AppError::SoldOut => "sold_out",
            AppError::NotForSale => "not_for_sale",
            AppError::CartFull => "cart_full",
            AppError::TooManyUnits => "too_many_units",
            AppError::Unauthorized => "pantry_sign_in",
            _ => "error",
        }
    }
}

/// The cart of this browser, priced for its county.
#[server(prefix = "/api", endpoint = "cart", output = Wire)]
pub async fn get_cart(lang: Lang) -> Result<CartView, AppError> {
    let db = crate::server::db()?;
    let owner = server_side::Owner::of_request();
    Ok(super::service::cart_view(&db, owner.get(), lang, chrono::Utc::now()).await?)
}

/// Units in this browser's cart (the header's count).
#[server(prefix = "/api", endpoint = "cart_count", output = Wire)]
pub async fn cart_count() -> Result<i32, AppError> {
    match server_side::cart_id(false).await? {
        Some(id) => Ok(super::service::count(&crate::server::db()?, id).await?),
        None => Ok(0),
    }
}

/// Adds an offer to the cart (creating the cart and its cookie on first use).
#[server(prefix = "/api", endpoint = "cart_add", output = Wire)]
pub async fn add_to_cart(lang: String, offer_id: i32, quantity: i32) -> Result<Added, AppError> {
    use crate::ids::{CartId, OfferId};
    use server_side::*;
    let lang = lang_of(&lang);
    let result = async {
        let id = cart_id(true).await?.ok_or(AppError::Unavailable)?;
        let db = crate::server::db()?;
        Ok::<_, AppError>(super::service::add(&db, CartId(id), OfferId(offer_id), quantity, chrono::Utc::now()).await?)
    }
    .await;
    let notice = match &result {
        Ok(added) if added.limited_to.is_some() => Some("limited"),
        Ok(_) => Some("added"),
        Err(e) => Some(notice_for(e)),
    };
    crate::server::redirect_form_post(&cart_path(lang, notice));
    result
}

/// Sets a line's quantity; 0 removes the line.
#[server(prefix = "/api", endpoint = "cart_update", output = Wire)]
pub async fn update_line(lang: String, line_id: i32, quantity: i32) -> Result<Option<i32>, AppError> {
    use crate::ids::CartId;
    use server_side::*;
    let lang = lang_of(&lang);
    let result = async {
        let id = cart_id(false).await?.ok_or(AppError::NotFound)?;
        let db = crate::server::db()?;
        let (_, limited) = super::service::set_quantity(&db, CartId(id), line_id, quantity, chrono::Utc::now()).await?;
        Ok::<_, AppError>(limited)
    }
    .await;
    let notice = match &result {
        Ok(Some(_)) => Some("limited"),
        Ok(None) => None,
        Err(e) => Some(notice_for(e)),
    };
    crate::server::redirect_form_post(&cart_path(lang, notice));
    result
}

/// Delivers a line now (`store` false) or buys it into the pantry (`store` true, signed in
/// only: a guest is asked to sign in, and the cart is kept).
#[server(prefix = "/api", endpoint = "cart_mode", output = Wire)]
pub async fn set_line_mode(lang: String, line_id: i32, store: bool) -> Result<(), AppError> {
    use crate::ids::CartId;
    use server_side::*;
    let lang = lang_of(&lang);
    let result = async {
        let id = cart_id(false).await?.ok_or(AppError::NotFound)?;
        let account = Owner::of_request().account.is_some();
        let db = crate::server::db()?;
        Ok::<_, AppError>(super::service::set_mode(&db, CartId(id), line_id, store, account, chrono::Utc::now()).await?)
    }
    .await;
    let notice = match &result {
        Ok(()) if store => Some("stored"),
        Ok(()) => None,
        Err(e) => Some(notice_for(e)),
    };
    crate::server::redirect_form_post(&cart_path(lang, notice));
    result
}

/// Chooses the delivery method for one seller's goods.
#[server(prefix = "/api", endpoint = "cart_method", output = Wire)]
pub async fn choose_method(lang: String, method_id: i32) -> Result<(), AppError> {
    use crate::ids::CartId;
    use server_side::*;
    let lang = lang_of(&lang);
    crate::server::redirect_form_post(&cart_path(lang, None));
    let id = cart_id(false).await?.ok_or(AppError::NotFound)?;
    Ok(super::service::choose_method(&crate::server::db()?, CartId(id), method_id, chrono::Utc::now()).await?)
}

/// The county the cart is delivered to (fees, dates and which methods apply).
#[server(prefix = "/api", endpoint = "cart_county", output = Wire)]
pub async fn choose_county(lang: String, county: County) -> Result<(), AppError> {
    use server_side::*;
    let lang = lang_of(&lang);
    crate::server::redirect_form_post(&cart_path(lang, None));
    let id = cart_id(true).await?.ok_or(AppError::Unavailable)?;
    Ok(super::service::set_county(&crate::server::db()?, id, county, chrono::Utc::now()).await?)
}
