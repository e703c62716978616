//! Server functions of the order page.

use super::OrderView;
use crate::errors::AppError;
use leptos::prelude::*;

/// An order for the holder of its key. A wrong key is answered exactly like a missing order,
/// so keys cannot be probed.
#[server(prefix = "/api", endpoint = "order")]
pub async fn get_order(id: i32, key: String) -> Result<OrderView, AppError> {
    let db = crate::server::db()?;
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let order = super::service::order_view(&db, id, provider).await?.ok_or(AppError::NotFound)?;
    if !super::service::key_matches(&order.token, &key) {
        return Err(AppError::NotFound);
    }
    Ok(order)
}
