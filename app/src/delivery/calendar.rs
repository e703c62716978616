//! The Estonian calendar: public holidays (riigipühad) and working days.
//!
//! Holidays that matter for picking and delivering goods: New Year's Day (1 Jan),
//! Independence Day (24 Feb), Good Friday, Easter Sunday, Spring Day (1 May), Pentecost,
//! Victory Day (23 Jun), Midsummer Day (24 Jun), Day of Restoration of Independence (20 Aug),
//! Christmas Eve, Christmas Day and Boxing Day (24–26 Dec). Easter Monday is *not* a holiday
//! in Estonia.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of the Gregorian calendar (the "anonymous" computus of Meeus/Jones/Butcher).
///
/// # Panics
/// Only for years outside chrono's supported range (±262 143).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = n.div_euclid(31);
    let day = n.rem_euclid(31) + 1;
    // The computus always yields 22 March ..= 25 April, so month and day are in range.
    NaiveDate::from_ymd_opt(year, month.unsigned_abs(), day.unsigned_abs())
        .expect("the computus yields a date between 22 March and 25 April")
}

/// Whether `d` is an Estonian public holiday.
pub fn is_public_holiday(d: NaiveDate) -> bool {
    let fixed = matches!(
        (d.month(), d.day()),
        (1, 1) | (2, 24) | (5, 1) | (6, 23) | (6, 24) | (8, 20) | (12, 24) | (12, 25) | (12, 26)
    );
    if fixed {
        return true;
    }
    // Movable feasts fall between 20 March (Good Friday) and 13 June (Pentecost).
    if !(3..=6).contains(&d.month()) {
        return false;
    }
    let easter = easter_sunday(d.year());
    let offset = (d - easter).num_days();
    matches!(offset, -2 | 0 | 49)
}

/// Whether `d` is a working day: Monday to Friday and not a public holiday.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(d)
}

/// The `n`-th working day after `from` (`from` itself never counts). With `n = 0` this is
/// `from`, unchanged, whether or not it is a working day.
///
/// E.g. 3 working days after Monday 2026-12-21 is Monday 2026-12-28 (24–26 Dec are holidays).
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day = next_day(day);
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The day after `d`. Panics only at the end of chrono's range (year 262 143).
pub(crate) fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).expect("dates stay far inside chrono's range")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_matches_published_dates() {
        let known = [
            (1818, 3, 22), // earliest possible
            (1943, 4, 25), // latest possible
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn easter_is_always_a_sunday_in_its_window() {
        for year in 1583..=2400 {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sun, "{year}");
            assert!(e >= date(year, 3, 22) && e <= date(year, 4, 25), "{year}: {e}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        let holidays = [
            date(2026, 1, 1),
            date(2026, 2, 24),
            date(2026, 4, 3), // Good Friday
            date(2026, 4, 5), // Easter Sunday
            date(2026, 5, 1),
            date(2026, 5, 24), // Pentecost
            date(2026, 6, 23),
            date(2026, 6, 24),
            date(2026, 8, 20),
            date(2026, 12, 24),
            date(2026, 12, 25),
            date(2026, 12, 26),
        ];
        let mut day = date(2026, 1, 1);
        let mut found = Vec::new();
        while day.year() == 2026 {
            if is_public_holiday(day) {
                found.push(day);
            }
            day = next_day(day);
        }
        assert_eq!(found, holidays);
    }

    #[test]
    fn easter_monday_and_ordinary_days_are_not_holidays() {
        assert!(!is_public_holiday(date(2026, 4, 6))); // Easter Monday
        assert!(!is_public_holiday(date(2026, 4, 2))); // Maundy Thursday
        assert!(!is_public_holiday(date(2026, 5, 25))); // Whit Monday
        assert!(!is_public_holiday(date(2026, 12, 27)));
        assert!(!is_public_holiday(date(2026, 12, 31)));
        assert!(is_public_holiday(date(2027, 3, 26))); // Good Friday 2027
        assert!(is_public_holiday(date(2027, 5, 16))); // Pentecost 2027
    }

    #[test]
    fn working_days_exclude_weekends_and_holidays() {
        assert!(is_working_day(date(2026, 11, 23))); // Monday
        assert!(!is_working_day(date(2026, 11, 22))); // Sunday
        assert!(!is_working_day(date(2026, 11, 21))); // Saturday
        assert!(!is_working_day(date(2026, 2, 24))); // Tuesday, Independence Day
        assert!(!is_working_day(date(2026, 4, 3))); // Good Friday
        assert!(is_working_day(date(2026, 4, 6))); // Easter Monday is a working day
    }

    #[test]
    fn add_working_days_skips_weekends_and_holidays() {
        // Zero: the day itself, even a Sunday.
        assert_eq!(add_working_days(date(2026, 11, 22), 0), date(2026, 11, 22));
        // Friday + 1 = Monday.
        assert_eq!(add_working_days(date(2026, 11, 20), 1), date(2026, 11, 23));
        // Sunday + 1 = Monday.
        assert_eq!(add_working_days(date(2026, 11, 22), 1), date(2026, 11, 23));
        // Mon 21 Dec 2026: Tue 22 (1), Wed 23 (2), 24–27 off, Mon 28 (3).
        assert_eq!(add_working_days(date(2026, 12, 21), 3), date(2026, 12, 28));
        // Wed 1 Apr 2026: Thu 2 (1), Good Friday off, weekend, Mon 6 (2).
        assert_eq!(add_working_days(date(2026, 4, 1), 2), date(2026, 4, 6));
        // Mon 23 Feb 2026 + 1: Tuesday is Independence Day, so Wednesday.
        assert_eq!(add_working_days(date(2026, 2, 23), 1), date(2026, 2, 25));
        // Across the year end: Wed 30 Dec 2026: Thu 31 (1), 1 Jan off, weekend, Mon 4 (2).
        assert_eq!(add_working_days(date(2026, 12, 30), 2), date(2027, 1, 4));
    }
}
