//! What a buyer may do with a shipment after ordering, as plain rules: cancel before it is
//! handed to the carrier (with a reason), withdraw within 14 days of delivery (not perishable
//! goods), complain about a defect within two years of delivery (the seller answers within 15
//! days). The service applies them; the order page shows what each says.

use super::ShipmentStatus;
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days after delivery in which ordinary goods may be withdrawn from (EU consumer law).
pub const WITHDRAWAL_DAYS: u64 = 14;
/// Months after delivery in which a defect may be complained about.
pub const COMPLAINT_MONTHS: u32 = 24;
/// Days the seller has to answer a complaint.
pub const COMPLAINT_ANSWER_DAYS: u64 = 15;
/// The longest "other" reason kept.
pub const REASON_TEXT_MAX: usize = 500;

/// Why a shipment is cancelled, from the list the page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CancelReason {
    ChangedMind,
    FoundCheaper,
    TooLate,
    ByMistake,
    /// With a text of the buyer's own.
    Other,
}

impl CancelReason {
    pub const ALL: [CancelReason; 5] =
        [CancelReason::ChangedMind, CancelReason::FoundCheaper, CancelReason::TooLate, CancelReason::ByMistake, CancelReason::Other];

    pub fn code(self) -> &'static str {
        match self {
            CancelReason::ChangedMind => "changed_mind",
            CancelReason::FoundCheaper => "found_cheaper",
            CancelReason::TooLate => "too_late",
            CancelReason::ByMistake => "by_mistake",
            CancelReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<CancelReason> {
        CancelReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Why a cancellation cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CannotCancel {
    /// Handed to the carrier: refuse the parcel at delivery instead; it goes back to the seller.
    Shipped,
    /// Already cancelled, delivered or returned.
    Over,
    /// "Other" needs a few words; or the text is too long.
    ReasonMissing,
}

/// What the page says after a cancellation was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CancelAnswer {
    /// Cancelled; this much goes back to the payer.
    Done { refunded_cents: i64 },
    Refused(CannotCancel),
    /// The order is not paid yet.
    Unpaid,
}

impl CancelAnswer {
    /// The `?notice=` of the order page after a plain post.
    pub fn code(self) -> &'static str {
        match self {
            CancelAnswer::Done { .. } => "cancelled",
            CancelAnswer::Refused(CannotCancel::Shipped) => "shipped",
            CancelAnswer::Refused(CannotCancel::Over) => "over",
            CancelAnswer::Refused(CannotCancel::ReasonMissing) => "reason",
            CancelAnswer::Unpaid => "unpaid",
        }
    }
}

/// Checks a cancellation: the shipment's state and the reason given.
pub fn check_cancel(status: ShipmentStatus, reason: CancelReason, text: &str) -> Result<(), CannotCancel> {
    if !status.cancellable() {
        return Err(if status == ShipmentStatus::Shipped { CannotCancel::Shipped } else { CannotCancel::Over });
    }
    let text = text.trim();
    if (reason == CancelReason::Other && text.is_empty()) || text.chars().count() > REASON_TEXT_MAX {
        return Err(CannotCancel::ReasonMissing);
    }
    Ok(())
}

/// Why goods cannot be withdrawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CannotWithdraw {
    NotDelivered,
    /// Perishable goods (food that spoils) are excepted by law.
    Perishable,
    /// The 14 days have passed.
    TooLate,
}

/// The last day of the withdrawal period: 14 days after the day of delivery.
pub fn withdrawal_until(delivered_on: NaiveDate) -> NaiveDate {
    delivered_on + Days::new(WITHDRAWAL_DAYS)
}

/// Whether a shipment delivered on `delivered_on` (if it was) may be withdrawn from on `today`.
pub fn check_withdrawal(delivered_on: Option<NaiveDate>, perishable: bool, today: NaiveDate) -> Result<NaiveDate, CannotWithdraw> {
    let delivered = delivered_on.ok_or(CannotWithdraw::NotDelivered)?;
    if perishable {
        return Err(CannotWithdraw::Perishable);
    }
    let until = withdrawal_until(delivered);
    if today > until {
        return Err(CannotWithdraw::TooLate);
    }
    Ok(until)
}

/// The last day a defect may be complained about: two years after delivery (the 29th of
/// February becomes the 28th).
pub fn complaint_until(delivered_on: NaiveDate) -> NaiveDate {
    delivered_on.checked_add_months(Months::new(COMPLAINT_MONTHS)).unwrap_or(delivered_on)
}

/// When the seller's answer to a complaint made on `made_on` is due.
pub fn complaint_answer_due(made_on: NaiveDate) -> NaiveDate {
    made_on + Days::new(COMPLAINT_ANSWER_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ShipmentStatus::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn cancel_until_handed_to_the_carrier() {
        for s in [Placed, Paid, Processing] {
            assert_eq!(check_cancel(s, CancelReason::ChangedMind, ""), Ok(()), "{s:?}");
        }
        assert_eq!(check_cancel(Shipped, CancelReason::ChangedMind, ""), Err(CannotCancel::Shipped));
        for s in [Delivered, Cancelled, Returned] {
            assert_eq!(check_cancel(s, CancelReason::ChangedMind, ""), Err(CannotCancel::Over), "{s:?}");
        }
        assert_eq!(check_cancel(Paid, CancelReason::Other, "   "), Err(CannotCancel::ReasonMissing));
        assert_eq!(check_cancel(Paid, CancelReason::Other, "the parcel machine moved"), Ok(()));
        assert_eq!(check_cancel(Paid, CancelReason::TooLate, &"x".repeat(501)), Err(CannotCancel::ReasonMissing));
        for r in CancelReason::ALL {
            assert_eq!(CancelReason::from_code(r.code()), Some(r));
        }
        assert_eq!(CancelReason::from_code("because"), None);
    }

    #[test]
    fn withdrawal_within_fourteen_days_for_lasting_goods() {
        let delivered = day(2026, 11, 20);
        assert_eq!(check_withdrawal(Some(delivered), false, day(2026, 12, 4)), Ok(day(2026, 12, 4)));
        assert_eq!(check_withdrawal(Some(delivered), false, day(2026, 12, 5)), Err(CannotWithdraw::TooLate));
        assert_eq!(check_withdrawal(Some(delivered), true, day(2026, 11, 21)), Err(CannotWithdraw::Perishable));
        assert_eq!(check_withdrawal(None, false, day(2026, 11, 21)), Err(CannotWithdraw::NotDelivered));
    }

    #[test]
    fn complaints_for_two_years_answered_in_fifteen_days() {
        assert_eq!(complaint_until(day(2026, 11, 20)), day(2028, 11, 20));
        assert_eq!(complaint_until(day(2028, 2, 29)), day(2030, 2, 28));
        assert_eq!(complaint_answer_due(day(2026, 12, 24)), day(2027, 1, 8));
    }
}
