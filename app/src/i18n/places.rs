//! Names of delivery counties and of the EU countries sellers are registered in.

use super::Texts;
use crate::delivery::County;

pub fn county_name(t: &Texts, county: County) -> &'static str {
    match county {
        County::Harju => t.county_harju,
        County::Hiiu => t.county_hiiu,
        County::IdaViru => t.county_ida_viru,
        County::Jogeva => t.county_jogeva,
        County::Jarva => t.county_jarva,
        County::Laane => t.county_laane,
        County::LaaneViru => t.county_laane_viru,
        County::Polva => t.county_polva,
        County::Parnu => t.county_parnu,
        County::Rapla => t.county_rapla,
        County::Saare => t.county_saare,
        County::Tartu => t.county_tartu,
        County::Valga => t.county_valga,
        County::Viljandi => t.county_viljandi,
        County::Voru => t.county_voru,
    }
}

/// The EU member states, by ISO 3166-1 alpha-2 code.
pub const EU_COUNTRIES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// The European Economic Area beyond the EU: companies from these may sell too.
pub const EEA_NON_EU_COUNTRIES: [&str; 3] = ["IS", "LI", "NO"];

/// The country's name; the code itself for a code outside the EU list.
pub fn country_name(t: &Texts, code: &str) -> String {
    let name = match code.to_ascii_uppercase().as_str() {
        "AT" => t.country_at,
        "BE" => t.country_be,
        "BG" => t.country_bg,
        "HR" => t.country_hr,
        "CY" => t.country_cy,
        "CZ" => t.country_cz,
        "DK" => t.country_dk,
        "EE" => t.country_ee,
        "FI" => t.country_fi,
        "FR" => t.country_fr,
        "DE" => t.country_de,
        "GR" => t.country_gr,
        "HU" => t.country_hu,
        "IE" => t.country_ie,
        "IT" => t.country_it,
        "LV" => t.country_lv,
        "LT" => t.country_lt,
        "LU" => t.country_lu,
        "MT" => t.country_mt,
        "NL" => t.country_nl,
        "PL" => t.country_pl,
        "PT" => t.country_pt,
        "RO" => t.country_ro,
        "SK" => t.country_sk,
        "SI" => t.country_si,
        "ES" => t.country_es,
        "SE" => t.country_se,
        "IS" => t.country_is,
        "LI" => t.country_li,
        "NO" => t.country_no,
        _ => return code.to_owned(),
    };
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_eu_country_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for code in EU_COUNTRIES.into_iter().chain(EEA_NON_EU_COUNTRIES) {
                assert_ne!(country_name(lang.texts(), code), code, "{code} in {lang:?}");
            }
        }
        assert_eq!(country_name(Lang::En.texts(), "ee"), "Estonia");
        assert_eq!(country_name(Lang::Et.texts(), "US"), "US");
    }

    #[test]
    fn county_names() {
        assert_eq!(county_name(Lang::Et.texts(), County::Tartu), "Tartumaa");
        assert_eq!(county_name(Lang::Ru.texts(), County::Harju), "Харьюмаа");
    }
}
