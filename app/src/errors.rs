//! The one error type that crosses from the server to the page. Every variant maps to a
//! translated message and an HTTP status; internal details stay in the server log.

use crate::i18n::Texts;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist (or is not public).
    #[error("not found")]
    NotFound,
    /// The request was malformed; the string names the offending input for the log.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The database failed or could not be reached; details are logged on the server only.
    #[error("the database is unavailable")]
    Unavailable,
    /// The offer is sold out.
    #[error("sold out")]
    SoldOut,
    /// The offer is paused or its seller may not sell now.
    #[error("not for sale")]
    NotForSale,
    /// The cart changed (stock, prices, delivery) and must be looked at again before ordering.
    #[error("the cart cannot be ordered as it is")]
    CartNotOrderable,
    /// Not allowed for this visitor.
    #[error("forbidden")]
    Forbidden,
    /// Only for a signed-in account: sign in first.
    #[error("sign in first")]
    Unauthorized,
    /// The account is restricted (a dispute's decision or an administrator): no new orders.
    #[error("the account may not place orders")]
    AccountRestricted,
    /// Too many requests of this kind from this client for now (e.g. orders awaiting payment
    /// per address and hour); try again later.
    #[error("too many requests")]
    TooManyRequests,
    /// The cart already holds as many different offers as a cart may.
    #[error("the cart is full")]
    CartFull,
    /// More units of one offer than a cart line may hold.
    #[error("too many units in one line")]
    TooManyUnits,
    /// The server function transport failed (network, encoding).
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest(_) => 400,
            AppError::Unavailable => 503,
            AppError::SoldOut | AppError::NotForSale | AppError::CartNotOrderable => 409,
            AppError::CartFull | AppError::TooManyUnits => 409,
            AppError::Forbidden | AppError::AccountRestricted => 403,
            AppError::Unauthorized => 401,
            AppError::TooManyRequests => 429,
            AppError::Transport(_) => 500,
        }
    }

    /// The message a shopper sees, in their language.
    pub fn message(&self, t: &'static Texts) -> &'static str {
        match self {
            AppError::NotFound => t.error_not_found,
            AppError::BadRequest(_) => t.error_bad_request,
            AppError::Unavailable => t.error_unavailable,
            AppError::SoldOut => t.error_sold_out,
            AppError::NotForSale => t.error_not_for_sale,
            AppError::CartNotOrderable => t.error_cart_changed,
            AppError::Forbidden => t.error_forbidden,
            AppError::AccountRestricted => t.error_account_restricted,
            AppError::Unauthorized => t.error_sign_in_first,
            AppError::TooManyRequests => t.error_too_many,
            AppError::CartFull => t.error_cart_full,
            AppError::TooManyUnits => t.error_too_many_units,
            AppError::Transport(_) => t.error_transport,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Arguments the server function could not read (a malformed or missing field, a number
    /// out of range, an unknown county) are the client's fault: 400 with a generic message,
    /// the detail only in the server's log. Anything else is a transport failure.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::MissingArg(detail) | ServerFnErrorErr::Deserialization(detail) => {
                #[cfg(feature = "ssr")]
                {
                    tracing::info!(%detail, "server function arguments refused");
                    crate::server::set_status(400);
                }
                #[cfg(not(feature = "ssr"))]
                let _ = detail;
                AppError::BadRequest("arguments".into())
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Unavailable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, EN, ET};

    #[test]
    fn statuses_and_messages() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::Unavailable.status(), 503);
        assert_eq!(AppError::NotFound.message(&EN), EN.error_not_found);
        assert_ne!(AppError::NotFound.message(&ET), AppError::NotFound.message(Lang::En.texts()));
    }

    #[test]
    fn limits_have_their_statuses_and_name_their_numbers() {
        assert_eq!(AppError::TooManyRequests.status(), 429);
        assert_eq!(AppError::CartFull.status(), 409);
        for lang in [Lang::Et, Lang::En, Lang::Ru] {
            let t = lang.texts();
            assert!(AppError::CartFull.message(t).contains(&crate::cart::MAX_LINES.to_string()), "{lang:?}");
            assert!(AppError::TooManyUnits.message(t).contains(&crate::cart::MAX_QUANTITY.to_string()), "{lang:?}");
        }
    }

    #[test]
    fn survives_the_wire() {
        let json = serde_json::to_string(&AppError::BadRequest("page".into())).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), AppError::BadRequest("page".into()));
    }
}
