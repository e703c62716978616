//! Languages, translated texts and locale-aware formatting. Pure code: used by the server and
//! the browser alike. The texts come from `app/locales/*.toml` (see `build.rs`).

pub mod area;
mod format;
mod negotiate;

mod places;
pub use format::{format_date, format_date_range, format_price};
pub use places::{country_name, county_name, EEA_NON_EU_COUNTRIES, EU_COUNTRIES};
pub use negotiate::negotiate;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

use serde::{Deserialize, Serialize};

/// A language the shop speaks; the first path segment of every page (`/et/…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Et,
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Et, Lang::En, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Et => "et",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The code as the language switch shows it ("ET"), spelt out rather than upper-cased at
    /// run time: `str::to_uppercase` brings Unicode's case tables into the WASM.
    pub fn label(self) -> &'static str {
        match self {
            Lang::Et => "ET",
            Lang::En => "EN",
            Lang::Ru => "RU",
        }
    }

    /// Parses a path segment or a stored language code; only the exact lower-case code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Et => &ET,
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Et => "Eesti",
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }
}

/// Replaces `{name}` placeholders in a translated template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Path of the same page in another language: swaps the first segment of `path`.
pub fn switch_lang_path(path: &str, to: Lang) -> String {
    let rest = path.trim_start_matches('/');
    let rest = match rest.split_once('/') {
        Some((first, tail)) if Lang::from_code(first).is_some() => format!("/{tail}"),
        None if Lang::from_code(rest).is_some() => String::new(),
        _ => return format!("/{}", to.code()),
    };
    format!("/{}{}", to.code(), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_reject_others() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.label(), lang.code().to_uppercase());
        }
        assert_eq!(Lang::from_code("EN"), None);
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn every_language_has_its_own_texts() {
        assert_ne!(ET.nav_cart, EN.nav_cart);
        assert_ne!(EN.nav_cart, RU.nav_cart);
        for lang in Lang::ALL {
            assert!(!lang.texts().site_name.is_empty());
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{n} of {total}", &[("n", "3"), ("total", "10")]), "3 of 10");
        assert_eq!(fill("no args", &[("n", "3")]), "no args");
    }

    #[test]
    fn switch_lang_keeps_the_rest_of_the_path() {
        assert_eq!(switch_lang_path("/et/p/milk-1l", Lang::Ru), "/ru/p/milk-1l");
        assert_eq!(switch_lang_path("/en", Lang::Et), "/et");
        assert_eq!(switch_lang_path("/en/", Lang::Et), "/et/");
        assert_eq!(switch_lang_path("/xx/p/a", Lang::En), "/en");
        assert_eq!(switch_lang_path("/", Lang::En), "/en");
    }
}

/// Which plural form a count takes (CLDR cardinal rules for et, en and ru).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Other,
}

pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::Et | Lang::En => if n == 1 { Plural::One } else { Plural::Other },
        Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => Plural::One,
            (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
            _ => Plural::Other,
        },
    }
}

/// A count in the right plural form of its three templates (`{n}` is filled in).
pub fn counted(lang: Lang, n: u64, one: &str, few: &str, other: &str) -> String {
    let template = match plural(lang, n) {
        Plural::One => one,
        Plural::Few => few,
        Plural::Other => other,
    };
    fill(template, &[("n", &n.to_string())])
}

/// "{n} offers" in the right plural form.
pub fn offers_count(lang: Lang, n: u64) -> String {
    let t = lang.texts();
    counted(lang, n, t.offers_one, t.offers_few, t.offers_other)
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn russian_has_three_forms() {
        let forms: Vec<_> = [1, 2, 5, 11, 12, 21, 22, 25, 101, 111].iter().map(|&n| plural(Lang::Ru, n)).collect();
        use Plural::*;
        assert_eq!(forms, vec![One, Few, Other, Other, Other, One, Few, Other, One, Other]);
    }

    #[test]
    fn estonian_and_english_have_two() {
        assert_eq!(plural(Lang::Et, 1), Plural::One);
        assert_eq!(plural(Lang::Et, 0), Plural::Other);
        assert_eq!(plural(Lang::En, 21), Plural::Other);
        assert_eq!(offers_count(Lang::En, 1), "1 offer");
        assert_eq!(offers_count(Lang::En, 12), "12 offers");
    }
}
