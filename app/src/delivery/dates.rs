//! Delivery dates: when an order placed now reaches the shopper.
//!
//! - **Cold courier** (perishable / cold-chain goods) delivers only on Tuesdays and Fridays.
//!   The goods are picked on the day before the delivery day (Monday or Thursday), and an order
//!   must be confirmed by 07:00 Tallinn time on that pick day. Nothing is picked or delivered
//!   on an Estonian public holiday, so a courier day is skipped when it or the day before it
//!   is a holiday.
//! - **Every other method** (courier, parcel locker, pickup) counts working days from the
//!   order date: the seller's handling time plus the method's "days from – to" (parcels within
//!   Estonia: 3–7 working days).
//!
//! All dates are Tallinn calendar dates.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::{add_working_days, is_public_holiday, next_day};
use super::local_time::to_tallinn;
use super::{DeliveryKind, MethodTerms};

/// The dates between which a delivery is expected (both inclusive; equal for the cold courier,
/// which names one day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryWindow {
    #[serde(with = "crate::wire::day")]
    pub earliest: NaiveDate,
    #[serde(with = "crate::wire::day")]
    pub latest: NaiveDate,
}

/// The latest Tallinn time on the pick day at which an order still makes that day's picking.
fn cold_cut_off() -> NaiveTime {
    NaiveTime::from_hms_opt(7, 0, 0).expect("07:00:00 is a valid time")
}

/// Whether the cold courier goes out on `day`: a Tuesday or Friday which is not a holiday and
/// whose pick day (the day before) is not a holiday either.
fn is_cold_courier_day(day: NaiveDate) -> bool {
    let pick_day = day.pred_opt().expect("dates stay far inside chrono's range");
    matches!(day.weekday(), Weekday::Tue | Weekday::Fri)
        && !is_public_holiday(day)
        && !is_public_holiday(pick_day)
}

/// The day the cold courier brings an order placed at `ordered_at`, when the seller needs
/// `handling_days` working days before the goods can be picked.
///
/// Cut-off: an order confirmed at 07:00:00 Tallinn time on the pick day is still in time; from
/// 07:00:01 on it is late and waits for the next courier day. Seconds count, fractions of a
/// second do not (07:00:00.9 is still 07:00:00 on the clock).
///
/// With `handling_days > 0` the pick day must also be on or after the `handling_days`-th
/// working day after the (Tallinn) order date.
///
/// E.g. ordered on Sunday 2026-11-22 at any hour: Tuesday 2026-11-24.
pub fn next_cold_courier_day(ordered_at: DateTime<Utc>, handling_days: u32) -> NaiveDate {
    let local = to_tallinn(ordered_at);
    let order_date = local.date();
    let in_time_today = local.time().with_nanosecond(0).unwrap_or(local.time()) <= cold_cut_off();
    let first_pick_day = if in_time_today { order_date } else { next_day(order_date) };
    let first_pick_day = first_pick_day.max(add_working_days(order_date, handling_days));

    // Courier days come twice a week and holidays are rare, so this ends within a few weeks.
    let mut day = next_day(first_pick_day);
    while !is_cold_courier_day(day) {
        day = next_day(day);
    }
    day
}

/// `n` cold-courier days from `first` on (`first` included when it is one): the days a
/// shopper may choose for goods that wait in store (a pantry's transport order).
pub fn cold_courier_days(first: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(n);
    let mut day = first;
    while out.len() < n {
        if is_cold_courier_day(day) {
            out.push(day);
        }
        day = next_day(day);
    }
    out
}

/// The delivery window of `method` for an order placed at `ordered_at`, when the seller needs
/// `handling_days` working days to hand the goods over.
///
/// - Cold courier: the single day from [`next_cold_courier_day`].
/// - Other kinds: from the Tallinn order date, `handling_days + days_min` working days at the
///   earliest and `handling_days + days_max` at the latest (a `days_max` below `days_min` is
///   read as `days_min`, so the window is never reversed).
pub fn delivery_window(
    method: &MethodTerms,
    handling_days: u32,
    ordered_at: DateTime<Utc>,
) -> DeliveryWindow {
    if method.kind == DeliveryKind::ColdCourier {
        let day = next_cold_courier_day(ordered_at, handling_days);
        return DeliveryWindow { earliest: day, latest: day };
    }
    let order_date = to_tallinn(ordered_at).date();
    let days_max = method.days_max.max(method.days_min);
    DeliveryWindow {
        earliest: add_working_days(order_date, handling_days.saturating_add(method.days_min)),
        latest: add_working_days(order_date, handling_days.saturating_add(days_max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::local_time::tallinn_to_utc;
    use chrono::{TimeDelta, TimeZone};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The UTC instant of a Tallinn wall-clock time.
    fn tallinn(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        tallinn_to_utc(date(y, mo, d).and_hms_opt(h, mi, s).unwrap())
    }

    fn cold(at: DateTime<Utc>) -> NaiveDate {
        next_cold_courier_day(at, 0)
    }

    fn method(kind: DeliveryKind, days_min: u32, days_max: u32) -> MethodTerms {
        MethodTerms {
            id: 7,
            kind,
            price_cents: 390,
            free_over_cents: None,
            regions: vec![],
            days_min,
            days_max,
            active: true,
        }
    }

    #[test]
    fn sunday_order_arrives_on_tuesday_whatever_the_hour() {
        // Sunday 2026-11-22: picked Monday 23, delivered Tuesday 24.
        for hour in 0..24 {
            assert_eq!(cold(tallinn(2026, 11, 22, hour, 30, 0)), date(2026, 11, 24), "{hour}:30");
        }
    }

    #[test]
    fn cut_off_is_seven_o_clock_tallinn_on_the_pick_day() {
        // Monday 2026-11-23, November is UTC+2: 07:00 local is 05:00 UTC.
        assert_eq!(
            tallinn(2026, 11, 23, 7, 0, 0),
            Utc.with_ymd_and_hms(2026, 11, 23, 5, 0, 0).unwrap()
        );
        assert_eq!(cold(tallinn(2026, 11, 23, 6, 59, 0)), date(2026, 11, 24));
        assert_eq!(cold(tallinn(2026, 11, 23, 7, 0, 0)), date(2026, 11, 24));
        // A fraction of a second still reads 07:00:00 on the clock.
        let fraction = tallinn(2026, 11, 23, 7, 0, 0) + TimeDelta::milliseconds(900);
        assert_eq!(cold(fraction), date(2026, 11, 24));
        // From 07:00:01 it waits for Friday (picked Thursday 26).
        assert_eq!(cold(tallinn(2026, 11, 23, 7, 0, 1)), date(2026, 11, 27));
        assert_eq!(cold(tallinn(2026, 11, 23, 7, 1, 0)), date(2026, 11, 27));
        // Thursday before 07:00 makes Friday.
        assert_eq!(cold(tallinn(2026, 11, 26, 6, 0, 0)), date(2026, 11, 27));
        assert_eq!(cold(tallinn(2026, 11, 26, 8, 0, 0)), date(2026, 12, 1));
    }

    #[test]
    fn cut_off_uses_local_time_not_utc() {
        // Sunday 2026-11-22 22:30 UTC is already Monday 00:30 in Tallinn: in time for Tuesday.
        let late_sunday_utc = Utc.with_ymd_and_hms(2026, 11, 22, 22, 30, 0).unwrap();
        assert_eq!(cold(late_sunday_utc), date(2026, 11, 24));
        // Monday 05:30 UTC is 07:30 in Tallinn: too late, although it is before 07:00 UTC.
        let monday_utc = Utc.with_ymd_and_hms(2026, 11, 23, 5, 30, 0).unwrap();
        assert_eq!(cold(monday_utc), date(2026, 11, 27));
        // In summer (UTC+3) the cut-off is 04:00 UTC: Monday 2026-06-29.
        let summer_in_time = Utc.with_ymd_and_hms(2026, 6, 29, 4, 0, 0).unwrap();
        assert_eq!(cold(summer_in_time), date(2026, 6, 30));
        assert_eq!(cold(summer_in_time + TimeDelta::seconds(1)), date(2026, 7, 3));
    }

    #[test]
    fn good_friday_is_never_a_delivery_day() {
        // Good Friday 2026-04-03. Wed 2026-04-01 09:00: first pick day Thu 2, Friday 3 is a
        // holiday; Tue 7 is next, its pick day Mon 6 (Easter Monday) is a working day in
        // Estonia.
        assert_eq!(cold(tallinn(2026, 4, 1, 9, 0, 0)), date(2026, 4, 7));
        // Even an order in time for the Thursday pick gets Tuesday.
        assert_eq!(cold(tallinn(2026, 4, 2, 6, 0, 0)), date(2026, 4, 7));
        // Ordered Saturday of Easter weekend: still Tuesday 7.
        assert_eq!(cold(tallinn(2026, 4, 4, 12, 0, 0)), date(2026, 4, 7));
        // Good Friday 2027-03-26 too: Wed 2027-03-24 → Tue 2027-03-30.
        assert_eq!(cold(tallinn(2027, 3, 24, 12, 0, 0)), date(2027, 3, 30));
    }

    #[test]
    fn independence_day_tuesday_is_skipped() {
        // Tue 2026-02-24 is Independence Day. Ordered Fri 2026-02-20 at noon: the next courier
        // day Tue 24 is a holiday, so Fri 27 (picked Thu 26).
        assert_eq!(cold(tallinn(2026, 2, 20, 12, 0, 0)), date(2026, 2, 27));
        // An order in time for the Monday 23 pick also waits for Friday.
        assert_eq!(cold(tallinn(2026, 2, 23, 6, 0, 0)), date(2026, 2, 27));
    }

    #[test]
    fn christmas_friday_is_skipped() {
        // Thu 2026-12-24 and Fri 2026-12-25 are both holidays. Ordered Mon 2026-12-21 at 08:00
        // (too late for Tue 22): Fri 25 is out; Tue 29 is picked on Mon 28, a normal day.
        assert_eq!(cold(tallinn(2026, 12, 21, 8, 0, 0)), date(2026, 12, 29));
        // Before 07:00 on Mon 21 the Tuesday 22 still works.
        assert_eq!(cold(tallinn(2026, 12, 21, 6, 0, 0)), date(2026, 12, 22));
        // Fri 2027-12-24 is Christmas Eve: ordered Mon 2027-12-20 at noon → Tue 2027-12-28
        // (Thu 23 pick day is fine, but Friday 24 itself is a holiday).
        assert_eq!(cold(tallinn(2027, 12, 20, 12, 0, 0)), date(2027, 12, 28));
    }

    #[test]
    fn friday_after_a_thursday_holiday_is_skipped() {
        // Thu 2026-08-20 (Restoration of Independence): no picking, so no Friday 21 delivery.
        // Ordered Tue 2026-08-18 at noon → Tue 2026-08-25.
        assert_eq!(cold(tallinn(2026, 8, 18, 12, 0, 0)), date(2026, 8, 25));
        // Thu 2027-06-24 (Midsummer Day): Fri 2027-06-25 skipped. Ordered Tue 2027-06-22 at
        // noon → Tue 2027-06-29.
        assert_eq!(cold(tallinn(2027, 6, 22, 12, 0, 0)), date(2027, 6, 29));
        // Thu 2028-02-24 (Independence Day; 2028 is a leap year): Fri 2028-02-25 skipped.
        // Ordered Tue 2028-02-22 at noon → Tue 2028-02-29.
        assert_eq!(cold(tallinn(2028, 2, 22, 12, 0, 0)), date(2028, 2, 29));
    }

    #[test]
    fn new_year_is_skipped() {
        // Fri 2027-01-01 is New Year's Day. Ordered Wed 2026-12-30 → Tue 2027-01-05.
        assert_eq!(cold(tallinn(2026, 12, 30, 12, 0, 0)), date(2027, 1, 5));
    }

    #[test]
    fn handling_days_push_the_pick_day() {
        let sunday = tallinn(2026, 11, 22, 12, 0, 0);
        // 1 working day after Sun 22 is Mon 23: still the Monday pick, Tuesday delivery.
        assert_eq!(next_cold_courier_day(sunday, 1), date(2026, 11, 24));
        // 2 working days is Tue 24: picked Thu 26, delivered Fri 27.
        assert_eq!(next_cold_courier_day(sunday, 2), date(2026, 11, 27));
        // 4 working days is Thu 26: still the Thursday pick.
        assert_eq!(next_cold_courier_day(sunday, 4), date(2026, 11, 27));
        // 5 working days is Fri 27: next pick Mon 30, delivered Tue 1 Dec.
        assert_eq!(next_cold_courier_day(sunday, 5), date(2026, 12, 1));
        // Handling over Easter: Wed 2026-04-01 06:00 + 2 working days = Mon 6 (Thu 2, Mon 6).
        assert_eq!(next_cold_courier_day(tallinn(2026, 4, 1, 6, 0, 0), 2), date(2026, 4, 7));
        assert_eq!(next_cold_courier_day(tallinn(2026, 4, 1, 6, 0, 0), 3), date(2026, 4, 10));
    }

    #[test]
    fn cold_courier_days_are_always_tuesday_or_friday_off_holidays() {
        let mut at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2028, 1, 1, 0, 0, 0).unwrap();
        while at < end {
            let day = cold(at);
            let ordered = to_tallinn(at).date();
            assert!(matches!(day.weekday(), Weekday::Tue | Weekday::Fri), "{at}: {day}");
            assert!(!is_public_holiday(day) && !is_public_holiday(day.pred_opt().unwrap()));
            assert!(day > ordered && (day - ordered).num_days() <= 8, "{at}: {day}");
            at += TimeDelta::minutes(173);
        }
    }

    #[test]
    fn cold_courier_window_is_one_day() {
        let m = method(DeliveryKind::ColdCourier, 3, 7);
        let w = delivery_window(&m, 0, tallinn(2026, 11, 22, 12, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 11, 24), latest: date(2026, 11, 24) });
    }

    #[test]
    fn parcel_window_spanning_christmas() {
        // Ordered Mon 2026-12-21, 3–7 working days: Tue 22 (1), Wed 23 (2), 24–27 off,
        // Mon 28 (3), Tue 29, Wed 30, Thu 31 (6), 1–3 Jan off, Mon 4 Jan (7).
        let m = method(DeliveryKind::ParcelLocker, 3, 7);
        let w = delivery_window(&m, 0, tallinn(2026, 12, 21, 15, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 12, 28), latest: date(2027, 1, 4) });
        // One handling day adds one working day at both ends: Tue 29 .. Tue 5 Jan.
        let w = delivery_window(&m, 1, tallinn(2026, 12, 21, 15, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 12, 29), latest: date(2027, 1, 5) });
    }

    #[test]
    fn parcel_window_spanning_easter() {
        // Ordered Tue 2026-03-31, 3–7 working days: Wed 1 (1), Thu 2 (2), Good Friday and the
        // weekend off, Mon 6 (3; Easter Monday works), Tue 7, Wed 8, Thu 9, Fri 10 (7).
        let m = method(DeliveryKind::ParcelLocker, 3, 7);
        let w = delivery_window(&m, 0, tallinn(2026, 3, 31, 10, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 4, 6), latest: date(2026, 4, 10) });
    }

    #[test]
    fn window_counts_from_the_tallinn_date() {
        // Thu 2026-11-26 22:30 UTC is Fri 27 00:30 in Tallinn: one working day after Friday is
        // Monday 30 (counted from the UTC date it would wrongly be Friday 27).
        let m = method(DeliveryKind::Courier, 1, 1);
        let w = delivery_window(&m, 0, Utc.with_ymd_and_hms(2026, 11, 26, 22, 30, 0).unwrap());
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 11, 30), latest: date(2026, 11, 30) });
    }

    #[test]
    fn reversed_days_never_give_a_reversed_window() {
        let m = method(DeliveryKind::Courier, 3, 1);
        let w = delivery_window(&m, 0, tallinn(2026, 11, 23, 10, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 11, 26), latest: date(2026, 11, 26) });
    }

    #[test]
    fn pickup_with_zero_days_is_the_order_date() {
        let m = method(DeliveryKind::Pickup, 0, 0);
        let w = delivery_window(&m, 0, tallinn(2026, 11, 22, 10, 0, 0));
        assert_eq!(w, DeliveryWindow { earliest: date(2026, 11, 22), latest: date(2026, 11, 22) });
    }
}
