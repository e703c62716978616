//! What an EU/EEA company types into the seller registration form — IBAN, VAT number and
//! business-register code — validated and normalised. Pure `std`, no I/O: a number that
//! passes here is well-formed, not necessarily issued (VIES or the registers say that).
//!
//! A blank input (after trimming) is [`IdProblem::Required`], a country
//! outside the EU/EEA is [`IdProblem::Country`], a wrong character, length or shape is
//! [`IdProblem::Format`], and right-shaped numbers with wrong check digits are
//! [`IdProblem::CheckDigits`]. Country arguments are ISO 3166 alpha-2 codes in any case; "EL"
//! is accepted as an alias of "GR".
//!
//! IBAN: ISO 13616-1 mod-97 check and the per-country lengths of the SWIFT IBAN registry. The
//! BBAN's inner structure (bank code, national check digits) is not checked.
//!
//! VAT numbers (sources: the European Commission's VIES description of the national formats
//! and check-digit algorithms, DG TAXUD; national tax authorities where noted):
//! - check digits: AT, BE, DE, DK, EE, EL (GR), ES, FI, FR (numeric key only), HR, HU, IT, LT,
//!   LU, LV (legal entities, first digit 4–9), NL, PL, PT, SE, SI, SK;
//! - format only: BG, CY, CZ, IE, MT, RO, FR with an alphabetic key, LV natural persons;
//! - EEA countries without an EU VAT number, format checked loosely and returned with the
//!   ISO prefix: IS (VSK number, 5–6 digits), LI (MWST number, 4–12 digits), NO (organisation
//!   number, 9 digits, optional "MVA" suffix; always returned as "NO…MVA").
//!
//! Register codes: EE and FI have check digits; LV, LT, PL and DE are format checked; every
//! other country gets the fallback rule (see [`normalize_registry_code`]).

/// Why an identifier was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Blank after trimming.
    Required,
    /// The country (or the IBAN's country) is not in the EU/EEA.
    Country,
    /// Wrong characters, length or shape.
    Format,
    /// The shape is right but the check digits are wrong.
    CheckDigits,
}

use IdProblem::*;

/// ISO 3166 alpha-2 codes of the EU 27 and the EEA's Iceland, Liechtenstein and Norway.
pub const EU_EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Whether `code` (ISO 3166 alpha-2, any case, surrounding spaces ignored) is EU/EEA.
pub fn is_eu_eea(code: &str) -> bool {
    EU_EEA.iter().any(|c| c.eq_ignore_ascii_case(code.trim()))
}

/// IBAN length per country (SWIFT IBAN registry).
const IBAN_LENGTHS: [(&str, usize); 30] = [
    ("AT", 20), ("BE", 16), ("BG", 22), ("HR", 21), ("CY", 28), ("CZ", 24), ("DK", 18),
    ("EE", 20), ("FI", 18), ("FR", 27), ("DE", 22), ("GR", 27), ("HU", 28), ("IE", 22),
    ("IT", 27), ("LV", 21), ("LT", 20), ("LU", 20), ("MT", 31), ("NL", 18), ("PL", 28),
    ("PT", 25), ("RO", 24), ("SK", 24), ("SI", 19), ("ES", 24), ("SE", 24), ("IS", 26),
    ("LI", 21), ("NO", 15),
];

/// Checks an IBAN and returns its compact upper-case form ("EE382200221020145685").
/// Whitespace (spaces, tabs, no-break spaces) is ignored. Rules (ISO 13616-1): EU/EEA country,
/// the country's exact length, letters and digits only, check digits 02–98, and the number
/// with its first four characters moved to the end has remainder 1 modulo 97.
pub fn normalize_iban(raw: &str) -> Result<String, IdProblem> {
    if raw.trim().is_empty() {
        return Err(Required);
    }
    let iban = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    if iban.len() < 4 || !iban.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Format);
    }
    let (head, bban) = iban.split_at(4);
    let Some(&(_, length)) = IBAN_LENGTHS.iter().find(|(c, _)| *c == &head[..2]) else {
        let letters = head[..2].chars().all(|c| c.is_ascii_uppercase());
        return Err(if letters { Country } else { Format });
    };
    if iban.len() != length || !head[2..].chars().all(|c| c.is_ascii_digit()) {
        return Err(Format);
    }
    if matches!(&head[2..], "00" | "01" | "99") || mod97(&format!("{bban}{head}")) != Some(1) {
        return Err(CheckDigits);
    }
    Ok(iban)
}

/// A compact IBAN in groups of four for display: "EE38 2200 2210 2014 5685".
pub fn format_iban(compact: &str) -> String {
    let chars: Vec<char> = compact.chars().filter(|c| !c.is_whitespace()).collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// Checks a VAT identification number of a company registered in `country` and returns it
/// compact, upper-case and with its prefix ("EE100247019"; Greece "EL…"). Spaces, dots and
/// dashes are ignored; the prefix may be omitted (for Greece "GR" is accepted for "EL").
/// The per-country rules are listed in the module documentation.
pub fn normalize_vat(country: &str, raw: &str) -> Result<String, IdProblem> {
    if raw.trim().is_empty() {
        return Err(Required);
    }
    let country = country_code(country)?;
    let cleaned: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '.' && *c != '-').collect();
    let cleaned = cleaned.to_ascii_uppercase();
    if cleaned.is_empty() || !cleaned.is_ascii() {
        return Err(Format);
    }
    let prefix = if country == "GR" { "EL" } else { country.as_str() };
    let mut body = cleaned.strip_prefix(prefix).unwrap_or(&cleaned);
    if country == "GR" {
        body = body.strip_prefix("GR").unwrap_or(body);
    }
    if country == "NO" {
        body = body.strip_suffix("MVA").unwrap_or(body);
    }
    check_vat_body(&country, body)?;
    let suffix = if country == "NO" { "MVA" } else { "" };
    Ok(format!("{prefix}{body}{suffix}"))
}

/// Checks the company's number in its national business register and returns it trimmed
/// and normalised:
/// - EE (registrikood): 8 digits, first 1 (companies), 7 (state bodies), 8 or 9 (non-profits
///   and foundations); check digit as for the isikukood (EVS 585): weights 1..7, remainder
///   mod 11; if 10, weights 3..9; if 10 again, 0. Spaces are removed.
/// - FI (Y-tunnus): "1234567-8", check digit with weights 7,9,10,5,8,4,2: remainder 0 → 0,
///   1 → invalid, else 11 − remainder (Finnish Tax Administration). Accepted without the
///   dash, returned with it.
/// - LV 11 digits, LT 9 digits, PL (KRS) 10 digits; spaces are removed.
/// - DE (Handelsregister: "HRB 12345", "GnR 1", optionally the court): kept loose — 2–40
///   characters of letters, digits, spaces and `. - / ( ) ,`, at least one digit.
/// - every other country: 2–30 characters of letters, digits, spaces and `. - /`, at least
///   one digit.
///
/// For DE and the fallback, runs of whitespace become one space and the case is kept.
pub fn normalize_registry_code(country: &str, raw: &str) -> Result<String, IdProblem> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(Required);
    }
    let country = country_code(country)?;
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    match country.as_str() {
        "EE" => {
            let d = digits(&compact, 8, 8)?;
            if ![1, 7, 8, 9].contains(&d[0]) {
                return Err(Format);
            }
            check(mod11_two_pass(&d[..7]) == d[7])?;
            Ok(compact)
        }
        "FI" => {
            let plain = match compact.split_once('-') {
                Some((number, check)) if number.len() == 7 && check.len() == 1 => format!("{number}{check}"),
                Some(_) => return Err(Format),
                None => compact,
            };
            let d = digits(&plain, 8, 8)?;
            let expected = match weighted_sum(&d[..7], &[7, 9, 10, 5, 8, 4, 2]) % 11 {
                0 => Some(0),
                1 => None,
                r => Some(11 - r),
            };
            check(expected == Some(d[7]))?;
            Ok(format!("{}-{}", &plain[..7], &plain[7..]))
        }
        "LV" => digits(&compact, 11, 11).map(|_| compact),
        "LT" => digits(&compact, 9, 9).map(|_| compact),
        "PL" => digits(&compact, 10, 10).map(|_| compact),
        "DE" => loose_code(trimmed, 40, ".-/(),"),
        _ => loose_code(trimmed, 30, ".-/"),
    }
}

/// Trimmed, upper-cased EU/EEA country code ("EL" read as "GR"), or `Country`.
fn country_code(code: &str) -> Result<String, IdProblem> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code == "EL" { "GR".to_string() } else { code };
    if is_eu_eea(&code) { Ok(code) } else { Err(Country) }
}

/// The VAT number without its prefix; `b` is ASCII, upper-case, without separators.
fn check_vat_body(country: &str, b: &str) -> Result<(), IdProblem> {
    match country {
        // U + 8 digits; C8 = (10 − (Luhn-style sum of C1..C7 + 4) mod 10) mod 10.
        "AT" => {
            let d = digits(b.strip_prefix('U').ok_or(Format)?, 8, 8)?;
            check((luhn_sum(&d[..7]) + 4 + d[7]).is_multiple_of(10))
        }
        // 10 digits starting 0 or 1; last two = 97 − (first eight mod 97).
        "BE" => {
            let d = digits(b, 10, 10)?;
            if d[0] > 1 {
                return Err(Format);
            }
            check(97 - number(&d[..8]) % 97 == number(&d[8..]))
        }
        "BG" => digits(b, 9, 10).map(drop),
        "CY" => {
            if b.len() != 9 || !b.as_bytes()[8].is_ascii_uppercase() {
                return Err(Format);
            }
            digits(&b[..8], 8, 8).map(drop)
        }
        "CZ" => digits(b, 8, 10).map(drop),
        // 9 digits, not starting 0; ISO 7064 MOD 11,10.
        "DE" => {
            let d = digits(b, 9, 9)?;
            if d[0] == 0 {
                return Err(Format);
            }
            check(mod11_10_check(&d[..8]) == d[8])
        }
        // 8 digits, not starting 0; weights 2,7,6,5,4,3,2,1, sum mod 11 = 0.
        "DK" => {
            let d = digits(b, 8, 8)?;
            if d[0] == 0 {
                return Err(Format);
            }
            check(weighted_sum(&d, &[2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11))
        }
        // 9 digits; weights 3,7,1,3,7,1,3,7, check = (10 − sum mod 10) mod 10.
        "EE" => {
            let d = digits(b, 9, 9)?;
            check((10 - weighted_sum(&d[..8], &[3, 7, 1, 3, 7, 1, 3, 7]) % 10) % 10 == d[8])
        }
        "ES" => spanish_nif(b),
        // 8 digits; weights 7,9,10,5,8,4,2,1, sum mod 11 = 0.
        "FI" => check(weighted_sum(&digits(b, 8, 8)?, &[7, 9, 10, 5, 8, 4, 2, 1]).is_multiple_of(11)),
        "FR" => french_tva(b),
        // 9 digits; weights 2^8..2^1, check = sum mod 11 mod 10.
        "GR" => {
            let d = digits(b, 9, 9)?;
            check(weighted_sum(&d[..8], &[256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10 == d[8])
        }
        // OIB: 11 digits, ISO 7064 MOD 11,10.
        "HR" => {
            let d = digits(b, 11, 11)?;
            check(mod11_10_check(&d[..10]) == d[10])
        }
        // 8 digits; weights 9,7,3,1,9,7,3,1, sum mod 10 = 0.
        "HU" => check(weighted_sum(&digits(b, 8, 8)?, &[9, 7, 3, 1, 9, 7, 3, 1]).is_multiple_of(10)),
        "IE" => irish_format(b),
        // 11 digits; Luhn.
        "IT" => check(luhn(&digits(b, 11, 11)?)),
        // 9 digits (legal persons) or 12 (temporary), last but one is 1; two-pass mod 11.
        "LT" => {
            let d = digits(b, 9, 12)?;
            let n = d.len();
            if (n != 9 && n != 12) || d[n - 2] != 1 {
                return Err(Format);
            }
            check(mod11_two_pass(&d[..n - 1]) == d[n - 1])
        }
        // 8 digits; first six mod 89 = last two.
        "LU" => {
            let d = digits(b, 8, 8)?;
            check(number(&d[..6]) % 89 == number(&d[6..]))
        }
        // 11 digits; legal entities (first digit 4-9): weights 9,1,4,8,3,10,2,5,7,6 and
        // C11 = 3 − sum mod 11 (+ 11 if negative; −1 is invalid), i.e. (sum + C11) mod 11 = 3.
        "LV" => {
            let d = digits(b, 11, 11)?;
            if d[0] <= 3 {
                return Ok(());
            }
            check((weighted_sum(&d[..10], &[9, 1, 4, 8, 3, 10, 2, 5, 7, 6]) + d[10]) % 11 == 3)
        }
        "MT" => digits(b, 8, 8).map(drop),
        "NL" => dutch_btw(b),
        // 10 digits; weights 6,5,7,2,3,4,5,6,7, sum mod 11 = last digit.
        "PL" => {
            let d = digits(b, 10, 10)?;
            check(weighted_sum(&d[..9], &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d[9])
        }
        // 9 digits; check = 11 − (weights 9..2 sum mod 11), 10 and 11 give 0.
        "PT" => {
            let d = digits(b, 9, 9)?;
            let r = 11 - weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) % 11;
            check(if r >= 10 { 0 } else { r } == d[8])
        }
        "RO" => digits(b, 2, 10).map(drop),
        // 12 digits ending "01"; the first ten pass Luhn.
        "SE" => {
            let d = digits(b, 12, 12)?;
            if d[10..] != [0, 1] {
                return Err(Format);
            }
            check(luhn(&d[..10]))
        }
        // 8 digits, not starting 0; check = 11 − (weights 8..2 sum mod 11), 10 → 0, 11 invalid.
        "SI" => {
            let d = digits(b, 8, 8)?;
            if d[0] == 0 {
                return Err(Format);
            }
            let r = 11 - weighted_sum(&d[..7], &[8, 7, 6, 5, 4, 3, 2]) % 11;
            check(r != 11 && r % 10 == d[7])
        }
        // 10 digits, first not 0, third in 2,3,4,7,8,9; the number mod 11 = 0.
        "SK" => {
            let d = digits(b, 10, 10)?;
            if d[0] == 0 || ![2, 3, 4, 7, 8, 9].contains(&d[2]) {
                return Err(Format);
            }
            check(number(&d).is_multiple_of(11))
        }
        "IS" => digits(b, 5, 6).map(drop),
        "LI" => digits(b, 4, 12).map(drop),
        "NO" => digits(b, 9, 9).map(drop),
        _ => Err(Country),
    }
}

/// Spain (NIF): DNI 8 digits + letter; NIE X/Y/Z (= 0/1/2) + 7 digits + letter; K/L/M + 7
/// digits + letter — letter "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23]. Companies (CIF): a
/// letter, 7 digits and a control; odd positions doubled (digit sums), even added, c = (10 − sum mod 10)
/// mod 10, written as the digit c or the letter "JABCDEFGHI"[c] (either is accepted).
fn spanish_nif(b: &str) -> Result<(), IdProblem> {
    if b.len() != 9 || !b.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Format);
    }
    let first = b.as_bytes()[0] as char;
    let last = b.as_bytes()[8] as char;
    let dni_letter = |n: u64| "TRWAGMYFPDXBNJZSQVHLCKE".as_bytes()[(n % 23) as usize] as char;
    let middle = digits(&b[1..8], 7, 7)?;
    match first {
        '0'..='9' | 'X' | 'Y' | 'Z' | 'K' | 'L' | 'M' => {
            if !last.is_ascii_uppercase() {
                return Err(Format);
            }
            let lead = match first {
                'X' | 'K' | 'L' | 'M' => 0,
                'Y' => 1,
                'Z' => 2,
                digit => digit.to_digit(10).unwrap_or(0) as u64,
            };
            check(last == dni_letter(lead * 10_000_000 + number(&middle)))
        }
        'A'..='H' | 'J' | 'N' | 'P' | 'Q' | 'R' | 'S' | 'U' | 'V' | 'W' => {
            let odd: u32 = middle.iter().step_by(2).map(|&x| (2 * x) / 10 + (2 * x) % 10).sum();
            let even: u32 = middle.iter().skip(1).step_by(2).sum();
            let c = (10 - (odd + even) % 10) % 10;
            let letter = "JABCDEFGHI".as_bytes()[c as usize] as char;
            if !last.is_ascii_alphanumeric() {
                return Err(Format);
            }
            check(last == letter || last.to_digit(10) == Some(c))
        }
        _ => Err(Format),
    }
}

/// France: 2-character key + 9-digit SIREN. The key uses digits and letters except I and O;
/// a numeric key must equal (12 + 3 × (SIREN mod 97)) mod 97. Alphabetic keys: format only.
fn french_tva(b: &str) -> Result<(), IdProblem> {
    if b.len() != 11 {
        return Err(Format);
    }
    let (key, siren) = b.split_at(2);
    let siren = digits(siren, 9, 9)?;
    if !key.chars().all(|c| c.is_ascii_alphanumeric() && c != 'I' && c != 'O') {
        return Err(Format);
    }
    match digits(key, 2, 2) {
        Ok(k) => check(number(&k) == (12 + 3 * (number(&siren) % 97)) % 97),
        Err(_) => Ok(()),
    }
}

/// Netherlands: 9 digits + "B" + 2 digits. Accepted if either the classic rule holds
/// (weights 9..2 over the first eight, minus the ninth, ≡ 0 mod 11) or the rule for sole
/// traders' btw-id since 2020 (Belastingdienst): "NL" + number read as in ISO 7064 MOD 97-10
/// (letters A = 10 … Z = 35) has remainder 1 mod 97.
fn dutch_btw(b: &str) -> Result<(), IdProblem> {
    if b.len() != 12 || &b[9..10] != "B" {
        return Err(Format);
    }
    let d = digits(&b[..9], 9, 9)?;
    digits(&b[10..], 2, 2)?;
    let classic = (weighted_sum(&d[..8], &[9, 8, 7, 6, 5, 4, 3, 2]) as i64 - d[8] as i64) % 11 == 0;
    check(classic || mod97(&format!("NL{b}")) == Some(1))
}

/// Ireland: 7 digits + 1 or 2 letters ("1234567T", "1234567WA"), or the old form digit +
/// letter + 5 digits + letter ("8D79739I"). Format only.
fn irish_format(b: &str) -> Result<(), IdProblem> {
    let c = b.as_bytes();
    let digit = |i: usize| c[i].is_ascii_digit();
    let letter = |i: usize| c[i].is_ascii_uppercase();
    let ok = match c.len() {
        8 => digit(0) && (digit(1) || letter(1)) && (2..7).all(digit) && letter(7),
        9 => (0..7).all(digit) && letter(7) && letter(8),
        _ => false,
    };
    if ok { Ok(()) } else { Err(Format) }
}

/// DE register numbers and the fallback rule: 2 to `max` characters of letters, digits,
/// spaces and `extra`, at least one digit; whitespace runs collapsed to one space.
fn loose_code(trimmed: &str, max: usize, extra: &str) -> Result<String, IdProblem> {
    let code = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = code.chars().count();
    let allowed = code.chars().all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == ' ' || extra.contains(c));
    if length < 2 || length > max || !allowed || !code.chars().any(|c| c.is_ascii_digit()) {
        return Err(Format);
    }
    Ok(code)
}

fn check(ok: bool) -> Result<(), IdProblem> {
    if ok { Ok(()) } else { Err(CheckDigits) }
}

/// The digits of `s` if it is `min..=max` ASCII digits long, else `Format`.
fn digits(s: &str, min: usize, max: usize) -> Result<Vec<u32>, IdProblem> {
    if s.len() < min || s.len() > max {
        return Err(Format);
    }
    s.chars().map(|c| c.to_digit(10).ok_or(Format)).collect()
}

/// The digits read as a decimal number (at most 19 digits).
fn number(d: &[u32]) -> u64 {
    d.iter().fold(0, |n, &x| n * 10 + x as u64)
}

/// Σ dᵢ·wᵢ over the shorter of the two slices.
fn weighted_sum(d: &[u32], weights: &[u32]) -> u32 {
    d.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// Luhn (ISO/IEC 7812-1) sum: from the right, every second digit is doubled and its digits
/// added.
fn luhn_sum(d: &[u32]) -> u32 {
    d.iter().rev().enumerate().map(|(i, &x)| if i % 2 == 1 { (2 * x) / 10 + (2 * x) % 10 } else { x }).sum()
}

/// Whether `d` (check digit last) passes the Luhn check.
fn luhn(d: &[u32]) -> bool {
    luhn_sum(d).is_multiple_of(10)
}

/// Remainder mod 97 of `s` read as a decimal number with letters expanded to two digits
/// (A = 10 … Z = 35), computed piecewise (ISO 7064 MOD 97-10). `None` for other characters.
fn mod97(s: &str) -> Option<u32> {
    s.chars().try_fold(0, |rem, c| {
        let v = c.to_digit(36)?;
        Some(if v < 10 { (rem * 10 + v) % 97 } else { (rem * 100 + v) % 97 })
    })
}

/// The check digit of ISO 7064 MOD 11,10 (hybrid system) for the digits `d`.
fn mod11_10_check(d: &[u32]) -> u32 {
    let mut product = 10;
    for &x in d {
        let sum = match (x + product) % 10 {
            0 => 10,
            s => s,
        };
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

/// The two-pass mod 11 check digit of Estonian (isikukood, registrikood) and Lithuanian
/// codes: weights 1,2,…,9,1,…; if the remainder is 10, weights 3,4,…,9,1,…; a second 10 → 0.
fn mod11_two_pass(d: &[u32]) -> u32 {
    let first = weighted_sum(d, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2]) % 11;
    if first < 10 {
        return first;
    }
    let second = weighted_sum(d, &[3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4]) % 11;
    if second < 10 { second } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vat(country: &str, raw: &str) -> Result<String, IdProblem> {
        normalize_vat(country, raw)
    }

    #[test]
    fn country_list() {
        assert_eq!(EU_EEA.len(), 30);
        assert!(is_eu_eea("EE") && is_eu_eea(" no ") && is_eu_eea("GR"));
        assert!(!is_eu_eea("GB") && !is_eu_eea("CH") && !is_eu_eea("EL") && !is_eu_eea(""));
        for (code, _) in IBAN_LENGTHS {
            assert!(is_eu_eea(code), "{code}");
        }
        for code in EU_EEA {
            assert_eq!(IBAN_LENGTHS.iter().filter(|(c, _)| *c == code).count(), 1, "{code}");
        }
    }

    #[test]
    fn valid_ibans() {
        let examples = [
            "EE38 2200 2210 2014 5685", "LV80 BANK 0000 4351 9500 1", "LT12 1000 0111 0100 1000",
            "FI21 1234 5600 0007 85", "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606",
            "PL61 1090 1014 0000 0712 1981 2874", "NL91 ABNA 0417 1643 00", "IT60 X054 2811 1010 0000 0123 456",
            "ES91 2100 0418 4502 0005 1332", "SE45 5000 0000 0583 9825 7466", "NO93 8601 1117 947",
            "AT61 1904 3002 3457 3201", "BE68 5390 0754 7034", "LI21 0881 0000 2324 013A A",
            "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "IS14 0159 2600 7654 5510 7303 39",
        ];
        for example in examples {
            let compact = normalize_iban(example).unwrap_or_else(|e| panic!("{example}: {e:?}"));
            assert_eq!(format_iban(&compact), example);
        }
        assert_eq!(normalize_iban(" ee38 2200\t2210 2014\u{a0}5685 "), Ok("EE382200221020145685".into()));
    }

    #[test]
    fn invalid_ibans() {
        assert_eq!(normalize_iban(""), Err(Required));
        assert_eq!(normalize_iban(" \t "), Err(Required));
        assert_eq!(normalize_iban("GB29 NWBK 6016 1331 9268 19"), Err(Country));
        assert_eq!(normalize_iban("CH93 0076 2011 6238 5295 7"), Err(Country));
        assert_eq!(normalize_iban("EE38 2200 2210 2014 568"), Err(Format));
        assert_eq!(normalize_iban("EE38 2200 2210 2014 5685 0"), Err(Format));
        assert_eq!(normalize_iban("DE89-3704-0044-0532-0130-00"), Err(Format));
        assert_eq!(normalize_iban("DE89 3704 0044 0532 0130 0Ä"), Err(Format));
        assert_eq!(normalize_iban("EEXX 2200 2210 2014 5685"), Err(Format));
        assert_eq!(normalize_iban("EE"), Err(Format));
        assert_eq!(normalize_iban("EE38 2200 2210 2014 5686"), Err(CheckDigits));
        assert_eq!(normalize_iban("DE89 3704 0044 0532 0131 00"), Err(CheckDigits));
        assert_eq!(normalize_iban("FR14 2004 1010 0505 0001 3M02 605"), Err(CheckDigits));
        // 98 is right here; 01 leaves the same remainder mod 97 but is outside 02..98.
        assert_eq!(normalize_iban("EE98 2200 2210 2014 5672"), Ok("EE982200221020145672".into()));
        assert_eq!(normalize_iban("EE01 2200 2210 2014 5672"), Err(CheckDigits));
    }

    #[test]
    fn format_iban_groups_by_four() {
        assert_eq!(format_iban("EE382200221020145685"), "EE38 2200 2210 2014 5685");
        assert_eq!(format_iban("NO9386011117947"), "NO93 8601 1117 947");
        assert_eq!(format_iban(""), "");
    }

    /// One valid number per check rule, and the same number with one digit changed.
    #[test]
    fn vat_check_digits() {
        let cases = [
            ("AT", "ATU 142 43 102", "ATU14243102", "ATU 143 43 102"),
            ("AT", "U13585627", "ATU13585627", "U13585637"),
            ("BE", "BE 0407.139.583", "BE0407139583", "BE 0406.139.583"),
            ("DE", "DE 136 308 783", "DE136308783", "DE 136 308 788"),
            ("DE", "DE 125014955", "DE125014955", "DE 125014855"),
            ("DK", "DK 11 97 56 58", "DK11975658", "DK 11 96 56 58"),
            ("EE", "EE100247019", "EE100247019", "EE100247018"),
            ("EE", "100 931 558", "EE100931558", "EE 100 941 558"),
            ("GR", "EL 094012834", "EL094012834", "EL 094013834"),
            ("ES", "ES A-28184661", "ESA28184661", "ES A-28184561"),
            ("ES", "ES Q-2818015-F", "ESQ2818015F", "ES Q-2818115-F"),
            ("ES", "ES 54362315K", "ES54362315K", "ES 54362415K"),
            ("ES", "ES X5277343Q", "ESX5277343Q", "ES X5277443Q"),
            ("FI", "FI 0982651-1", "FI09826511", "FI 0982751-1"),
            ("FR", "Fr 40 303 265 045", "FR40303265045", "FR 40 303 265 046"),
            ("HR", "HR33392005961", "HR33392005961", "HR33392005962"),
            ("HU", "HU-12892312", "HU12892312", "HU-12892322"),
            ("IT", "IT 00743110157", "IT00743110157", "IT 00743110167"),
            ("LT", "LT 119511515", "LT119511515", "LT 119511615"),
            ("LT", "LT100001919017", "LT100001919017", "LT100001919018"),
            ("LU", "LU 10059929", "LU10059929", "LU 10059939"),
            ("LV", "LV 40003189718", "LV40003189718", "LV 40003189715"),
            ("NL", "NL 820605876B01", "NL820605876B01", "NL 820605886B01"),
            ("PL", "PL 584-030-44-72", "PL5840304472", "PL 584-030-45-72"),
            ("PT", "PT 501 964 843", "PT501964843", "PT 501 964 833"),
            ("SE", "SE 556043606401", "SE556043606401", "SE 556043607401"),
            ("SI", "SI 50223054", "SI50223054", "SI 50223064"),
            ("SK", "SK 2022193459", "SK2022193459", "SK 2022193469"),
        ];
        for (country, raw, normalised, changed) in cases {
            assert_eq!(vat(country, raw), Ok(normalised.to_string()), "{raw}");
            assert_eq!(vat(country, changed), Err(CheckDigits), "{changed}");
        }
    }

    #[test]
    fn vat_special_cases() {
        // Dutch sole-trader btw-id (2020 mod-97 rule): fails the classic rule, passes mod 97.
        assert_eq!(vat("NL", "NL001452330B47"), Ok("NL001452330B47".into()));
        assert_eq!(vat("NL", "NL001452330B48"), Err(CheckDigits));
        assert_eq!(vat("NL", "NL001452330C47"), Err(Format));
        // Greece: "GR" typed as a prefix or used as the country code.
        assert_eq!(vat("gr", "GR094012834"), Ok("EL094012834".into()));
        assert_eq!(vat("EL", "094012834"), Ok("EL094012834".into()));
        // French alphabetic key: format only.
        assert_eq!(vat("FR", "FR K7 399859412"), Ok("FRK7399859412".into()));
        assert_eq!(vat("FR", "FRO7399859412"), Err(Format));
        // Format errors.
        assert_eq!(vat("BE", "BE 2407139583"), Err(Format));
        assert_eq!(vat("DE", "DE 011125440"), Err(Format));
        assert_eq!(vat("EE", "EE10024701"), Err(Format));
        assert_eq!(vat("EE", "LV40003189718"), Err(Format));
        assert_eq!(vat("SE", "SE 556043606402"), Err(Format));
        assert_eq!(vat("AT", "AT 14243102"), Err(Format));
        assert_eq!(vat("LT", "LT 119511525 5"), Err(Format));
        assert_eq!(vat("EE", "EE 100 247 01Ö"), Err(Format));
        assert_eq!(vat("EE", "--"), Err(Format));
        // Blank and non-EU/EEA.
        assert_eq!(vat("EE", "  "), Err(Required));
        assert_eq!(vat("GB", "GB 980 7806 84"), Err(Country));
        assert_eq!(vat("CH", "CHE-116.281.710 MWST"), Err(Country));
    }

    #[test]
    fn vat_format_only_countries() {
        let cases = [
            ("BG", "BG 175074752", "BG175074752"),
            ("CY", "CY-10259033P", "CY10259033P"),
            ("CZ", "CZ 25123891", "CZ25123891"),
            ("IE", "IE 6433435F", "IE6433435F"),
            ("IE", "IE6433435OA", "IE6433435OA"),
            ("IE", "IE8D79739I", "IE8D79739I"),
            ("MT", "MT 1167-9112", "MT11679112"),
            ("RO", "RO 1822964", "RO1822964"),
            ("LV", "LV 32010112345", "LV32010112345"),
            ("NO", "NO 923 609 016 MVA", "NO923609016MVA"),
            ("NO", "923609016", "NO923609016MVA"),
            ("IS", "IS 12345", "IS12345"),
            ("LI", "12345", "LI12345"),
        ];
        for (country, raw, normalised) in cases {
            assert_eq!(vat(country, raw), Ok(normalised.to_string()), "{raw}");
        }
        assert_eq!(vat("CY", "CY102590Z3P"), Err(Format));
        assert_eq!(vat("IE", "IE 069385V8"), Err(Format));
        assert_eq!(vat("NO", "NO 92360901 MVA"), Err(Format));
        assert_eq!(vat("RO", "RO 12345678901"), Err(Format));
    }

    #[test]
    fn estonian_registry_codes() {
        // 10000024: first pass; 10137319 and 10421629: first pass gives 10, second pass 9.
        for code in ["10000024", "10137319", "10421629", "10060701", "70000823", "80026261", "90004740"] {
            assert_eq!(normalize_registry_code("EE", code), Ok(code.to_string()));
        }
        // Both passes give 10, so the check digit is 0 (made up for the rule, not a real code).
        assert_eq!(normalize_registry_code("ee", " 1000 0640 "), Ok("10000640".into()));
        assert_eq!(normalize_registry_code("EE", "10000641"), Err(CheckDigits));
        assert_eq!(normalize_registry_code("EE", "10137318"), Err(CheckDigits));
        assert_eq!(normalize_registry_code("EE", "10421639"), Err(CheckDigits));
        assert_eq!(normalize_registry_code("EE", "20000002"), Err(Format)); // check ok, bad first digit
        assert_eq!(normalize_registry_code("EE", "1013731"), Err(Format));
        assert_eq!(normalize_registry_code("EE", "1013731A"), Err(Format));
        assert_eq!(normalize_registry_code("EE", ""), Err(Required));
        assert_eq!(normalize_registry_code("US", "10137319"), Err(Country));
    }

    #[test]
    fn finnish_business_ids() {
        assert_eq!(normalize_registry_code("FI", "0112038-9"), Ok("0112038-9".into()));
        assert_eq!(normalize_registry_code("FI", "01120389"), Ok("0112038-9".into()));
        assert_eq!(normalize_registry_code("FI", " 1572860-0 "), Ok("1572860-0".into()));
        assert_eq!(normalize_registry_code("FI", "0112039-9"), Err(CheckDigits));
        assert_eq!(normalize_registry_code("FI", "1572860-1"), Err(CheckDigits));
        // Remainder 1 has no check digit.
        assert_eq!(normalize_registry_code("FI", "1000008-0"), Err(CheckDigits));
        assert_eq!(normalize_registry_code("FI", "011203-89"), Err(Format));
        assert_eq!(normalize_registry_code("FI", "0112038-X"), Err(Format));
    }

    #[test]
    fn other_registry_codes() {
        assert_eq!(normalize_registry_code("LV", "4000 3521 600"), Ok("40003521600".into()));
        assert_eq!(normalize_registry_code("LV", "4000352160"), Err(Format));
        assert_eq!(normalize_registry_code("LT", "119511515"), Ok("119511515".into()));
        assert_eq!(normalize_registry_code("LT", "11951151A"), Err(Format));
        assert_eq!(normalize_registry_code("PL", "0000019193"), Ok("0000019193".into()));
        assert_eq!(normalize_registry_code("PL", "19193"), Err(Format));
        assert_eq!(normalize_registry_code("DE", "  HRB   12345  B "), Ok("HRB 12345 B".into()));
        assert_eq!(normalize_registry_code("DE", "Amtsgericht München HRB 86786"), Ok("Amtsgericht München HRB 86786".into()));
        assert_eq!(normalize_registry_code("DE", "GnR 7"), Ok("GnR 7".into()));
        assert_eq!(normalize_registry_code("DE", "HRB"), Err(Format));
        assert_eq!(normalize_registry_code("DE", "HRB 1; drop"), Err(Format));
        assert_eq!(normalize_registry_code("LU", "B 123456"), Ok("B 123456".into()));
        assert_eq!(normalize_registry_code("FR", "RCS Paris 552 120 222"), Ok("RCS Paris 552 120 222".into()));
        assert_eq!(normalize_registry_code("CZ", "C 1234/KSBR"), Ok("C 1234/KSBR".into()));
        assert_eq!(normalize_registry_code("FR", "7"), Err(Format));
        assert_eq!(normalize_registry_code("FR", "RCS Paris"), Err(Format));
        assert_eq!(normalize_registry_code("FR", "RCS (Paris) 552"), Err(Format));
        assert_eq!(normalize_registry_code("NL", &"1".repeat(31)), Err(Format));
        assert_eq!(normalize_registry_code("NL", &"1".repeat(30)), Ok("1".repeat(30)));
        assert_eq!(normalize_registry_code("CH", "CHE-116.281.710"), Err(Country));
        assert_eq!(normalize_registry_code("DE", " "), Err(Required));
    }
}
