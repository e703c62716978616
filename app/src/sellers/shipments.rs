//! A seller's shipments in the seller area: the list (filtered by status and the day the order
//! was placed), accepting one, handing it to the carrier with a tracking number (the buyer is
//! e-mailed, and the order page shows it) and marking it delivered. The rules are pure and
//! unit-tested; the server functions are thin adapters to `shipment_service`, each behind the
//! seller-area guard (another seller's shipment is "not found").

use crate::errors::AppError;
use crate::orders::{ShipmentStatus, Tracking};
use crate::wire::Wire;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const SHIPMENTS_PER_PAGE: u64 = 30;
const CARRIER_MAX: usize = 60;
const TRACKING_MAX: usize = 60;

/// What a seller does with a shipment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShipAction {
    /// Paid → being prepared.
    Accept,
    /// Paid or being prepared → on its way, with the carrier and tracking number.
    Ship,
    /// On its way → delivered.
    Deliver,
}

impl ShipAction {
    pub fn code(self) -> &'static str {
        match self {
            ShipAction::Accept => "accept",
            ShipAction::Ship => "ship",
            ShipAction::Deliver => "deliver",
        }
    }

    pub fn from_code(code: &str) -> Option<ShipAction> {
        [ShipAction::Accept, ShipAction::Ship, ShipAction::Deliver].into_iter().find(|a| a.code() == code)
    }

    /// The statuses it may be taken from, and the status it leads to.
    pub fn from_to(self) -> (&'static [ShipmentStatus], ShipmentStatus) {
        use ShipmentStatus::*;
        match self {
            ShipAction::Accept => (&[Paid], Processing),
            ShipAction::Ship => (&[Paid, Processing], Shipped),
            ShipAction::Deliver => (&[Shipped], Delivered),
        }
    }

    /// Whether it may be taken on a shipment in `status`.
    pub fn allowed_from(self, status: ShipmentStatus) -> bool {
        self.from_to().0.contains(&status)
    }
}

/// Why a shipment action was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShipProblem {
    CarrierRequired,
    TrackingRequired,
    /// Letters, digits, spaces and dashes only, at most 60.
    TrackingInvalid,
    /// The shipment is not (or no longer) in a status the action may be taken from.
    NotNow(ShipmentStatus),
}

/// The carrier's name and the tracking number as the seller typed them, checked.
pub fn tracking(carrier: &str, number: &str) -> Result<Tracking, ShipProblem> {
    let carrier = carrier.split_whitespace().collect::<Vec<_>>().join(" ");
    if carrier.is_empty() || carrier.chars().any(char::is_control) {
        return Err(ShipProblem::CarrierRequired);
    }
    let carrier: String = carrier.chars().take(CARRIER_MAX).collect();
    let number = number.trim().to_uppercase();
    if number.is_empty() {
        return Err(ShipProblem::TrackingRequired);
    }
    let ok = number.chars().count() <= TRACKING_MAX
        && number.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && number.chars().any(|c| c.is_ascii_alphanumeric());
    if !ok {
        return Err(ShipProblem::TrackingInvalid);
    }
    Ok(Tracking { carrier, number })
}

/// One of the seller's shipments as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerShipment {
    pub id: i32,
    pub order_id: i32,
    #[serde(with = "crate::wire::instant")]
    pub placed_at: chrono::DateTime<chrono::Utc>,
    pub status: ShipmentStatus,
    pub buyer: String,
    pub address: String,
    pub method_name: String,
    pub goods_cents: i64,
    pub fee_cents: i64,
    #[serde(with = "crate::wire::day")]
    pub earliest: NaiveDate,
    #[serde(with = "crate::wire::day")]
    pub latest: NaiveDate,
    /// "2 × Milk 1 l" per line.
    pub lines: Vec<String>,
    pub tracking: Option<Tracking>,
    /// Bought into the buyer's pantry: kept for the buyer, sent later by a transport order.
    pub to_pantry: bool,
    /// A transport order: goods from the buyer's pantry (paid for before).
    pub transport: bool,
}

/// The list's filters: a status, and the first and last day (Tallinn) orders were placed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentFilter {
    pub status: Option<ShipmentStatus>,
    #[serde(with = "crate::wire::day_opt")]
    pub from: Option<NaiveDate>,
    #[serde(with = "crate::wire::day_opt")]
    pub to: Option<NaiveDate>,
}

impl ShipmentFilter {
    /// From the query string's values; anything unreadable is no filter.
    pub fn parse(status: Option<&str>, from: Option<&str>, to: Option<&str>) -> ShipmentFilter {
        let day = |s: Option<&str>| s.and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
        ShipmentFilter { status: status.and_then(ShipmentStatus::from_code), from: day(from), to: day(to) }
    }

    /// The query string of these filters (without `?`).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.code()));
        }
        if let Some(d) = self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={d}"));
        }
        parts.join("&")
    }
}

/// What the last action answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipAnswer {
    pub shipment_id: i32,
    pub done: Option<ShipAction>,
    pub problem: Option<ShipProblem>,
    /// Cancelled: this much goes back to the buyer.
    pub cancelled: Option<i64>,
    /// A cancellation refused (handed to the carrier already, or no reason).
    pub not_cancelled: Option<crate::orders::aftersale::CannotCancel>,
}

/// `/{lang}/seller/shipments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentsPage {
    pub rows: Vec<SellerShipment>,
    pub page: crate::catalog::paging::Page,
    pub filter: ShipmentFilter,
    pub answer: Option<ShipAnswer>,
}

#[server(prefix = "/api", endpoint = "seller_shipments", output = Wire)]
pub async fn get_seller_shipments(
    lang: crate::i18n::Lang,
    #[server(default)] status: Option<String>,
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
    page: u64,
) -> Result<ShipmentsPage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let answer = crate::accounts::api::server_side::take_flash();
    let filter = ShipmentFilter::parse(status.as_deref(), from.as_deref(), to.as_deref());
    let mut page = super::shipment_service::shipments_page(&db, &me, lang, &filter, page.max(1)).await?;
    page.answer = answer;
    Ok(page)
}

/// Accepts a shipment, hands it to the carrier, or marks it delivered.
#[server(prefix = "/api", endpoint = "seller_shipment_action", output = Wire)]
pub async fn shipment_action(
    lang: String,
    id: i32,
    action: String,
    #[server(default)] carrier: Option<String>,
    #[server(default)] tracking_number: Option<String>,
    #[server(default)] back: Option<String>,
) -> Result<ShipAnswer, AppError> {
    use super::shipment_service::{act, ShipError};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let action = ShipAction::from_code(&action).ok_or_else(|| AppError::BadRequest(format!("action {action:?}")))?;
    let mut answer = ShipAnswer { shipment_id: id, ..Default::default() };
    match act(&db, &me, id, action, carrier.as_deref().unwrap_or_default(), tracking_number.as_deref().unwrap_or_default(), chrono::Utc::now()).await {
        Ok(_) => answer.done = Some(action),
        Err(ShipError::Problem(p)) => answer.problem = Some(p),
        Err(ShipError::NotFound) => return Err(AppError::NotFound),
        Err(ShipError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &list_address(lang, back)))
}

/// Cancels one of the seller's shipments with a reason: its stock returns, the buyer is paid
/// back through the payment provider and e-mailed (the buyer's own cancellation, from the
/// seller's side).
#[server(prefix = "/api", endpoint = "seller_cancel_shipment", output = Wire)]
pub async fn seller_cancel_shipment(
    lang: String,
    id: i32,
    reason: String,
    #[server(default)] note: Option<String>,
    #[server(default)] back: Option<String>,
) -> Result<ShipAnswer, AppError> {
    use crate::orders::aftersale::{CancelReason, CannotCancel};
    use crate::orders::cancel::{cancel, CancelError, Canceller};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let reason = CancelReason::from_code(&reason).ok_or_else(|| AppError::BadRequest(format!("reason {reason:?}")))?;
    let provider = crate::payment::provider::configured().map(|p| p as &dyn crate::payment::provider::PaymentProvider);
    let by = Canceller::Seller(me.seller_id());
    let note = note.unwrap_or_default();
    let mut answer = ShipAnswer { shipment_id: id, ..Default::default() };
    match cancel(&db, by, crate::ids::ShipmentId(id), reason, &note, provider, chrono::Utc::now()).await {
        Ok(done) => answer.cancelled = Some(done.refunded_cents),
        Err(CancelError::Cannot(why)) => answer.not_cancelled = Some(why),
        Err(CancelError::Unpaid) => answer.not_cancelled = Some(CannotCancel::Over),
        Err(CancelError::NotFound) => return Err(AppError::NotFound),
        Err(CancelError::Db(e)) => return Err(e.into()),
    }
    Ok(crate::accounts::api::server_side::again(answer, &list_address(lang, back)))
}

/// Where a plain post goes back to: the list as it was filtered (only a query string of our
/// own making).
#[cfg(feature = "ssr")]
fn list_address(lang: crate::i18n::Lang, back: Option<String>) -> String {
    let query = back.filter(|q| q.chars().all(|c| c.is_ascii_alphanumeric() || "=&-_".contains(c))).unwrap_or_default();
    let base = format!("/{}/seller/shipments", lang.code());
    if query.is_empty() { base } else { format!("{base}?{query}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ShipmentStatus::*;

    #[test]
    fn actions_follow_the_shipment_rules() {
        for action in [ShipAction::Accept, ShipAction::Ship, ShipAction::Deliver] {
            let (from, to) = action.from_to();
            for f in from {
                // Each step is one the order rules allow (shipping from paid passes "processing").
                assert!(f.can_become(to) || (f.can_become(Processing) && Processing.can_become(to)), "{action:?} from {f:?}");
            }
            assert_eq!(ShipAction::from_code(action.code()), Some(action));
        }
        assert!(!ShipAction::Ship.allowed_from(Placed), "not before it is paid");
        assert!(!ShipAction::Deliver.allowed_from(Processing), "not before it is on its way");
        assert!(!ShipAction::Accept.allowed_from(Cancelled));
    }

    #[test]
    fn tracking_is_checked() {
        assert_eq!(
            tracking("  Omniva ", " ee123456789ee "),
            Ok(Tracking { carrier: "Omniva".into(), number: "EE123456789EE".into() })
        );
        assert_eq!(tracking("", "1"), Err(ShipProblem::CarrierRequired));
        assert_eq!(tracking("DPD", "  "), Err(ShipProblem::TrackingRequired));
        assert_eq!(tracking("DPD", "<script>"), Err(ShipProblem::TrackingInvalid));
        assert_eq!(tracking("DPD", &"1".repeat(61)), Err(ShipProblem::TrackingInvalid));
    }

    #[test]
    fn filters_round_trip_through_the_query() {
        let f = ShipmentFilter::parse(Some("paid"), Some("2026-11-01"), Some("nonsense"));
        assert_eq!(f.status, Some(Paid));
        assert_eq!(f.to, None);
        assert_eq!(f.query(), "status=paid&from=2026-11-01");
        assert_eq!(ShipmentFilter::parse(Some("lost"), None, None), ShipmentFilter::default());
    }
}
