//! The pantry's e-mails (pure): the reminder that stored items expire soon.

use crate::i18n::{fill, format_date, Lang};
use crate::orders::email::Email;
use chrono::NaiveDate;

/// The reminder `days` (30 or 7) before items expire: each product with its units and last
/// day, what happens at expiry, and the link to the pantry.
pub fn reminder(lang: Lang, days: i64, items: &[(String, i32, NaiveDate)], pantry_url: &str) -> Email {
    let t = crate::i18n::area::AreaTextsRef::of(lang).texts;
    let subject = fill(t.pantry_mail_subject, &[("days", &days.to_string())]);
    let mut paragraphs = vec![fill(t.pantry_mail_intro, &[("days", &days.to_string())])];
    for (title, units, expires) in items {
        paragraphs.push(fill(t.pantry_mail_item, &[("n", &units.to_string()), ("title", title), ("date", &format_date(*expires, lang))]));
    }
    paragraphs.push(t.pantry_expiry_rule.to_owned());
    Email::paragraphs(lang, subject, &paragraphs, Some((t.pantry_mail_link, pantry_url)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_names_every_item_and_escapes_it() {
        let d = NaiveDate::from_ymd_opt(2027, 12, 1).unwrap();
        let e = reminder(Lang::En, 7, &[("Oat <b>milk</b>".into(), 3, d), ("Rye bread".into(), 1, d)], "https://turg.example/en/pantry");
        assert!(e.subject.contains('7'), "{}", e.subject);
        assert!(e.text.contains("3 × Oat <b>milk</b>") && e.text.contains("1 × Rye bread"), "{}", e.text);
        assert!(e.html.contains("Oat &lt;b&gt;milk&lt;/b&gt;") && !e.html.contains("<b>milk"));
        assert!(e.text.contains("https://turg.example/en/pantry"));
    }
}
