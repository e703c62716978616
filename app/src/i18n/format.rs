//! Money and dates as each language writes them. Money is integer euro cents, never floats.

use super::Lang;
use chrono::{Datelike, NaiveDate};

/// `1234567` cents → "12 345,67 €" (et, ru) or "€12,345.67" (en). Non-breaking spaces keep
/// the amount on one line.
pub fn format_price(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let (group_sep, decimal_sep) = match lang {
        Lang::En => (',', '.'),
        Lang::Et | Lang::Ru => ('\u{a0}', ','),
    };
    let digits = euros.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(ch);
    }
    match lang {
        Lang::En => format!("{sign}€{grouped}{decimal_sep}{rest:02}"),
        Lang::Et | Lang::Ru => format!("{sign}{grouped}{decimal_sep}{rest:02}\u{a0}€"),
    }
}

/// A calendar date the way the language writes it: 24.11.2026 (et, ru), 24 Nov 2026 (en).
/// Written out by hand: chrono's `format` machinery would add tens of kilobytes to the WASM.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (d, m, y) = (date.day(), date.month(), date.year());
    match lang {
        Lang::Et | Lang::Ru => format!("{d:02}.{m:02}.{y}"),
        Lang::En => format!("{d} {} {y}", MONTHS[m as usize - 1]),
    }
}

/// One date, or "from – to" when the two differ (a delivery window).
pub fn format_date_range(earliest: NaiveDate, latest: NaiveDate, lang: Lang) -> String {
    if earliest == latest {
        format_date(earliest, lang)
    } else {
        format!("{} – {}", format_date(earliest, lang), format_date(latest, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_per_language() {
        assert_eq!(format_price(1299, Lang::Et), "12,99\u{a0}€");
        assert_eq!(format_price(1299, Lang::Ru), "12,99\u{a0}€");
        assert_eq!(format_price(1299, Lang::En), "€12.99");
    }

    #[test]
    fn thousands_cents_and_signs() {
        assert_eq!(format_price(0, Lang::En), "€0.00");
        assert_eq!(format_price(5, Lang::En), "€0.05");
        assert_eq!(format_price(123_456_789, Lang::En), "€1,234,567.89");
        assert_eq!(format_price(123_456_789, Lang::Et), "1\u{a0}234\u{a0}567,89\u{a0}€");
        assert_eq!(format_price(100_000, Lang::Et), "1\u{a0}000,00\u{a0}€");
        assert_eq!(format_price(-700, Lang::En), "-€7.00");
    }

    #[test]
    fn dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(format_date(d, Lang::Et), "24.11.2026");
        assert_eq!(format_date(d, Lang::En), "24 Nov 2026");
        let early = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(format_date(early, Lang::Ru), "05.01.2027");
        assert_eq!(format_date(early, Lang::En), "5 Jan 2027");
    }

    #[test]
    fn date_ranges() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        assert_eq!(format_date_range(d(24), d(24), Lang::Et), "24.11.2026");
        assert_eq!(format_date_range(d(24), d(27), Lang::En), "24 Nov 2026 – 27 Nov 2026");
    }
}
