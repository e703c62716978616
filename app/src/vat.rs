//! VAT as data: a dated table of rates per country and class, and the arithmetic that takes the
//! VAT out of VAT-inclusive prices. Rates are basis points (2400 = 24 %); money is cents.
//! Used by checkout, orders and invoices (issue 4); pure and unit-tested.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which rate a product is taxed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))"))]
pub enum VatClass {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "standard"))]
    Standard,
    /// Estonia: books, medicines and medical devices.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reduced9"))]
    Reduced9,
    /// Estonia: accommodation (from 2025), press publications.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "reduced13"))]
    Reduced13,
}

impl VatClass {
    /// The code stored in `products.vat_class`.
    pub fn code(self) -> &'static str {
        match self {
            VatClass::Standard => "standard",
            VatClass::Reduced9 => "reduced9",
            VatClass::Reduced13 => "reduced13",
        }
    }

    pub fn from_code(code: &str) -> Option<VatClass> {
        [VatClass::Standard, VatClass::Reduced9, VatClass::Reduced13].into_iter().find(|c| c.code() == code)
    }
}

/// One row of the table: (country, class, valid from (y, m, d), basis points).
type Rate = (&'static str, VatClass, (i32, u32, u32), u32);

/// A later row for the same country and class replaces the earlier one from its date on.
const TABLE: &[Rate] = &[
    ("EE", VatClass::Standard, (2009, 7, 1), 2000),
    ("EE", VatClass::Standard, (2024, 1, 1), 2200),
    ("EE", VatClass::Standard, (2025, 7, 1), 2400),
    ("EE", VatClass::Reduced9, (2009, 7, 1), 900),
    ("EE", VatClass::Reduced13, (2025, 1, 1), 1300),
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the VAT table holds valid dates")
}

/// The rate in force on `on`, or `None` when the table has none (unknown country, or a class
/// that did not exist yet).
pub fn rate_bp(country: &str, class: VatClass, on: NaiveDate) -> Option<u32> {
    TABLE
        .iter()
        .filter(|(c, k, from, _)| c.eq_ignore_ascii_case(country) && *k == class && date(*from) <= on)
        .max_by_key(|(_, _, from, _)| date(*from))
        .map(|(_, _, _, bp)| *bp)
}

/// The VAT contained in a VAT-inclusive amount, rounded half away from zero to the cent.
pub fn vat_in_gross(gross_cents: i64, rate_bp: u32) -> i64 {
    let num = i128::from(gross_cents) * i128::from(rate_bp);
    let den = 10_000 + i128::from(rate_bp);
    let q = (num.abs() * 2 + den) / (den * 2);
    (q as i64) * gross_cents.signum()
}

/// One rate's line of an invoice's VAT breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    pub rate_bp: u32,
    pub gross_cents: i64,
    pub net_cents: i64,
    pub vat_cents: i64,
}

/// The breakdown by rate of VAT-inclusive amounts: amounts of one rate are summed first and
/// the VAT is taken once per rate (as on an invoice), so `net + vat == gross` on every line.
/// Lines are ordered by rate, highest first.
pub fn breakdown(amounts: &[(i64, u32)]) -> Vec<VatLine> {
    let mut by_rate: Vec<(u32, i64)> = Vec::new();
    for &(gross, rate) in amounts {
        match by_rate.iter_mut().find(|(r, _)| *r == rate) {
            Some((_, sum)) => *sum += gross,
            None => by_rate.push((rate, gross)),
        }
    }
    by_rate.sort_by_key(|&(rate, _)| std::cmp::Reverse(rate));
    by_rate
        .into_iter()
        .map(|(rate_bp, gross_cents)| {
            let vat_cents = vat_in_gross(gross_cents, rate_bp);
            VatLine { rate_bp, gross_cents, net_cents: gross_cents - vat_cents, vat_cents }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn estonian_standard_rate_changes_on_its_dates() {
        assert_eq!(rate_bp("EE", VatClass::Standard, d(2023, 12, 31)), Some(2000));
        assert_eq!(rate_bp("EE", VatClass::Standard, d(2024, 1, 1)), Some(2200));
        assert_eq!(rate_bp("EE", VatClass::Standard, d(2025, 6, 30)), Some(2200));
        assert_eq!(rate_bp("ee", VatClass::Standard, d(2025, 7, 1)), Some(2400));
        assert_eq!(rate_bp("EE", VatClass::Standard, d(2026, 11, 22)), Some(2400));
    }

    #[test]
    fn reduced_rates_and_unknowns() {
        assert_eq!(rate_bp("EE", VatClass::Reduced9, d(2026, 1, 1)), Some(900));
        assert_eq!(rate_bp("EE", VatClass::Reduced13, d(2024, 12, 31)), None);
        assert_eq!(rate_bp("EE", VatClass::Reduced13, d(2025, 1, 1)), Some(1300));
        assert_eq!(rate_bp("XX", VatClass::Standard, d(2026, 1, 1)), None);
    }

    #[test]
    fn vat_is_taken_out_of_gross_prices() {
        // 12.40 € at 24 %: net 10.00, VAT 2.40.
        assert_eq!(vat_in_gross(1240, 2400), 240);
        // 9.99 € at 24 %: 9.99 × 24 / 124 = 1.9335… → 1.93.
        assert_eq!(vat_in_gross(999, 2400), 193);
        // 1.09 € at 9 %: 0.09.
        assert_eq!(vat_in_gross(109, 900), 9);
        // Exact: 0.62 € at 24 % = 0.12; and negative amounts (refunds) mirror positive ones.
        assert_eq!(vat_in_gross(62, 2400), 12);
        assert_eq!(vat_in_gross(-1240, 2400), -240);
        assert_eq!(vat_in_gross(0, 2400), 0);
    }

    #[test]
    fn breakdown_sums_per_rate_and_adds_up() {
        let lines = breakdown(&[(999, 2400), (1999, 2400), (2500, 900), (700, 2400)]);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].rate_bp, 2400);
        assert_eq!(lines[0].gross_cents, 999 + 1999 + 700);
        assert_eq!(lines[0].vat_cents, vat_in_gross(3698, 2400));
        assert_eq!(lines[1].rate_bp, 900);
        for l in &lines {
            assert_eq!(l.net_cents + l.vat_cents, l.gross_cents);
        }
        assert!(breakdown(&[]).is_empty());
    }
}
