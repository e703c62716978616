//! Server functions of the order page.

use super::OrderView;
use crate::errors::AppError;
use leptos::prelude::*;
use crate::wire::Wire;

/// An order for the holder of its key, or for the browser holding the cart it was placed
/// from. A wrong key is answered exactly like a missing order, so keys cannot be probed.
#[server(prefix = "/api", endpoint = "order", output = Wire)]
pub async fn get_order(id: i32, key: String) -> Result<OrderView, AppError> {
    use crate::ids::{CartId, OrderId};
    let db = crate::server::db()?;
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let owner = crate::cart::api::server_side::Owner::of_request();
    let cart_id = crate::cart::service::find_owned(&db, owner.get()).await?.map(|c| CartId(c.id));
    super::service::order_for(&db, OrderId(id), &key, cart_id, owner.account, provider).await?.ok_or(AppError::NotFound)
}

/// Cancels one shipment of a paid order (its buyer, by the order's key, cart or account).
/// Without JavaScript the browser goes back to the order page with a notice.
#[server(prefix = "/api", endpoint = "order_cancel_shipment", output = Wire)]
pub async fn cancel_shipment(
    lang: String,
    order_id: i32,
    #[server(default)] key: String,
    shipment_id: i32,
    reason: String,
    #[server(default)] note: String,
) -> Result<super::aftersale::CancelAnswer, AppError> {
    use super::aftersale::{CancelAnswer, CancelReason};
    use super::cancel::{cancel_shipment, CancelError, OrderAccess};
    use crate::ids::{CartId, ShipmentId};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let reason = CancelReason::from_code(&reason).ok_or_else(|| AppError::BadRequest("reason".into()))?;
    let db = crate::server::db()?;
    let owner = crate::cart::api::server_side::Owner::of_request();
    let cart_id = crate::cart::service::find_owned(&db, owner.get()).await?.map(|c| CartId(c.id));
    let access = OrderAccess { key: &key, cart_id, account: owner.account };
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let answer = match cancel_shipment(&db, access, ShipmentId(shipment_id), reason, &note, provider, chrono::Utc::now()).await {
        Ok(done) => CancelAnswer::Done { refunded_cents: done.refunded_cents },
        Err(CancelError::Cannot(why)) => CancelAnswer::Refused(why),
        Err(CancelError::Unpaid) => CancelAnswer::Unpaid,
        Err(CancelError::NotFound) => return Err(AppError::NotFound),
        Err(CancelError::Db(e)) => return Err(e.into()),
    };
    crate::server::redirect_form_post(&order_notice_path(lang, order_id, &key, answer.code()));
    Ok(answer)
}

/// Withdraws from (`kind` = `withdrawal`) or complains about (`kind` = `complaint`, with a
/// remedy and a description) one delivered shipment, for its buyer (by the order's key, cart or
/// account). Without JavaScript the browser goes back to the order page with a notice.
#[server(prefix = "/api", endpoint = "order_claim", output = Wire)]
pub async fn claim_shipment(
    lang: String,
    order_id: i32,
    #[server(default)] key: String,
    shipment_id: i32,
    kind: String,
    #[server(default)] remedy: String,
    #[server(default)] description: String,
) -> Result<super::aftersale::ClaimAnswer, AppError> {
    use super::aftersale::{ClaimAnswer, Remedy};
    use super::cancel::OrderAccess;
    use super::claims::{make_claim, ClaimError, ClaimRequest};
    use crate::ids::{CartId, ShipmentId};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let request = match kind.as_str() {
        "withdrawal" => ClaimRequest::Withdrawal,
        "complaint" => ClaimRequest::Complaint {
            remedy: Remedy::from_code(&remedy).ok_or_else(|| AppError::BadRequest("remedy".into()))?,
            description: &description,
        },
        _ => return Err(AppError::BadRequest("kind".into())),
    };
    let db = crate::server::db()?;
    let owner = crate::cart::api::server_side::Owner::of_request();
    let cart_id = crate::cart::service::find_owned(&db, owner.get()).await?.map(|c| CartId(c.id));
    let access = OrderAccess { key: &key, cart_id, account: owner.account };
    let answer = match make_claim(&db, access, ShipmentId(shipment_id), request, chrono::Utc::now()).await {
        Ok(made) => ClaimAnswer::Made(made.kind),
        Err(ClaimError::Withdraw(why)) => ClaimAnswer::CannotWithdraw(why),
        Err(ClaimError::Complain(why)) => ClaimAnswer::CannotComplain(why),
        Err(ClaimError::AlreadyMade(kind)) => ClaimAnswer::AlreadyMade(kind),
        Err(ClaimError::NotFound) => return Err(AppError::NotFound),
        Err(ClaimError::Db(e)) => return Err(e.into()),
    };
    crate::server::redirect_form_post(&order_notice_path(lang, order_id, &key, answer.code()));
    Ok(answer)
}

/// The order page with a `?notice=` after a plain post (the key kept for guests).
#[cfg(feature = "ssr")]
fn order_notice_path(lang: crate::i18n::Lang, order_id: i32, key: &str, notice: &str) -> String {
    let key_part = if key.is_empty() { String::new() } else { format!("key={}&", crate::markup::query_value(key)) };
    format!("/{}/orders/{order_id}?{key_part}notice={notice}", lang.code())
}
