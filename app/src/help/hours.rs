//! Which ways of reaching customer support are open at a moment: e-mail always; live chat and
//! phone on working days (Monday to Friday, not Estonian public holidays) from 8:00 to 20:00
//! Tallinn time (8:00 open, 20:00 closed). Each channel says which languages it is answered in.

use crate::delivery::calendar::is_public_holiday;
use crate::delivery::local_time::to_tallinn;
use chrono::{DateTime, Datelike, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// A way to reach customer support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Email,
    Chat,
    Phone,
}

impl Channel {
    /// The languages the channel is answered in.
    pub fn languages(self) -> &'static [&'static str] {
        match self {
            Channel::Email | Channel::Chat => &["et", "en", "ru"],
            Channel::Phone => &["et", "ru"],
        }
    }
}

fn opens() -> NaiveTime {
    NaiveTime::from_hms_opt(8, 0, 0).expect("08:00 is a time")
}

fn closes() -> NaiveTime {
    NaiveTime::from_hms_opt(20, 0, 0).expect("20:00 is a time")
}

/// Whether the people behind chat and phone are at work at `at`.
pub fn staffed(at: DateTime<Utc>) -> bool {
    let local = to_tallinn(at);
    let day = local.date();
    let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    weekday && !is_public_holiday(day) && local.time() >= opens() && local.time() < closes()
}

/// The channels open at `at`: e-mail, then chat and phone while staffed.
pub fn channels(at: DateTime<Utc>) -> Vec<Channel> {
    if staffed(at) {
        vec![Channel::Email, Channel::Chat, Channel::Phone]
    } else {
        vec![Channel::Email]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::local_time::tallinn_to_utc;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
        tallinn_to_utc(NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, s).unwrap())
    }

    #[test]
    fn weekday_daytime_has_everything_and_the_evening_only_email() {
        // Tuesday 1 December 2026.
        assert_eq!(channels(at(2026, 12, 1, 12, 0, 0)), vec![Channel::Email, Channel::Chat, Channel::Phone]);
        assert_eq!(channels(at(2026, 12, 1, 21, 30, 0)), vec![Channel::Email], "weekday evening");
        assert_eq!(channels(at(2026, 12, 1, 7, 59, 59)), vec![Channel::Email], "before 8:00");
        assert!(staffed(at(2026, 12, 1, 8, 0, 0)), "open at 8:00");
    }

    #[test]
    fn the_20_00_boundary_and_summer_time() {
        assert!(staffed(at(2026, 12, 1, 19, 59, 59)));
        assert!(!staffed(at(2026, 12, 1, 20, 0, 0)), "closed at 20:00");
        // In summer Tallinn is UTC+3: 19:30 local is 16:30 UTC.
        assert!(staffed(at(2026, 7, 7, 19, 30, 0)));
        assert!(!staffed(at(2026, 7, 7, 20, 0, 0)));
    }

    #[test]
    fn weekends_and_public_holidays_have_email_only() {
        assert_eq!(channels(at(2026, 12, 5, 12, 0, 0)), vec![Channel::Email], "Saturday");
        assert_eq!(channels(at(2026, 12, 6, 12, 0, 0)), vec![Channel::Email], "Sunday");
        assert_eq!(channels(at(2026, 12, 24, 12, 0, 0)), vec![Channel::Email], "Christmas Eve, a Thursday");
        assert_eq!(channels(at(2026, 4, 3, 12, 0, 0)), vec![Channel::Email], "Good Friday 2026");
        assert_eq!(channels(at(2026, 2, 24, 10, 0, 0)), vec![Channel::Email], "Independence Day, a Tuesday");
        assert_eq!(channels(at(2026, 2, 23, 10, 0, 0)).len(), 3, "the Monday before is a working day");
        assert_eq!(Channel::Phone.languages(), &["et", "ru"]);
    }
}
