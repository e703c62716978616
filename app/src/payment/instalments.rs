//! Buy now, pay later: pay within 30 days, or in 2 or 3 monthly instalments; 0 % interest, no
//! fees. The instalments always add up to the total to the cent.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayLater {
    /// The whole total within 30 days.
    In30Days,
    /// 2 or 3 monthly instalments.
    Monthly(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    #[serde(with = "crate::wire::day")]
    pub due: NaiveDate,
    pub amount_cents: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("instalments are offered in 2 or 3 monthly payments")]
    UnsupportedCount,
    #[error("the total must be positive")]
    NotPositive,
}

/// The schedule for `total_cents` bought on `bought_on`. Monthly instalment k (1-based) is due
/// k months after the purchase (the last day of a shorter month when the day does not exist);
/// a cent that does not divide evenly goes to the earliest instalments, so they differ by at
/// most one cent and sum to the total exactly.
pub fn schedule(total_cents: i64, plan: PayLater, bought_on: NaiveDate) -> Result<Vec<Instalment>, ScheduleError> {
    if total_cents <= 0 {
        return Err(ScheduleError::NotPositive);
    }
    match plan {
        PayLater::In30Days => Ok(vec![Instalment {
            due: bought_on.checked_add_days(Days::new(30)).expect("a date 30 days on exists"),
            amount_cents: total_cents,
        }]),
        PayLater::Monthly(n @ (2 | 3)) => {
            let n = i64::from(n);
            let (base, rest) = (total_cents / n, total_cents % n);
            Ok((0..n)
                .map(|k| Instalment {
                    due: bought_on.checked_add_months(Months::new(k as u32 + 1)).expect("a date months on exists"),
                    amount_cents: base + i64::from(k < rest),
                })
                .collect())
        }
        PayLater::Monthly(_) => Err(ScheduleError::UnsupportedCount),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn thirty_days() {
        let s = schedule(4999, PayLater::In30Days, d(2026, 11, 22)).unwrap();
        assert_eq!(s, vec![Instalment { due: d(2026, 12, 22), amount_cents: 4999 }]);
    }

    #[test]
    fn instalments_add_up_to_the_cent() {
        for total in [1, 2, 3, 100, 1000, 1001, 1002, 9999, 123_457] {
            for n in [2u8, 3] {
                let s = schedule(total, PayLater::Monthly(n), d(2026, 1, 15)).unwrap();
                assert_eq!(s.len(), n as usize);
                assert_eq!(s.iter().map(|i| i.amount_cents).sum::<i64>(), total, "{total} in {n}");
                let (min, max) = (s.iter().map(|i| i.amount_cents).min().unwrap(), s.iter().map(|i| i.amount_cents).max().unwrap());
                assert!(max - min <= 1);
                assert!(s.windows(2).all(|w| w[0].amount_cents >= w[1].amount_cents), "extra cents first");
            }
        }
        let s = schedule(10_000, PayLater::Monthly(3), d(2026, 1, 15)).unwrap();
        assert_eq!(s.iter().map(|i| i.amount_cents).collect::<Vec<_>>(), vec![3334, 3333, 3333]);
    }

    #[test]
    fn monthly_due_dates_clamp_to_month_end() {
        let s = schedule(3000, PayLater::Monthly(3), d(2026, 1, 31)).unwrap();
        assert_eq!(s.iter().map(|i| i.due).collect::<Vec<_>>(), vec![d(2026, 2, 28), d(2026, 3, 31), d(2026, 4, 30)]);
    }

    #[test]
    fn only_two_or_three_and_positive_totals() {
        assert_eq!(schedule(1000, PayLater::Monthly(4), d(2026, 1, 1)), Err(ScheduleError::UnsupportedCount));
        assert_eq!(schedule(1000, PayLater::Monthly(1), d(2026, 1, 1)), Err(ScheduleError::UnsupportedCount));
        assert_eq!(schedule(0, PayLater::In30Days, d(2026, 1, 1)), Err(ScheduleError::NotPositive));
    }
}
