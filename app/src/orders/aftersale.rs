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
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum CancelReason {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "changed_mind"))]
    ChangedMind,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "found_cheaper"))]
    FoundCheaper,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "too_late"))]
    TooLate,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "by_mistake"))]
    ByMistake,
    /// With a text of the buyer's (or seller's) own.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "other"))]
    Other,
    /// The seller's reasons.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "out_of_stock"))]
    OutOfStock,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "cannot_deliver"))]
    CannotDeliver,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "buyer_asked"))]
    BuyerAsked,
}

impl CancelReason {
    pub const ALL: [CancelReason; 8] = [
        CancelReason::ChangedMind,
        CancelReason::FoundCheaper,
        CancelReason::TooLate,
        CancelReason::ByMistake,
        CancelReason::Other,
        CancelReason::OutOfStock,
        CancelReason::CannotDeliver,
        CancelReason::BuyerAsked,
    ];
    /// What the buyer's form offers.
    pub const BUYER: [CancelReason; 5] =
        [CancelReason::ChangedMind, CancelReason::FoundCheaper, CancelReason::TooLate, CancelReason::ByMistake, CancelReason::Other];
    /// What the seller's form offers.
    pub const SELLER: [CancelReason; 4] =
        [CancelReason::OutOfStock, CancelReason::CannotDeliver, CancelReason::BuyerAsked, CancelReason::Other];

    pub fn code(self) -> &'static str {
        match self {
            CancelReason::ChangedMind => "changed_mind",
            CancelReason::FoundCheaper => "found_cheaper",
            CancelReason::TooLate => "too_late",
            CancelReason::ByMistake => "by_mistake",
            CancelReason::Other => "other",
            CancelReason::OutOfStock => "out_of_stock",
            CancelReason::CannotDeliver => "cannot_deliver",
            CancelReason::BuyerAsked => "buyer_asked",
        }
    }

    pub fn from_code(code: &str) -> Option<CancelReason> {
        CancelReason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The reason as the forms and e-mails say it.
    pub fn text(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            CancelReason::ChangedMind => t.cancel_changed_mind,
            CancelReason::FoundCheaper => t.cancel_found_cheaper,
            CancelReason::TooLate => t.cancel_too_late,
            CancelReason::ByMistake => t.cancel_by_mistake,
            CancelReason::Other => t.cancel_other,
            CancelReason::OutOfStock => t.cancel_out_of_stock,
            CancelReason::CannotDeliver => t.cancel_cannot_deliver,
            CancelReason::BuyerAsked => t.cancel_buyer_asked,
        }
    }
}

/// Who cancelled a shipment (`shipments.cancelled_by`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum CancelledBy {
    /// The buyer, from the order page.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "buyer"))]
    Buyer,
    /// A failed or abandoned payment.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "payment"))]
    Payment,
    /// The seller, from the seller area.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "seller"))]
    Seller,
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

/// Why a complaint cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CannotComplain {
    NotDelivered,
    /// More than two years since delivery.
    TooLate,
    /// The defect must be described (at most `DESCRIPTION_MAX` characters).
    DescriptionMissing,
}

/// The longest description of a defect kept.
pub const DESCRIPTION_MAX: usize = 2000;

/// Whether a defect of a shipment delivered on `delivered_on` may be complained about on
/// `today` with this description; the last day it may be, when it may.
pub fn check_complaint(delivered_on: Option<NaiveDate>, today: NaiveDate, description: &str) -> Result<NaiveDate, CannotComplain> {
    let until = complaint_window(delivered_on, today)?;
    let description = description.trim();
    if description.is_empty() || description.chars().count() > DESCRIPTION_MAX {
        return Err(CannotComplain::DescriptionMissing);
    }
    Ok(until)
}

/// The complaint period alone (the page offers the form while it is open).
pub fn complaint_window(delivered_on: Option<NaiveDate>, today: NaiveDate) -> Result<NaiveDate, CannotComplain> {
    let delivered = delivered_on.ok_or(CannotComplain::NotDelivered)?;
    let until = complaint_until(delivered);
    if today > until {
        return Err(CannotComplain::TooLate);
    }
    Ok(until)
}

/// A withdrawal or a complaint, as stored in `claims.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum ClaimKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "withdrawal"))]
    Withdrawal,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "complaint"))]
    Complaint,
}

/// What a complaining buyer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum Remedy {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "repair"))]
    Repair,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "replacement"))]
    Replacement,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "refund"))]
    Refund,
}

impl Remedy {
    pub const ALL: [Remedy; 3] = [Remedy::Repair, Remedy::Replacement, Remedy::Refund];

    pub fn code(self) -> &'static str {
        match self {
            Remedy::Repair => "repair",
            Remedy::Replacement => "replacement",
            Remedy::Refund => "refund",
        }
    }

    pub fn from_code(code: &str) -> Option<Remedy> {
        Remedy::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn text(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            Remedy::Repair => t.remedy_repair,
            Remedy::Replacement => t.remedy_replacement,
            Remedy::Refund => t.remedy_refund,
        }
    }
}

/// Where a claim stands: open until the seller answers (issue 12's seller area), then closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum ClaimStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "open"))]
    Open,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "answered"))]
    Answered,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "closed"))]
    Closed,
}

/// A withdrawal or complaint as the order page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    pub kind: ClaimKind,
    pub remedy: Option<Remedy>,
    pub status: ClaimStatus,
    #[serde(with = "crate::wire::day")]
    pub made_on: NaiveDate,
    /// A complaint: when the seller's answer is due. A withdrawal: the last day to send the
    /// goods back (14 days after it was made).
    #[serde(with = "crate::wire::day")]
    pub due_on: NaiveDate,
}

/// What a shipment's buyer may still do after delivery, decided on the server for today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterDelivery {
    #[serde(with = "crate::wire::day_opt")]
    pub delivered_on: Option<NaiveDate>,
    /// The last day to withdraw, when one may.
    #[serde(with = "crate::wire::day_opt")]
    pub withdraw_until: Option<NaiveDate>,
    /// Why one may not withdraw, when one may not.
    pub no_withdrawal: Option<CannotWithdraw>,
    /// The last day to complain, when one may.
    #[serde(with = "crate::wire::day_opt")]
    pub complain_until: Option<NaiveDate>,
}

impl AfterDelivery {
    pub fn for_day(delivered_on: Option<NaiveDate>, perishable: bool, today: NaiveDate) -> AfterDelivery {
        let withdraw = check_withdrawal(delivered_on, perishable, today);
        AfterDelivery {
            delivered_on,
            withdraw_until: withdraw.ok(),
            no_withdrawal: withdraw.err(),
            complain_until: complaint_window(delivered_on, today).ok(),
        }
    }
}

/// What the page says after a withdrawal or complaint was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimAnswer {
    Made(ClaimKind),
    CannotWithdraw(CannotWithdraw),
    CannotComplain(CannotComplain),
    /// One withdrawal and one complaint per shipment; the open one is where it goes on.
    AlreadyMade(ClaimKind),
}

impl ClaimAnswer {
    pub const ALL: [ClaimAnswer; 10] = [
        ClaimAnswer::Made(ClaimKind::Withdrawal),
        ClaimAnswer::Made(ClaimKind::Complaint),
        ClaimAnswer::CannotWithdraw(CannotWithdraw::NotDelivered),
        ClaimAnswer::CannotWithdraw(CannotWithdraw::Perishable),
        ClaimAnswer::CannotWithdraw(CannotWithdraw::TooLate),
        ClaimAnswer::CannotComplain(CannotComplain::NotDelivered),
        ClaimAnswer::CannotComplain(CannotComplain::TooLate),
        ClaimAnswer::CannotComplain(CannotComplain::DescriptionMissing),
        ClaimAnswer::AlreadyMade(ClaimKind::Withdrawal),
        ClaimAnswer::AlreadyMade(ClaimKind::Complaint),
    ];

    /// The `?notice=` of the order page after a plain post.
    pub fn code(self) -> &'static str {
        match self {
            ClaimAnswer::Made(ClaimKind::Withdrawal) => "withdrawn",
            ClaimAnswer::Made(ClaimKind::Complaint) => "complained",
            ClaimAnswer::CannotWithdraw(CannotWithdraw::NotDelivered) | ClaimAnswer::CannotComplain(CannotComplain::NotDelivered) => {
                "not_delivered"
            }
            ClaimAnswer::CannotWithdraw(CannotWithdraw::Perishable) => "perishable",
            ClaimAnswer::CannotWithdraw(CannotWithdraw::TooLate) => "withdraw_late",
            ClaimAnswer::CannotComplain(CannotComplain::TooLate) => "complain_late",
            ClaimAnswer::CannotComplain(CannotComplain::DescriptionMissing) => "describe",
            ClaimAnswer::AlreadyMade(ClaimKind::Withdrawal) => "withdrawn_before",
            ClaimAnswer::AlreadyMade(ClaimKind::Complaint) => "complained_before",
        }
    }

    pub fn from_code(code: &str) -> Option<ClaimAnswer> {
        ClaimAnswer::ALL.into_iter().find(|a| a.code() == code)
    }
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

    #[test]
    fn a_complaint_needs_delivery_a_description_and_the_two_years() {
        let delivered = Some(day(2026, 11, 20));
        assert_eq!(check_complaint(delivered, day(2028, 11, 20), "the lid is cracked"), Ok(day(2028, 11, 20)));
        assert_eq!(check_complaint(delivered, day(2028, 11, 21), "the lid is cracked"), Err(CannotComplain::TooLate));
        assert_eq!(check_complaint(None, day(2026, 11, 21), "the lid is cracked"), Err(CannotComplain::NotDelivered));
        assert_eq!(check_complaint(delivered, day(2026, 11, 21), "  \n "), Err(CannotComplain::DescriptionMissing));
        assert_eq!(check_complaint(delivered, day(2026, 11, 21), &"ä".repeat(2001)), Err(CannotComplain::DescriptionMissing));
        assert!(check_complaint(delivered, day(2026, 11, 21), &"ä".repeat(2000)).is_ok());
    }

    #[test]
    fn after_delivery_for_perishable_goods_offers_only_the_complaint() {
        let a = AfterDelivery::for_day(Some(day(2026, 11, 20)), true, day(2026, 11, 22));
        assert_eq!((a.withdraw_until, a.no_withdrawal), (None, Some(CannotWithdraw::Perishable)));
        assert_eq!(a.complain_until, Some(day(2028, 11, 20)));
        let b = AfterDelivery::for_day(None, false, day(2026, 11, 22));
        assert_eq!((b.no_withdrawal, b.complain_until), (Some(CannotWithdraw::NotDelivered), None));
        let c = AfterDelivery::for_day(Some(day(2026, 11, 20)), false, day(2026, 11, 22));
        assert_eq!((c.withdraw_until, c.no_withdrawal), (Some(day(2026, 12, 4)), None));
    }

    #[test]
    fn every_claim_answer_has_its_own_notice_code_but_not_delivered() {
        for a in ClaimAnswer::ALL {
            let back = ClaimAnswer::from_code(a.code()).unwrap();
            assert_eq!(back.code(), a.code());
        }
        let codes: std::collections::BTreeSet<_> = ClaimAnswer::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes.len(), ClaimAnswer::ALL.len() - 1, "only \"not delivered\" is shared by both kinds");
        for r in Remedy::ALL {
            assert_eq!(Remedy::from_code(r.code()), Some(r));
        }
    }
}
