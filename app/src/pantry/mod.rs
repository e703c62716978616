//! The pantry: a signed-in shopper buys products into storage and later orders transport of
//! any part of them (issue 13; E-Sahver's "Hoiustamiseks … maksimaalselt 12 kuud"). This module
//! holds the rules, pure and unit-tested, that the storage, the transport order and the
//! reminders will be built on: when a stored item expires, which stored lots a transport order
//! takes (partial quantities, soonest-expiring first, never more than is stored), the fee and the
//! delivery date of a transport order, and when the expiry reminders are due.

use crate::delivery::dates::{delivery_window, next_cold_courier_day, DeliveryWindow};
use crate::delivery::{DeliveryKind, MethodTerms};
use chrono::{DateTime, Months, NaiveDate, Utc};

/// How long paid items stay in the pantry.
pub const KEEP_MONTHS: u32 = 12;
/// Days before the expiry day on which the shopper is reminded, each once.
pub const REMIND_DAYS_BEFORE: [i64; 2] = [30, 7];

/// The last day an item paid on `paid_on` (its Tallinn date) stays in the pantry: the same day
/// twelve months later, or that month's last day when it has no such day (paid on 29 February,
/// it expires on 28 February).
pub fn expiry_date(paid_on: NaiveDate) -> NaiveDate {
    paid_on.checked_add_months(Months::new(KEEP_MONTHS)).unwrap_or(NaiveDate::MAX)
}

/// Days from `today` to the expiry day (0 on the day itself, negative once expired).
pub fn days_left(expires: NaiveDate, today: NaiveDate) -> i64 {
    (expires - today).num_days()
}

/// Whether an item is expired on `today` (it may still be ordered on its expiry day).
pub fn expired(expires: NaiveDate, today: NaiveDate) -> bool {
    today > expires
}

/// The reminder due on `today` for an item expiring on `expires`, given the reminders already
/// sent for it (by their days-before): the nearest one whose day has come and that was not sent
/// (a reminder missed, e.g. while the mailer was down, is sent late rather than never; the
/// 30-day one is skipped once the 7-day one is due).
pub fn reminder_due(expires: NaiveDate, today: NaiveDate, sent: &[i64]) -> Option<i64> {
    let left = days_left(expires, today);
    if left < 0 {
        return None;
    }
    REMIND_DAYS_BEFORE
        .iter()
        .copied()
        .filter(|before| left <= *before)
        .min()
        .filter(|before| !sent.contains(before) && !sent.iter().any(|s| s < before))
}

/// Stored units of one product from one purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lot {
    pub id: i32,
    pub product_id: i32,
    pub quantity: u32,
    pub expires: NaiveDate,
}

/// Units a transport order takes from one lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Take {
    pub lot_id: i32,
    pub quantity: u32,
}

/// Why a transport order cannot take what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TakeError {
    #[error("nothing was chosen")]
    Nothing,
    #[error("product {product_id}: {asked} asked, {stored} stored")]
    MoreThanStored { product_id: i32, stored: u32, asked: u32 },
    #[error("product {product_id} has expired units only")]
    OnlyExpired { product_id: i32 },
}

/// The lots a transport order takes for `wanted` (product, units; zero units are ignored):
/// soonest-expiring first, so nothing is left to expire that could have been sent; expired lots
/// are not taken (those go through support). All or nothing: one product asked beyond what is
/// stored refuses the whole order.
pub fn take(lots: &[Lot], wanted: &[(i32, u32)], today: NaiveDate) -> Result<Vec<Take>, TakeError> {
    let mut out = Vec::new();
    for &(product_id, asked) in wanted.iter().filter(|(_, n)| *n > 0) {
        let mut usable: Vec<&Lot> =
            lots.iter().filter(|l| l.product_id == product_id && l.quantity > 0 && !expired(l.expires, today)).collect();
        if usable.is_empty() && lots.iter().any(|l| l.product_id == product_id && l.quantity > 0) {
            return Err(TakeError::OnlyExpired { product_id });
        }
        usable.sort_by_key(|l| (l.expires, l.id));
        let stored: u32 = usable.iter().map(|l| l.quantity).sum();
        if asked > stored {
            return Err(TakeError::MoreThanStored { product_id, stored, asked });
        }
        let mut left = asked;
        for l in usable {
            if left == 0 {
                break;
            }
            let n = left.min(l.quantity);
            out.push(Take { lot_id: l.id, quantity: n });
            left -= n;
        }
    }
    if out.is_empty() {
        return Err(TakeError::Nothing);
    }
    Ok(out)
}

/// The fee of a transport order by `method` for goods worth `goods_cents` (what they cost when
/// bought): the method's own threshold rule — for the platform food store 7.00 €, free from
/// 39.90 €.
pub fn transport_fee(method: &MethodTerms, goods_cents: i64) -> i64 {
    method.fee_for(goods_cents)
}

/// Why a transport order cannot go by a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("cold goods travel by cold courier only")]
    ColdNeedsColdCourier,
}

/// When a transport order placed at `at` arrives: the goods are in the shop's store, so no
/// handling time; cold goods only by the cold courier, on its next day by its cut-off.
pub fn transport_window(method: &MethodTerms, any_cold: bool, at: DateTime<Utc>) -> Result<DeliveryWindow, TransportError> {
    if any_cold && method.kind != DeliveryKind::ColdCourier {
        return Err(TransportError::ColdNeedsColdCourier);
    }
    if method.kind == DeliveryKind::ColdCourier {
        let day = next_cold_courier_day(at, 0);
        return Ok(DeliveryWindow { earliest: day, latest: day });
    }
    Ok(delivery_window(method, 0, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn items_keep_twelve_months_and_29_february_becomes_28() {
        assert_eq!(expiry_date(date(2026, 12, 1)), date(2027, 12, 1));
        assert_eq!(expiry_date(date(2028, 2, 29)), date(2029, 2, 28));
        assert_eq!(expiry_date(date(2027, 2, 28)), date(2028, 2, 28), "not the leap day after");
        assert_eq!(expiry_date(date(2026, 1, 31)), date(2027, 1, 31));
        let e = expiry_date(date(2026, 12, 1));
        assert_eq!(days_left(e, date(2027, 11, 1)), 30);
        assert!(!expired(e, e), "still usable on its last day");
        assert!(expired(e, date(2027, 12, 2)));
        assert_eq!(days_left(e, date(2027, 12, 3)), -2);
    }

    #[test]
    fn reminders_thirty_and_seven_days_before_once_each() {
        let e = date(2027, 12, 1);
        assert_eq!(reminder_due(e, date(2027, 10, 31), &[]), None, "31 days before");
        assert_eq!(reminder_due(e, date(2027, 11, 1), &[]), Some(30));
        assert_eq!(reminder_due(e, date(2027, 11, 1), &[30]), None, "once");
        assert_eq!(reminder_due(e, date(2027, 11, 20), &[30]), None);
        assert_eq!(reminder_due(e, date(2027, 11, 24), &[30]), Some(7));
        assert_eq!(reminder_due(e, date(2027, 11, 24), &[30, 7]), None);
        // Missed the 30-day one: the 7-day one is sent, the 30-day one never after it.
        assert_eq!(reminder_due(e, date(2027, 11, 26), &[]), Some(7));
        assert_eq!(reminder_due(e, date(2027, 11, 27), &[7]), None);
        assert_eq!(reminder_due(e, date(2027, 12, 2), &[]), None, "expired: no reminder");
    }

    fn lots() -> Vec<Lot> {
        vec![
            Lot { id: 1, product_id: 10, quantity: 2, expires: date(2027, 6, 1) },
            Lot { id: 2, product_id: 10, quantity: 3, expires: date(2027, 3, 1) },
            Lot { id: 3, product_id: 20, quantity: 1, expires: date(2027, 5, 1) },
            Lot { id: 4, product_id: 30, quantity: 4, expires: date(2026, 11, 1) },
        ]
    }

    #[test]
    fn partial_quantities_soonest_expiry_first() {
        let today = date(2026, 12, 1);
        assert_eq!(take(&lots(), &[(10, 4)], today), Ok(vec![Take { lot_id: 2, quantity: 3 }, Take { lot_id: 1, quantity: 1 }]));
        assert_eq!(take(&lots(), &[(10, 1), (20, 1)], today), Ok(vec![Take { lot_id: 2, quantity: 1 }, Take { lot_id: 3, quantity: 1 }]));
        assert_eq!(take(&lots(), &[(10, 0)], today), Err(TakeError::Nothing));
        assert_eq!(take(&lots(), &[], today), Err(TakeError::Nothing));
    }

    #[test]
    fn never_more_than_is_stored_and_never_expired_units() {
        let today = date(2026, 12, 1);
        assert_eq!(take(&lots(), &[(20, 1), (10, 6)], today), Err(TakeError::MoreThanStored { product_id: 10, stored: 5, asked: 6 }));
        assert_eq!(take(&lots(), &[(99, 1)], today), Err(TakeError::MoreThanStored { product_id: 99, stored: 0, asked: 1 }));
        assert_eq!(take(&lots(), &[(30, 1)], today), Err(TakeError::OnlyExpired { product_id: 30 }));
        // On a later day lot 2 has expired: only lot 1 is left.
        assert_eq!(take(&lots(), &[(10, 3)], date(2027, 3, 2)), Err(TakeError::MoreThanStored { product_id: 10, stored: 2, asked: 3 }));
    }

    fn method(kind: DeliveryKind) -> MethodTerms {
        MethodTerms { id: 1, kind, price_cents: 700, free_over_cents: Some(3990), regions: vec![], days_min: 1, days_max: 2, active: true }
    }

    #[test]
    fn the_fee_follows_the_threshold() {
        let m = method(DeliveryKind::ColdCourier);
        assert_eq!(transport_fee(&m, 3989), 700);
        assert_eq!(transport_fee(&m, 3990), 0);
        assert_eq!(transport_fee(&MethodTerms { free_over_cents: None, ..m }, 100_000), 700);
    }

    #[test]
    fn cold_goods_come_by_the_cold_courier_on_its_day() {
        // Sunday 2026-11-22, noon in Tallinn: the cold courier comes on Tuesday.
        let sunday = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let w = transport_window(&method(DeliveryKind::ColdCourier), true, sunday).unwrap();
        assert_eq!((w.earliest, w.latest), (date(2026, 11, 24), date(2026, 11, 24)));
        assert_eq!(transport_window(&method(DeliveryKind::Courier), true, sunday), Err(TransportError::ColdNeedsColdCourier));
        // Dry goods by courier: one to two working days, no handling time.
        let w = transport_window(&method(DeliveryKind::Courier), false, sunday).unwrap();
        assert_eq!((w.earliest, w.latest), (date(2026, 11, 23), date(2026, 11, 24)));
    }
}
