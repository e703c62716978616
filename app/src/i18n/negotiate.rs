//! Picks the shop language from an `Accept-Language` header (RFC 9110 §12.5.4).

use super::Lang;

/// The best shop language for the header, Estonian when nothing matches.
/// Quality values are honoured; `q=0` means "not acceptable"; regional tags (`ru-RU`) match
/// their language; the first of equally preferred languages wins.
pub fn negotiate(accept_language: Option<&str>) -> Lang {
    let Some(header) = accept_language else { return Lang::default() };
    let mut best: Option<(u16, Lang)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1000), parse_quality);
        let Some(quality) = quality else { continue };
        if quality == 0 {
            continue;
        }
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let Some(lang) = Lang::from_code(&primary) else { continue };
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, lang));
        }
    }
    best.map_or_else(Lang::default, |(_, lang)| lang)
}

/// `q` as thousandths (0..=1000); `None` when malformed.
fn parse_quality(value: &str) -> Option<u16> {
    let value = value.trim();
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let frac_value: u16 = format!("{frac:0<3}").parse().ok()?;
    match int {
        "0" => Some(frac_value),
        "1" if frac_value == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estonian_without_a_header_or_a_match() {
        assert_eq!(negotiate(None), Lang::Et);
        assert_eq!(negotiate(Some("")), Lang::Et);
        assert_eq!(negotiate(Some("de-DE,fr;q=0.8")), Lang::Et);
    }

    #[test]
    fn regional_tags_match_their_language() {
        assert_eq!(negotiate(Some("ru-RU,ru;q=0.9")), Lang::Ru);
        assert_eq!(negotiate(Some("en-GB")), Lang::En);
        assert_eq!(negotiate(Some("ET-ee")), Lang::Et);
    }

    #[test]
    fn quality_decides_not_order() {
        assert_eq!(negotiate(Some("en;q=0.5, ru;q=0.8")), Lang::Ru);
        assert_eq!(negotiate(Some("de, en;q=0.3, et;q=0.7")), Lang::Et);
    }

    #[test]
    fn first_of_equals_wins_and_q0_is_refused() {
        assert_eq!(negotiate(Some("ru, en")), Lang::Ru);
        assert_eq!(negotiate(Some("ru;q=0, en;q=0.1")), Lang::En);
    }

    #[test]
    fn malformed_quality_is_skipped() {
        assert_eq!(negotiate(Some("ru;q=2, en;q=0.5")), Lang::En);
        assert_eq!(negotiate(Some("ru;q=abc")), Lang::Et);
        assert_eq!(parse_quality("0.25"), Some(250));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("1.5"), None);
    }
}
