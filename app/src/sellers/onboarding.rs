//! Becoming a seller: the application a company fills in at `/{lang}/sell`, its rules, and
//! what the applicant and the administrators see of it. Pure code, shared by the server and
//! the browser; the service that stores and decides applications is `sellers::applications`.
//!
//! Only legal entities sell on Turg. An application names the company (registered in the EU
//! or the EEA), its number in the national register, its VAT number when it has one, its
//! address, a contact person, and the account the shop pays into; the applicant certifies that
//! the company is a trader bound by EU law (the self-certification the Digital Services Act
//! art. 30 asks a marketplace to collect). Every field is checked on the server (and the same
//! code could check it in the browser); problems are reported per field, all at once.

use super::company::{self, IdProblem};
use crate::checkout::validate::{self as contact, Problem as ContactProblem};
use crate::i18n::{fill, AreaTexts, Texts};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use sea_orm::sea_query::StringLen;

const COMPANY_MAX: usize = 120;
const STREET_MAX: usize = 120;
const CITY_MAX: usize = 60;
/// The longest message an administrator may send with a decision.
pub const MESSAGE_MAX: usize = 2000;

/// Where an application is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))"))]
pub enum ApplicationStatus {
    /// Waiting for an administrator.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "submitted"))]
    Submitted,
    /// An administrator asked for changes; the applicant edits and submits again.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "changes_requested"))]
    ChangesRequested,
    /// The company is a seller now.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "approved"))]
    Approved,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "rejected"))]
    Rejected,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 4] = [Self::Submitted, Self::ChangesRequested, Self::Approved, Self::Rejected];

    pub fn code(self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::ChangesRequested => "changes_requested",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    /// Whether the applicant may still edit and (re)submit it.
    pub fn editable(self) -> bool {
        matches!(self, Self::Submitted | Self::ChangesRequested)
    }

    pub fn text(self, at: &AreaTexts) -> &'static str {
        match self {
            Self::Submitted => at.apply_status_submitted,
            Self::ChangesRequested => at.apply_status_changes,
            Self::Approved => at.apply_status_approved,
            Self::Rejected => at.apply_status_rejected,
        }
    }
}

/// The application form as the applicant typed it (untrimmed): kept and shown again with the
/// problems, so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub company_name: String,
    /// ISO 3166 alpha-2, e.g. `"EE"`.
    pub country: String,
    pub registry_code: String,
    /// Empty when the company is not registered for VAT.
    pub vat_number: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub iban: String,
    /// The trader self-certification box.
    pub certified: bool,
}

impl ApplicationForm {
    /// The same form with each text cut to `max` characters: what a plain post carries back
    /// in the short-lived cookie (a browser drops a cookie over 4 KB; a longer text is an
    /// error anyway, and the field says so).
    pub fn clamped(&self, max: usize) -> ApplicationForm {
        let c = |s: &String| s.chars().take(max).collect::<String>();
        ApplicationForm {
            company_name: c(&self.company_name),
            country: c(&self.country),
            registry_code: c(&self.registry_code),
            vat_number: c(&self.vat_number),
            street: c(&self.street),
            city: c(&self.city),
            postal_code: c(&self.postal_code),
            contact_name: c(&self.contact_name),
            email: c(&self.email),
            phone: c(&self.phone),
            iban: c(&self.iban),
            certified: self.certified,
        }
    }
}

/// A field of the application form, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    CompanyName,
    Country,
    RegistryCode,
    VatNumber,
    Street,
    City,
    PostalCode,
    ContactName,
    Email,
    Phone,
    Iban,
    Certified,
}

impl Field {
    /// The form input's name.
    pub fn code(self) -> &'static str {
        match self {
            Field::CompanyName => "company_name",
            Field::Country => "country",
            Field::RegistryCode => "registry_code",
            Field::VatNumber => "vat_number",
            Field::Street => "street",
            Field::City => "city",
            Field::PostalCode => "postal_code",
            Field::ContactName => "contact_name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Iban => "iban",
            Field::Certified => "certified",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    ControlCharacters,
    Email,
    Phone,
    PhoneNotEu,
    /// Not a country of the EU or the EEA.
    Country,
    /// A company number, VAT number, IBAN or postal code of the wrong shape for the country.
    Format,
    /// The right shape, but its check digits do not add up (a typo).
    CheckDigits,
    /// The trader self-certification was not given.
    NotCertified,
}

impl From<ContactProblem> for Problem {
    fn from(p: ContactProblem) -> Problem {
        match p {
            ContactProblem::Required => Problem::Required,
            ContactProblem::TooLong { max } => Problem::TooLong { max },
            ContactProblem::Email => Problem::Email,
            ContactProblem::Phone => Problem::Phone,
            ContactProblem::PhoneNotEu => Problem::PhoneNotEu,
            ContactProblem::ControlCharacters => Problem::ControlCharacters,
            ContactProblem::PostalCode | ContactProblem::County => Problem::Format,
        }
    }
}

impl From<IdProblem> for Problem {
    fn from(p: IdProblem) -> Problem {
        match p {
            IdProblem::Required => Problem::Required,
            IdProblem::Country => Problem::Country,
            IdProblem::Format => Problem::Format,
            IdProblem::CheckDigits => Problem::CheckDigits,
        }
    }
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// A valid application, normalised: one-line texts trimmed and collapsed, the company
/// number, VAT number and IBAN in their compact forms, the phone in E.164.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub company_name: String,
    pub country: String,
    pub registry_code: String,
    pub vat_number: Option<String>,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub iban: String,
}

impl Application {
    /// The form as it is shown again for editing.
    pub fn to_form(&self) -> ApplicationForm {
        ApplicationForm {
            company_name: self.company_name.clone(),
            country: self.country.clone(),
            registry_code: self.registry_code.clone(),
            vat_number: self.vat_number.clone().unwrap_or_default(),
            street: self.street.clone(),
            city: self.city.clone(),
            postal_code: self.postal_code.clone(),
            contact_name: self.contact_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            iban: company::format_iban(&self.iban),
            certified: true,
        }
    }
}

/// Checks and normalises a whole form, reporting every problem at once.
pub fn validate(form: &ApplicationForm) -> Result<Application, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |field: Field, result: Result<String, Problem>| -> Option<String> {
        result.map_err(|problem| errors.push(FieldError { field, problem })).ok()
    };
    let company_name = check(Field::CompanyName, company_name(&form.company_name));
    let country = check(Field::Country, country(&form.country));
    // The company's numbers follow its country's rules; without a country, only "required".
    let of_country = |raw: &str, normalize: fn(&str, &str) -> Result<String, IdProblem>| -> Result<String, Problem> {
        match &country {
            Some(c) => normalize(c, raw).map_err(Problem::from),
            None if raw.trim().is_empty() => Err(Problem::Required),
            None => Err(Problem::Country),
        }
    };
    let registry_code = check(Field::RegistryCode, of_country(&form.registry_code, company::normalize_registry_code));
    let vat_number = if form.vat_number.trim().is_empty() {
        Some(None)
    } else {
        check(Field::VatNumber, of_country(&form.vat_number, company::normalize_vat)).map(Some)
    };
    let street = check(Field::Street, contact::line(&form.street, STREET_MAX).map_err(Problem::from));
    let city = check(Field::City, contact::line(&form.city, CITY_MAX).map_err(Problem::from));
    let postal_code = check(Field::PostalCode, postal_code(country.as_deref(), &form.postal_code));
    // A person's name by the checkout's rule (a letter at least; at most 80 characters).
    let contact_name = check(Field::ContactName, contact::name(&form.contact_name).map_err(Problem::from));
    let email = check(Field::Email, contact::normalize_email(&form.email).map_err(Problem::from));
    let phone = check(Field::Phone, contact::normalize_phone(&form.phone).map_err(Problem::from));
    let iban = check(Field::Iban, company::normalize_iban(&form.iban).map_err(Problem::from));
    if !form.certified {
        errors.push(FieldError { field: Field::Certified, problem: Problem::NotCertified });
    }
    match (company_name, country, registry_code, vat_number, street, city, postal_code, contact_name, email, phone, iban) {
        (
            Some(company_name),
            Some(country),
            Some(registry_code),
            Some(vat_number),
            Some(street),
            Some(city),
            Some(postal_code),
            Some(contact_name),
            Some(email),
            Some(phone),
            Some(iban),
        ) if errors.is_empty() => Ok(Application {
            company_name,
            country,
            registry_code,
            vat_number,
            street,
            city,
            postal_code,
            contact_name,
            email,
            phone,
            iban,
        }),
        _ => Err(errors),
    }
}

/// The company's name: a one-line text with at least one letter or digit ("4Life OÜ").
fn company_name(raw: &str) -> Result<String, Problem> {
    let name = contact::line(raw, COMPANY_MAX)?;
    if !name.chars().any(char::is_alphanumeric) {
        return Err(Problem::Required);
    }
    Ok(name)
}

/// An EU or EEA country code, upper-cased.
fn country(raw: &str) -> Result<String, Problem> {
    let code = raw.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Err(Problem::Required);
    }
    if company::is_eu_eea(&code) {
        Ok(code)
    } else {
        Err(Problem::Country)
    }
}

/// Estonia: five digits (the checkout's rule). Elsewhere, postal codes differ too much to
/// check one by one: 3 to 10 letters, digits, spaces and dashes, with at least one digit
/// ("LV-1050", "00-950", "D02 X285"); upper-cased.
fn postal_code(country: Option<&str>, raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.chars().any(contact::is_forbidden) {
        return Err(Problem::ControlCharacters);
    }
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if country == Some("EE") {
        return contact::postal_code(s).map_err(Problem::from);
    }
    let code = s.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_uppercase();
    let ok = (3..=10).contains(&code.chars().count())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && code.chars().any(|c| c.is_ascii_digit());
    if ok {
        Ok(code)
    } else {
        Err(Problem::Format)
    }
}

/// The administrator's words with a decision: required, at most [`MESSAGE_MAX`] characters.
pub fn decision_message(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(Problem::ControlCharacters);
    }
    if s.chars().count() > MESSAGE_MAX {
        return Err(Problem::TooLong { max: MESSAGE_MAX });
    }
    Ok(s.replace("\r\n", "\n"))
}

/// The translated message for a problem.
pub fn message(t: &Texts, at: &AreaTexts, problem: Problem) -> String {
    match problem {
        Problem::Required => t.invalid_required.to_owned(),
        Problem::TooLong { max } => fill(t.invalid_too_long, &[("max", &max.to_string())]),
        Problem::ControlCharacters => t.invalid_control_characters.to_owned(),
        Problem::Email => t.invalid_email.to_owned(),
        Problem::Phone => t.invalid_phone.to_owned(),
        Problem::PhoneNotEu => t.invalid_phone_not_eu.to_owned(),
        Problem::Country => at.apply_invalid_country.to_owned(),
        Problem::Format => at.apply_invalid_format.to_owned(),
        Problem::CheckDigits => at.apply_invalid_check_digits.to_owned(),
        Problem::NotCertified => at.apply_invalid_certified.to_owned(),
    }
}

/// What an administrator decides about an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Approve,
    /// Back to the applicant with a message of what to change.
    AskChanges,
    /// Refused, with the reason.
    Reject,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::AskChanges => "ask_changes",
            Decision::Reject => "reject",
        }
    }

    pub fn from_code(code: &str) -> Option<Decision> {
        [Decision::Approve, Decision::AskChanges, Decision::Reject].into_iter().find(|d| d.code() == code)
    }

    /// Whether it may be taken on an application in `status`: approving and asking for changes
    /// need a submitted application (an edited one, after changes were asked for); rejecting
    /// any that is still open.
    pub fn allowed_from(self, status: ApplicationStatus) -> bool {
        match self {
            Decision::Approve | Decision::AskChanges => status == ApplicationStatus::Submitted,
            Decision::Reject => status.editable(),
        }
    }

    /// Whether the administrator must say why (the applicant reads it).
    pub fn needs_message(self) -> bool {
        !matches!(self, Decision::Approve)
    }
}

/// The applicant's application as `/{lang}/sell` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub status: ApplicationStatus,
    /// As stored, for editing.
    pub form: ApplicationForm,
    /// The administrator's words (what to change, why it was rejected).
    pub message: Option<String>,
    #[serde(with = "crate::wire::instant")]
    pub submitted_at: chrono::DateTime<chrono::Utc>,
}

/// What a post of the application form answered: the problems and what was typed, or saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyAnswer {
    pub errors: Vec<FieldError>,
    pub typed: ApplicationForm,
    pub saved: bool,
    /// The application can no longer be edited (decided meanwhile).
    pub closed: bool,
}

impl ApplyAnswer {
    pub fn error(&self, field: Field) -> Option<Problem> {
        self.errors.iter().find(|e| e.field == field).map(|e| e.problem)
    }
}

/// `/{lang}/sell`: who asks and their application, and what a plain post left.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellPage {
    pub signed_in: bool,
    pub application: Option<ApplicationView>,
    /// The seller this account acts for, when it is a member of one (slug, name).
    pub member_of: Option<(String, String)>,
    pub answer: Option<ApplyAnswer>,
}

/// An application as administrators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i32,
    pub status: ApplicationStatus,
    pub form: ApplicationForm,
    pub applicant_email: String,
    pub message: Option<String>,
    #[serde(with = "crate::wire::instant")]
    pub submitted_at: chrono::DateTime<chrono::Utc>,
    /// The seller made from it, once approved (slug).
    pub seller_slug: Option<String>,
}

/// What the administrators' decision form answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideAnswer {
    pub application_id: i32,
    /// The message is missing or too long.
    pub problem: Option<Problem>,
    /// The application was decided by someone else meanwhile (or is not there).
    pub stale: bool,
    pub done: Option<Decision>,
}

/// The administrators' page of applications.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationsPage {
    /// Open ones first (oldest first), then the 20 latest decided.
    pub applications: Vec<ApplicationRow>,
    pub answer: Option<DecideAnswer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ApplicationForm {
        ApplicationForm {
            company_name: "  Näidis   Kaubandus OÜ ".into(),
            country: "ee".into(),
            registry_code: "10137319".into(),
            vat_number: "EE 100 247 019".into(),
            street: "Pikk 1".into(),
            city: "Tallinn".into(),
            postal_code: "10123".into(),
            contact_name: "Mari Maasikas".into(),
            email: "mari@naidis.ee".into(),
            phone: "5123 4567".into(),
            iban: "ee38 2200 2210 2014 5685".into(),
            certified: true,
        }
    }

    fn problems(f: &ApplicationForm) -> Vec<(Field, Problem)> {
        validate(f).err().unwrap_or_default().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_valid_form_is_normalised() {
        let a = validate(&form()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a.company_name, "Näidis Kaubandus OÜ");
        assert_eq!(a.country, "EE");
        assert_eq!(a.vat_number.as_deref(), Some("EE100247019"));
        assert_eq!(a.iban, "EE382200221020145685");
        assert_eq!(a.phone, "+37251234567");
        assert_eq!(a.to_form().iban, "EE38 2200 2210 2014 5685");
        // Editing the stored form again validates to the same application.
        assert_eq!(validate(&a.to_form()), Ok(a));
    }

    #[test]
    fn vat_number_is_optional() {
        let a = validate(&ApplicationForm { vat_number: "  ".into(), ..form() }).unwrap();
        assert_eq!(a.vat_number, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ApplicationForm {
            company_name: " ".into(),
            country: "ee".into(),
            registry_code: "10137318".into(),
            vat_number: "EE100247018".into(),
            street: "".into(),
            city: "Tallinn".into(),
            postal_code: "1012".into(),
            contact_name: "123".into(),
            email: "mari@".into(),
            phone: "+1 212 555 0100".into(),
            iban: "EE38 2200 2210 2014 5686".into(),
            certified: false,
        };
        assert_eq!(
            problems(&bad),
            vec![
                (Field::CompanyName, Problem::Required),
                (Field::RegistryCode, Problem::CheckDigits),
                (Field::VatNumber, Problem::CheckDigits),
                (Field::Street, Problem::Required),
                (Field::PostalCode, Problem::Format),
                (Field::ContactName, Problem::Required),
                (Field::Email, Problem::Email),
                (Field::Phone, Problem::PhoneNotEu),
                (Field::Iban, Problem::CheckDigits),
                (Field::Certified, Problem::NotCertified),
            ]
        );
    }

    #[test]
    fn only_eu_and_eea_companies() {
        assert_eq!(problems(&ApplicationForm { country: "GB".into(), ..form() })[0], (Field::Country, Problem::Country));
        // Without a valid country the numbers cannot be judged: they are not called wrong.
        let p = problems(&ApplicationForm { country: "US".into(), ..form() });
        assert!(p.contains(&(Field::RegistryCode, Problem::Country)), "{p:?}");
        assert_eq!(problems(&ApplicationForm { country: "".into(), registry_code: "".into(), ..form() })[..2], [
            (Field::Country, Problem::Required),
            (Field::RegistryCode, Problem::Required)
        ]);
    }

    #[test]
    fn foreign_postal_codes_by_the_loose_rule() {
        let latvian = ApplicationForm {
            country: "LV".into(),
            registry_code: "40003032065".into(),
            vat_number: "".into(),
            postal_code: "lv-1050".into(),
            ..form()
        };
        assert_eq!(validate(&latvian).map(|a| a.postal_code), Ok("LV-1050".into()));
        for bad in ["AB", "LV_1050", "ABCDE", "12345678901"] {
            let f = ApplicationForm { postal_code: bad.into(), ..latvian.clone() };
            assert_eq!(problems(&f), vec![(Field::PostalCode, Problem::Format)], "{bad}");
        }
    }

    #[test]
    fn hostile_text_is_refused_not_stored() {
        let f = ApplicationForm { company_name: "Evil\u{202E}Corp".into(), street: "a\u{0}b".into(), ..form() };
        assert_eq!(
            problems(&f),
            vec![(Field::CompanyName, Problem::ControlCharacters), (Field::Street, Problem::ControlCharacters)]
        );
        // Markup is text like any other: stored as typed, escaped where it is shown.
        assert!(validate(&ApplicationForm { company_name: "<b>Best</b> OÜ".into(), ..form() }).is_ok());
    }

    #[test]
    fn decisions_follow_the_status() {
        use ApplicationStatus::*;
        assert!(Decision::Approve.allowed_from(Submitted));
        assert!(!Decision::Approve.allowed_from(ChangesRequested), "approve what the applicant has not fixed yet");
        assert!(Decision::Reject.allowed_from(ChangesRequested));
        for d in [Decision::Approve, Decision::AskChanges, Decision::Reject] {
            assert!(!d.allowed_from(Approved) && !d.allowed_from(Rejected), "{d:?}");
            assert_eq!(Decision::from_code(d.code()), Some(d));
        }
        assert_eq!(decision_message("  "), Err(Problem::Required));
        assert_eq!(decision_message(&"x".repeat(MESSAGE_MAX + 1)), Err(Problem::TooLong { max: MESSAGE_MAX }));
        assert_eq!(decision_message(" Please add\r\nthe VAT number "), Ok("Please add\nthe VAT number".into()));
    }

    #[test]
    fn the_flash_copy_is_short() {
        let long = ApplicationForm { company_name: "ä".repeat(5000), ..form() };
        assert_eq!(long.clamped(300).company_name.chars().count(), 300);
        assert_eq!(long.clamped(300).iban, form().iban);
    }
}
