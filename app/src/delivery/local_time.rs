//! Europe/Tallinn wall-clock time without a time-zone database.
//!
//! Estonia keeps Eastern European Time, EET = UTC+2, and in summer EEST = UTC+3. By the EU rule
//! summer time starts on the last Sunday of March at 01:00 UTC (03:00 EET becomes 04:00 EEST)
//! and ends on the last Sunday of October at 01:00 UTC (04:00 EEST becomes 03:00 EET).
//! Cut-off times such as "confirmed by 07:00" are Tallinn wall-clock times.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};

const EET_SECONDS: i32 = 2 * 3600;
const EEST_SECONDS: i32 = 3 * 3600;

fn eet() -> FixedOffset {
    FixedOffset::east_opt(EET_SECONDS).expect("UTC+2 is a valid offset")
}

fn eest() -> FixedOffset {
    FixedOffset::east_opt(EEST_SECONDS).expect("UTC+3 is a valid offset")
}

/// The last Sunday of `month` (March or October) in `year`.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = NaiveDate::from_ymd_opt(year, month + 1, 1)
        .expect("the month after March or October exists in every year");
    let last = first_of_next.pred_opt().expect("a month has a last day");
    let back = u64::from(last.weekday().num_days_from_sunday());
    last.checked_sub_days(Days::new(back)).expect("a Sunday within the same month")
}

/// The instant (UTC) at which a switch happens: 01:00 UTC on the last Sunday of `month`.
fn switch_instant(year: i32, month: u32) -> DateTime<Utc> {
    let at = last_sunday(year, month).and_hms_opt(1, 0, 0).expect("01:00:00 is a valid time");
    at.and_utc()
}

/// Tallinn's offset from UTC at the instant `utc`: +03:00 from the last Sunday of March 01:00
/// UTC (inclusive) until the last Sunday of October 01:00 UTC (exclusive), otherwise +02:00.
pub fn tallinn_offset(utc: DateTime<Utc>) -> FixedOffset {
    let year = utc.year();
    if utc >= switch_instant(year, 3) && utc < switch_instant(year, 10) {
        eest()
    } else {
        eet()
    }
}

/// The Tallinn wall-clock date and time at the instant `utc`.
pub fn to_tallinn(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.with_timezone(&tallinn_offset(utc)).naive_local()
}

/// The instant (UTC) of a Tallinn wall-clock time.
///
/// Twice a year the wall clock is not one-to-one; in both cases the **earlier** instant wins:
/// - the repeated hour in October (03:00–03:59:59 happens first in summer time, then again in
///   winter time): the summer-time (UTC+3) reading, i.e. the first time the clock shows it;
/// - the skipped hour in March (03:00–03:59:59 never shows): read with UTC+3, which gives the
///   earlier of the two candidate instants (03:30 → 00:30 UTC, shown as 02:30 EET).
pub fn tallinn_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let as_summer = (local - TimeDelta::seconds(i64::from(EEST_SECONDS))).and_utc();
    if tallinn_offset(as_summer) == eest() {
        return as_summer;
    }
    let as_winter = (local - TimeDelta::seconds(i64::from(EET_SECONDS))).and_utc();
    if tallinn_offset(as_winter) == eet() {
        return as_winter;
    }
    // Neither reading exists: the skipped hour. `as_summer` is the earlier candidate.
    as_summer
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, s).unwrap().and_utc()
    }

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, s).unwrap()
    }

    #[test]
    fn switch_days_are_last_sundays() {
        assert_eq!(last_sunday(2026, 3), NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
        assert_eq!(last_sunday(2026, 10), NaiveDate::from_ymd_opt(2026, 10, 25).unwrap());
        // 31 March 2024 and 27 October 2024 were themselves Sundays.
        assert_eq!(last_sunday(2024, 3), NaiveDate::from_ymd_opt(2024, 3, 31).unwrap());
        assert_eq!(last_sunday(2024, 10), NaiveDate::from_ymd_opt(2024, 10, 27).unwrap());
        for year in 2000..2100 {
            for month in [3, 10] {
                let d = last_sunday(year, month);
                assert_eq!(d.weekday(), Weekday::Sun);
                assert_eq!(d.month(), month);
                assert!(d.day() > 24, "{d}");
            }
        }
    }

    #[test]
    fn spring_forward_2026_03_29() {
        let before = utc(2026, 3, 29, 0, 59, 59);
        let at = utc(2026, 3, 29, 1, 0, 0);
        assert_eq!(tallinn_offset(before).local_minus_utc(), 2 * 3600);
        assert_eq!(tallinn_offset(at).local_minus_utc(), 3 * 3600);
        assert_eq!(to_tallinn(before), local(2026, 3, 29, 2, 59, 59));
        assert_eq!(to_tallinn(at), local(2026, 3, 29, 4, 0, 0));
    }

    #[test]
    fn fall_back_2026_10_25() {
        let before = utc(2026, 10, 25, 0, 59, 59);
        let at = utc(2026, 10, 25, 1, 0, 0);
        assert_eq!(tallinn_offset(before).local_minus_utc(), 3 * 3600);
        assert_eq!(tallinn_offset(at).local_minus_utc(), 2 * 3600);
        assert_eq!(to_tallinn(before), local(2026, 10, 25, 3, 59, 59));
        assert_eq!(to_tallinn(at), local(2026, 10, 25, 3, 0, 0));
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(to_tallinn(utc(2026, 1, 15, 12, 0, 0)), local(2026, 1, 15, 14, 0, 0));
        assert_eq!(to_tallinn(utc(2026, 7, 15, 12, 0, 0)), local(2026, 7, 15, 15, 0, 0));
        // New Year's Eve 22:30 UTC is already the new year in Tallinn.
        assert_eq!(to_tallinn(utc(2026, 12, 31, 22, 30, 0)), local(2027, 1, 1, 0, 30, 0));
    }

    #[test]
    fn local_to_utc_round_trips_outside_the_switch_hours() {
        let mut t = utc(2026, 1, 1, 0, 0, 0);
        let end = utc(2027, 1, 1, 0, 0, 0);
        while t < end {
            assert_eq!(tallinn_to_utc(to_tallinn(t)), t, "{t}");
            t += TimeDelta::minutes(37);
            // Skip the repeated hour of 25 October; it is checked below.
            if t >= utc(2026, 10, 25, 1, 0, 0) && t < utc(2026, 10, 25, 2, 0, 0) {
                t = utc(2026, 10, 25, 2, 0, 0);
            }
        }
    }

    #[test]
    fn repeated_hour_picks_the_earlier_instant() {
        // 03:30 on 25 Oct 2026 is 00:30 UTC (EEST) and again 01:30 UTC (EET).
        assert_eq!(tallinn_to_utc(local(2026, 10, 25, 3, 30, 0)), utc(2026, 10, 25, 0, 30, 0));
        // 04:00 happens once, in winter time.
        assert_eq!(tallinn_to_utc(local(2026, 10, 25, 4, 0, 0)), utc(2026, 10, 25, 2, 0, 0));
        // 02:59:59 happens once, in summer time.
        assert_eq!(tallinn_to_utc(local(2026, 10, 25, 2, 59, 59)), utc(2026, 10, 24, 23, 59, 59));
    }

    #[test]
    fn skipped_hour_picks_the_earlier_instant() {
        // 03:30 on 29 Mar 2026 never shows on a Tallinn clock; candidates are 00:30 UTC (read
        // as UTC+3) and 01:30 UTC (read as UTC+2): the earlier one wins.
        assert_eq!(tallinn_to_utc(local(2026, 3, 29, 3, 30, 0)), utc(2026, 3, 29, 0, 30, 0));
        // Just outside the gap both ways.
        assert_eq!(tallinn_to_utc(local(2026, 3, 29, 2, 59, 59)), utc(2026, 3, 29, 0, 59, 59));
        assert_eq!(tallinn_to_utc(local(2026, 3, 29, 4, 0, 0)), utc(2026, 3, 29, 1, 0, 0));
        // The cut-off 07:00 on a Monday in November is 05:00 UTC.
        assert_eq!(tallinn_to_utc(local(2026, 11, 23, 7, 0, 0)), utc(2026, 11, 23, 5, 0, 0));
    }
}
