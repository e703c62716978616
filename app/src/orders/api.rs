//! Server functions of the order page.

use super::OrderView;
use crate::errors::AppError;
use leptos::prelude::*;
use crate::wire::Wire;

/// An order for the holder of its key, or for the browser holding the cart it was placed
/// from. A wrong key is answered exactly like a missing order, so keys cannot be probed.
#[server(prefix = "/api", endpoint = "order", output = Wire)]
pub async fn get_order(id: i32, key: String) -> Result<OrderView, AppError> {
    let db = crate::server::db()?;
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let cart_id = match crate::server::cookie(crate::cart::CART_COOKIE) {
        Some(token) => crate::cart::service::find(&db, &token).await?.map(|c| c.id),
        None => None,
    };
    super::service::order_for(&db, id, &key, cart_id, provider).await?.ok_or(AppError::NotFound)
}
