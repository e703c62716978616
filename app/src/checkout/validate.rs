//! Checkout contact and address validation: the checkout form as the shopper typed it, checked
//! and normalised into a [`Contact`]. Pure code (no I/O), shared by the server and the browser.
//!
//! Every field is trimmed; name, street and city also have inner whitespace collapsed to one
//! space. Phone numbers become E.164 (`+37251234567`) and must be from Estonia or another EU
//! country. Problems are reported per field, all at once, so the form can show them together.

use serde::{Deserialize, Serialize};

use crate::delivery::County;
use crate::i18n::{fill, Texts};

const NAME_MAX: usize = 80;
const EMAIL_MAX: usize = 254;
const EMAIL_LOCAL_MAX: usize = 64;
const DOMAIN_LABEL_MAX: usize = 63;
const STREET_MAX: usize = 120;
const CITY_MAX: usize = 60;
const COMMENT_MAX: usize = 300;
/// E.164 allows at most 15 digits after the `+`.
const E164_MAX_DIGITS: usize = 15;
/// Shorter "international" numbers than this are typos, not phone numbers.
const E164_MIN_DIGITS: usize = 7;
const ESTONIA: &str = "372";
/// Calling codes of the EU member states other than Estonia (no code is a prefix of another).
const EU_CALLING_CODES: [&str; 26] = [
    "30", "31", "32", "33", "34", "351", "352", "353", "356", "357", "358", "359", "36", "370", "371", "385", "386",
    "39", "40", "420", "421", "43", "45", "46", "48", "49",
];
/// Italy keeps the leading 0 of landline numbers in international format.
const ITALY: &str = "39";

/// What the shopper typed, as typed (all strings, untrimmed); kept and shown again on errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    /// A [`County::code`], e.g. `"ida-viru"`.
    pub county: String,
    pub comment: String,
    pub paper_invoice: bool,
}

/// A field of the checkout form, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Email,
    Phone,
    Street,
    City,
    PostalCode,
    County,
    Comment,
}

impl Field {
    /// The form input's name (also the serde name): `"name"`, …, `"postal_code"`.
    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Street => "street",
            Field::City => "city",
            Field::PostalCode => "postal_code",
            Field::County => "county",
            Field::Comment => "comment",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Empty (or, for the name, without a single letter).
    Required,
    /// Longer than `max` characters after trimming.
    TooLong { max: usize },
    /// Not a usable email address.
    Email,
    /// Not a phone number.
    Phone,
    /// A phone number, but not from an EU country.
    PhoneNotEu,
    /// Not an Estonian postal code (five digits).
    PostalCode,
    /// Not one of the 15 county codes.
    County,
    /// Contains control characters (or invisible text-direction overrides).
    ControlCharacters,
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The validated, normalised contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    /// The domain is lower-cased; the local part is kept as typed.
    pub email: String,
    /// E.164, e.g. `"+37251234567"`.
    pub phone: String,
    pub street: String,
    pub city: String,
    /// Five digits, e.g. `"10115"`.
    pub postal_code: String,
    pub county: County,
    /// `None` when the shopper left it empty; keeps line breaks.
    pub comment: Option<String>,
    pub paper_invoice: bool,
}

/// Checks the whole form. On failure returns every problem, in field order, at most one per field.
pub fn validate(form: &ContactForm) -> Result<Contact, Vec<FieldError>> {
    validate_contact(form, true)
}

/// Checks the form; without `needs_address` (an order with nothing to deliver now: all goods
/// into the pantry) the address fields are not asked for, and are left empty (the county as
/// given if it is one, else the default).
pub fn validate_contact(form: &ContactForm, needs_address: bool) -> Result<Contact, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = check(&mut errors, Field::Name, name(&form.name));
    let email = check(&mut errors, Field::Email, normalize_email(&form.email));
    let phone = check(&mut errors, Field::Phone, normalize_phone(&form.phone));
    let (street, city, postal_code, county) = if needs_address {
        (
            check(&mut errors, Field::Street, line(&form.street, STREET_MAX)),
            check(&mut errors, Field::City, line(&form.city, CITY_MAX)),
            check(&mut errors, Field::PostalCode, postal_code(&form.postal_code)),
            check(&mut errors, Field::County, county(&form.county)),
        )
    } else {
        (Some(String::new()), Some(String::new()), Some(String::new()), Some(county(&form.county).unwrap_or(County::DEFAULT)))
    };
    let comment = check(&mut errors, Field::Comment, comment(&form.comment));
    match (name, email, phone, street, city, postal_code, county, comment) {
        (
            Some(name),
            Some(email),
            Some(phone),
            Some(street),
            Some(city),
            Some(postal_code),
            Some(county),
            Some(comment),
        ) => Ok(Contact {
            name,
            email,
            phone,
            street,
            city,
            postal_code,
            county,
            comment,
            paper_invoice: form.paper_invoice,
        }),
        _ => Err(errors),
    }
}

/// A delivery address on its own (an account's saved address): street, city, postal code and
/// county, checked as the checkout checks them.
pub fn validate_address(street: &str, city: &str, postal: &str, county_code: &str) -> Result<(String, String, String, County), Vec<FieldError>> {
    let mut errors = Vec::new();
    let street = check(&mut errors, Field::Street, line(street, STREET_MAX));
    let city = check(&mut errors, Field::City, line(city, CITY_MAX));
    let postal = check(&mut errors, Field::PostalCode, postal_code(postal));
    let county = check(&mut errors, Field::County, county(county_code));
    match (street, city, postal, county) {
        (Some(street), Some(city), Some(postal), Some(county)) => Ok((street, city, postal, county)),
        _ => Err(errors),
    }
}

/// A phone number in E.164 (`"+37251234567"`).
///
/// Accepts spaces, hyphens, dots, parentheses, `00` for `+` and a `(0)` trunk prefix after the
/// country code. Without a country code, 7–8 digits starting with 3–8 are taken as Estonian.
pub fn normalize_phone(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.chars().any(is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Err(Problem::Required);
    }
    // The `+` may follow an opening parenthesis: "(+372) 612 3456".
    let lead = s.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
    let (plus, rest) = match lead.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let digits = phone_digits(rest)?;
    if plus {
        return international(&phone_digits(&rest.replacen("(0)", "", 1))?);
    }
    if let Some(after_00) = digits.strip_prefix("00") {
        let without_trunk = phone_digits(&rest.replacen("(0)", "", 1))?;
        return international(without_trunk.strip_prefix("00").unwrap_or(after_00));
    }
    domestic(&digits)
}

/// An email address with the domain lower-cased (the local part is kept as typed).
///
/// A pragmatic check, not RFC 5322: one `@`, a local part of at most 64 characters without
/// spaces, and a domain of dot-separated labels (letters, including non-ASCII, digits, hyphens)
/// ending in a top-level domain of at least two letters.
pub fn normalize_email(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.chars().any(is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().count() > EMAIL_MAX {
        return Err(Problem::TooLong { max: EMAIL_MAX });
    }
    let (local, domain) = s.split_once('@').ok_or(Problem::Email)?;
    let domain = domain.to_lowercase();
    if domain.contains('@') || !valid_local_part(local) || !valid_domain(&domain) {
        return Err(Problem::Email);
    }
    Ok(format!("{local}@{domain}"))
}

/// The translated message for a problem (`{max}` filled in).
pub fn message(t: &Texts, problem: Problem) -> String {
    match problem {
        Problem::Required => t.invalid_required.to_owned(),
        Problem::TooLong { max } => fill(t.invalid_too_long, &[("max", &max.to_string())]),
        Problem::Email => t.invalid_email.to_owned(),
        Problem::Phone => t.invalid_phone.to_owned(),
        Problem::PhoneNotEu => t.invalid_phone_not_eu.to_owned(),
        Problem::PostalCode => t.invalid_postal_code.to_owned(),
        Problem::County => t.invalid_county.to_owned(),
        Problem::ControlCharacters => t.invalid_control_characters.to_owned(),
    }
}

fn check<T>(errors: &mut Vec<FieldError>, field: Field, result: Result<T, Problem>) -> Option<T> {
    result.map_err(|problem| errors.push(FieldError { field, problem })).ok()
}

/// Control characters, and the invisible bidi embeddings/overrides/isolates that can make text
/// display differently from what it is.
pub(crate) fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A text of several lines (a description, a message): trimmed, `\r\n` read as `\n`, at most
/// `max` characters, line breaks allowed but no other control characters or bidi overrides.
/// Empty is allowed: whether a text is required is the caller's rule.
pub(crate) fn lines(raw: &str, max: usize) -> Result<String, Problem> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    if text.chars().any(|c| c != '\n' && is_forbidden(c)) {
        return Err(Problem::ControlCharacters);
    }
    Ok(text)
}

/// A required one-line text: trimmed, inner whitespace collapsed, at most `max` characters.
pub(crate) fn line(raw: &str, max: usize) -> Result<String, Problem> {
    let s = raw.trim();
    if s.chars().any(is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return Err(Problem::Required);
    }
    if collapsed.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(collapsed)
}

pub(crate) fn name(raw: &str) -> Result<String, Problem> {
    let name = line(raw, NAME_MAX)?;
    if !name.chars().any(char::is_alphabetic) {
        return Err(Problem::Required);
    }
    Ok(name)
}

fn valid_local_part(local: &str) -> bool {
    let len = local.chars().count();
    (1..=EMAIL_LOCAL_MAX).contains(&len)
        && !local.chars().any(|c| c.is_whitespace() || "\"(),:;<>[\\]".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

/// `domain` is already lower-cased.
fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    let tld_ok = (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
        || (tld.starts_with("xn--") && tld.len() > 4);
    labels.len() >= 2 && labels.iter().all(|label| valid_label(label)) && tld_ok
}

fn valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.chars().count() <= DOMAIN_LABEL_MAX
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// The digits of a phone number written with the usual separators; anything else is garbage.
fn phone_digits(s: &str) -> Result<String, Problem> {
    let mut digits = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | '.' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            _ => return Err(Problem::Phone),
        }
    }
    Ok(digits)
}

/// A number typed without `+` or `00`.
fn domestic(digits: &str) -> Result<String, Problem> {
    if (7..=8).contains(&digits.len()) && digits.starts_with(['3', '4', '5', '6', '7', '8']) {
        return Ok(format!("+{ESTONIA}{digits}"));
    }
    // "372 5123 4567": the Estonian country code without the plus.
    if (10..=11).contains(&digits.len()) && digits.starts_with(ESTONIA) {
        return international(digits);
    }
    Err(Problem::Phone)
}

/// `digits`: everything after the `+` (or `00`).
fn international(digits: &str) -> Result<String, Problem> {
    if digits.starts_with('0') || !(E164_MIN_DIGITS..=E164_MAX_DIGITS).contains(&digits.len()) {
        return Err(Problem::Phone);
    }
    if let Some(national) = digits.strip_prefix(ESTONIA) {
        let ok = (7..=8).contains(&national.len()) && national.starts_with(['3', '4', '5', '6', '7', '8']);
        return if ok { Ok(format!("+{digits}")) } else { Err(Problem::Phone) };
    }
    let Some(code) = EU_CALLING_CODES.iter().find(|code| digits.starts_with(**code)) else {
        return Err(Problem::PhoneNotEu);
    };
    let national = &digits[code.len()..];
    let ok = (6..=12).contains(&national.len()) && (!national.starts_with('0') || *code == ITALY);
    if ok {
        Ok(format!("+{digits}"))
    } else {
        Err(Problem::Phone)
    }
}

/// Five digits; an `EE`/`EE-` prefix is accepted and dropped. Estonian codes never start with 0.
pub(crate) fn postal_code(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.chars().any(is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let upper = s.to_ascii_uppercase();
    let code = match upper.strip_prefix("EE") {
        Some(rest) => rest.strip_prefix(['-', ' ']).unwrap_or(rest),
        None => &upper,
    };
    let ok = code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) && !code.starts_with('0');
    if ok {
        Ok(code.to_owned())
    } else {
        Err(Problem::PostalCode)
    }
}

fn county(raw: &str) -> Result<County, Problem> {
    let s = raw.trim();
    if s.chars().any(is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Err(Problem::Required);
    }
    County::from_code(&s.to_ascii_lowercase()).ok_or(Problem::County)
}

/// Optional free text: trimmed, line breaks and tabs kept (CR LF from browsers becomes LF).
fn comment(raw: &str) -> Result<Option<String>, Problem> {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let s = unified.trim();
    if s.chars().any(|c| c != '\n' && c != '\t' && is_forbidden(c)) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > COMMENT_MAX {
        return Err(Problem::TooLong { max: COMMENT_MAX });
    }
    Ok(Some(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ET, RU};

    type Clear = fn(&mut ContactForm);
    type Set = fn(&mut ContactForm, String);

    fn form() -> ContactForm {
        ContactForm {
            name: "  Mari   Maasikas ".into(),
            email: " Mari.Maasikas@Example.EE ".into(),
            phone: "5123 4567".into(),
            street: " Pikk  tn 12-3 ".into(),
            city: "Tallinn".into(),
            postal_code: "10115".into(),
            county: "harju".into(),
            comment: "".into(),
            paper_invoice: true,
        }
    }

    fn errors(form: &ContactForm) -> Vec<FieldError> {
        validate(form).expect_err("the form should be rejected")
    }

    /// A valid-looking address of exactly `n` (> 64) characters: 60-char local part, short labels.
    fn email_of_len(n: usize) -> String {
        let fill = n - 64;
        let body: String = (0..fill).map(|i| if i % 10 == 9 && i + 1 != fill { '.' } else { 'd' }).collect();
        format!("{}@{body}.ee", "l".repeat(60))
    }

    fn only(field: Field, problem: Problem) -> Vec<FieldError> {
        vec![FieldError { field, problem }]
    }

    #[test]
    fn valid_form_is_normalised() {
        let contact = validate(&form()).expect("valid form");
        assert_eq!(
            contact,
            Contact {
                name: "Mari Maasikas".into(),
                email: "Mari.Maasikas@example.ee".into(),
                phone: "+37251234567".into(),
                street: "Pikk tn 12-3".into(),
                city: "Tallinn".into(),
                postal_code: "10115".into(),
                county: County::Harju,
                comment: None,
                paper_invoice: true,
            }
        );
    }

    #[test]
    fn each_required_field_missing_is_reported_alone() {
        let setters: [(Field, Clear); 7] = [
            (Field::Name, |f| f.name.clear()),
            (Field::Email, |f| f.email.clear()),
            (Field::Phone, |f| f.phone.clear()),
            (Field::Street, |f| f.street.clear()),
            (Field::City, |f| f.city.clear()),
            (Field::PostalCode, |f| f.postal_code.clear()),
            (Field::County, |f| f.county.clear()),
        ];
        for (field, clear) in setters {
            let mut f = form();
            clear(&mut f);
            assert_eq!(errors(&f), only(field, Problem::Required), "{field:?}");
        }
    }

    #[test]
    fn whitespace_only_is_missing() {
        let mut f = form();
        f.name = " \t ".into();
        f.city = "\u{a0}\u{a0}".into();
        f.county = "  ".into();
        assert_eq!(
            errors(&f),
            vec![
                FieldError { field: Field::Name, problem: Problem::Required },
                FieldError { field: Field::City, problem: Problem::Required },
                FieldError { field: Field::County, problem: Problem::Required },
            ]
        );
    }

    #[test]
    fn name_needs_a_letter() {
        let mut f = form();
        f.name = "123 -".into();
        assert_eq!(errors(&f), only(Field::Name, Problem::Required));
        f.name = "Ülle Õun-Žukova".into();
        assert_eq!(validate(&f).map(|c| c.name), Ok("Ülle Õun-Žukova".to_owned()));
    }

    #[test]
    fn too_long_reports_the_max_and_the_max_itself_passes() {
        let cases: [(Field, usize, Set); 5] = [
            (Field::Name, 80, |f, s| f.name = s),
            (Field::Email, 254, |f, s| f.email = email_of_len(s.chars().count())),
            (Field::Street, 120, |f, s| f.street = s),
            (Field::City, 60, |f, s| f.city = s),
            (Field::Comment, 300, |f, s| f.comment = s),
        ];
        for (field, max, set) in cases {
            let mut f = form();
            set(&mut f, "ä".repeat(max));
            assert!(validate(&f).is_ok(), "{field:?} of exactly {max} chars");
            set(&mut f, "ä".repeat(max + 1));
            assert_eq!(errors(&f), only(field, Problem::TooLong { max }), "{field:?}");
        }
    }

    #[test]
    fn length_counts_after_trimming_and_collapsing() {
        let mut f = form();
        f.name = format!("  {}    {}  ", "a".repeat(39), "b".repeat(40));
        assert_eq!(validate(&f).map(|c| c.name.chars().count()), Ok(80));
    }

    #[test]
    fn good_emails() {
        assert_eq!(normalize_email("mari@example.ee"), Ok("mari@example.ee".into()));
        assert_eq!(normalize_email("  Mari.Tamm+shop@Mail.Example.EE "), Ok("Mari.Tamm+shop@mail.example.ee".into()));
        assert_eq!(normalize_email("ülle@näide.ee"), Ok("ülle@näide.ee".into()));
        assert_eq!(normalize_email("ülle@NÄIDE.EE"), Ok("ülle@näide.ee".into()));
        assert_eq!(normalize_email("ivan@пример.рф"), Ok("ivan@пример.рф".into()));
        assert_eq!(normalize_email("a_b@my-shop.co.uk"), Ok("a_b@my-shop.co.uk".into()));
        assert_eq!(normalize_email("x@example.xn--p1ai"), Ok("x@example.xn--p1ai".into()));
        let local = "l".repeat(64);
        assert_eq!(normalize_email(&format!("{local}@example.ee")), Ok(format!("{local}@example.ee")));
    }

    #[test]
    fn bad_emails() {
        for bad in [
            "a@b",
            "a b@c.ee",
            "mari",
            "mari@@example.ee",
            "mari@tamm@example.ee",
            "@example.ee",
            "mari@",
            "mari@.ee",
            "mari@example..ee",
            "mari@example.ee.",
            "mari@example.e",
            "mari@example.e3",
            "mari@-example.ee",
            "mari@example-.ee",
            "mari@exa_mple.ee",
            "mari@exa mple.ee",
            ".mari@example.ee",
            "mari.@example.ee",
            "ma..ri@example.ee",
            "<mari>@example.ee",
            "mari,tamm@example.ee",
        ] {
            assert_eq!(normalize_email(bad), Err(Problem::Email), "{bad}");
        }
        assert_eq!(normalize_email(&format!("{}@example.ee", "l".repeat(65))), Err(Problem::Email));
        assert_eq!(normalize_email("   "), Err(Problem::Required));
        assert_eq!(normalize_email("mari@exam\u{0}ple.ee"), Err(Problem::ControlCharacters));
    }

    #[test]
    fn estonian_phones() {
        for (raw, want) in [
            ("+372 5123 4567", "+37251234567"),
            ("5123 4567", "+37251234567"),
            ("0037251234567", "+37251234567"),
            ("00 372 5123-4567", "+37251234567"),
            ("6 123 456", "+3726123456"),
            ("(+372) 612.3456", "+3726123456"),
            ("372 5123 4567", "+37251234567"),
            ("+372 (0) 5123 4567", "+37251234567"),
            ("8123 4567", "+37281234567"),
        ] {
            assert_eq!(normalize_phone(raw), Ok(want.to_owned()), "{raw}");
        }
        for bad in ["+372 123 456", "+372 5123 45678", "+372 0123 4567", "2123456", "51234", "512345678"] {
            assert_eq!(normalize_phone(bad), Err(Problem::Phone), "{bad}");
        }
    }

    #[test]
    fn other_eu_phones() {
        for (raw, want) in [
            ("+358 40 1234567", "+358401234567"),
            ("+48 123 456 789", "+48123456789"),
            ("0049 (0)30 1234567", "+49301234567"),
            ("+49 (0)30 1234567", "+49301234567"),
            ("+371 2123 4567", "+37121234567"),
            ("+39 06 1234 5678", "+390612345678"),
            ("+353 (87) 123-4567", "+353871234567"),
        ] {
            assert_eq!(normalize_phone(raw), Ok(want.to_owned()), "{raw}");
        }
        // National part too short, too long, or with a trunk 0 outside Italy.
        for bad in ["+358 12345", "+49 1234 5678 9012 3", "+49 030 1234567"] {
            assert_eq!(normalize_phone(bad), Err(Problem::Phone), "{bad}");
        }
    }

    #[test]
    fn non_eu_phones() {
        for raw in ["+1 212 555 0100", "+44 20 7946 0958", "0047 912 34 567", "+7 912 345 67 89"] {
            assert_eq!(normalize_phone(raw), Err(Problem::PhoneNotEu), "{raw}");
        }
    }

    #[test]
    fn garbage_phones() {
        for raw in ["12", "abc", "+", "++372 5123 4567", "5123 4567 ext 2", "+0 123 4567", "+1 212", "5123/4567"] {
            assert_eq!(normalize_phone(raw), Err(Problem::Phone), "{raw}");
        }
        assert_eq!(normalize_phone(" "), Err(Problem::Required));
        assert_eq!(normalize_phone("5123\u{7}4567"), Err(Problem::ControlCharacters));
    }

    #[test]
    fn postal_codes() {
        for (raw, want) in [(" 10115 ", "10115"), ("EE-10115", "10115"), ("ee10115", "10115"), ("EE 51014", "51014")] {
            assert_eq!(postal_code(raw), Ok(want.to_owned()), "{raw}");
        }
        for bad in ["1011", "101155", "1O115", "01234", "10 115", "EE--10115", "FI-00100", "１０１１５"] {
            assert_eq!(postal_code(bad), Err(Problem::PostalCode), "{bad}");
        }
        let mut f = form();
        f.postal_code = "EE-51014".into();
        assert_eq!(validate(&f).map(|c| c.postal_code), Ok("51014".to_owned()));
    }

    #[test]
    fn counties() {
        let mut f = form();
        f.county = "ida-viru".into();
        assert_eq!(validate(&f).map(|c| c.county), Ok(County::IdaViru));
        f.county = " Laane-Viru ".into();
        assert_eq!(validate(&f).map(|c| c.county), Ok(County::LaaneViru));
        for bad in ["harjumaa", "ida viru", "Tallinn", "ida_viru"] {
            f.county = bad.into();
            assert_eq!(errors(&f), only(Field::County, Problem::County), "{bad}");
        }
    }

    #[test]
    fn several_errors_come_together_in_field_order() {
        let f = ContactForm {
            name: "Mari".into(),
            email: "a@b".into(),
            phone: "+1 212 555 0100".into(),
            street: "".into(),
            city: "Tartu".into(),
            postal_code: "123".into(),
            county: "lapland".into(),
            comment: "x".repeat(301),
            paper_invoice: false,
        };
        assert_eq!(
            errors(&f),
            vec![
                FieldError { field: Field::Email, problem: Problem::Email },
                FieldError { field: Field::Phone, problem: Problem::PhoneNotEu },
                FieldError { field: Field::Street, problem: Problem::Required },
                FieldError { field: Field::PostalCode, problem: Problem::PostalCode },
                FieldError { field: Field::County, problem: Problem::County },
                FieldError { field: Field::Comment, problem: Problem::TooLong { max: 300 } },
            ]
        );
        assert_eq!(errors(&ContactForm::default()).len(), 7, "all required fields, no comment error");
    }

    #[test]
    fn comment_keeps_newlines_and_tabs() {
        let mut f = form();
        f.comment = "\n  Uksekood 1234\r\n\tkorter 5  \n".into();
        assert_eq!(validate(&f).map(|c| c.comment), Ok(Some("Uksekood 1234\n\tkorter 5".to_owned())));
        f.comment = " \r\n ".into();
        assert_eq!(validate(&f).map(|c| c.comment), Ok(None));
    }

    #[test]
    fn control_characters_are_rejected() {
        let mut f = form();
        f.comment = "helista\u{0}".into();
        assert_eq!(errors(&f), only(Field::Comment, Problem::ControlCharacters));
        f.comment = "\u{1b}[31m punane".into();
        assert_eq!(errors(&f), only(Field::Comment, Problem::ControlCharacters));
        let mut f = form();
        f.name = "Mari\nMaasikas".into();
        f.street = "Pikk\ttn 12".into();
        f.city = "Tall\u{202E}nnil".into();
        assert_eq!(
            errors(&f),
            vec![
                FieldError { field: Field::Name, problem: Problem::ControlCharacters },
                FieldError { field: Field::Street, problem: Problem::ControlCharacters },
                FieldError { field: Field::City, problem: Problem::ControlCharacters },
            ]
        );
    }

    #[test]
    fn inner_whitespace_collapses() {
        let mut f = form();
        f.name = " Mari \u{a0}  Maasikas ".into();
        f.street = "Pikk   tn   12".into();
        f.city = "  Kohtla -   Järve ".into();
        let c = validate(&f).expect("valid");
        assert_eq!(
            (c.name.as_str(), c.street.as_str(), c.city.as_str()),
            ("Mari Maasikas", "Pikk tn 12", "Kohtla - Järve")
        );
    }

    #[test]
    fn field_codes_are_the_serde_names() {
        use Field::*;
        for field in [Name, Email, Phone, Street, City, PostalCode, County, Comment] {
            assert_eq!(serde_json::to_string(&field).ok(), Some(format!("\"{}\"", field.code())));
        }
    }

    #[test]
    fn messages_are_translated_and_filled() {
        assert_eq!(message(&EN, Problem::Required), EN.invalid_required);
        let long = message(&ET, Problem::TooLong { max: 80 });
        assert!(long.contains("80") && !long.contains('{'), "{long}");
        let all = [
            Problem::Required,
            Problem::TooLong { max: 254 },
            Problem::Email,
            Problem::Phone,
            Problem::PhoneNotEu,
            Problem::PostalCode,
            Problem::County,
            Problem::ControlCharacters,
        ];
        for t in [&ET, &EN, &RU] {
            let texts: Vec<String> = all.iter().map(|p| message(t, *p)).collect();
            for (i, text) in texts.iter().enumerate() {
                assert!(!text.is_empty() && !text.contains('{'), "{text}");
                assert!(!texts[..i].contains(text), "two problems share a message: {text}");
            }
        }
        assert_ne!(message(&ET, Problem::Email), message(&RU, Problem::Email));
    }

    #[test]
    fn a_pantry_only_order_needs_no_address() {
        let form = ContactForm {
            name: "Mari Maasikas".into(),
            email: "mari@example.ee".into(),
            phone: "5123 4567".into(),
            street: String::new(),
            city: String::new(),
            postal_code: "x".into(),
            county: String::new(),
            comment: String::new(),
            paper_invoice: false,
        };
        let fields: Vec<Field> = validate(&form).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Street, Field::City, Field::PostalCode, Field::County]);
        let c = validate_contact(&form, false).expect("no address asked for");
        assert_eq!((c.street.as_str(), c.postal_code.as_str(), c.county), ("", "", County::DEFAULT));
        assert_eq!(c.phone, "+37251234567");
        let bad = ContactForm { email: "nope".into(), ..form };
        assert!(validate_contact(&bad, false).is_err(), "the contact is still checked");
    }
}
