//! What a seller tells buyers on its public profile, edited in the seller area
//! (`/{lang}/seller/profile`): the description and the payment terms in Estonian, English and
//! Russian (buyers read their language, else English, else any), the public e-mail and phone,
//! and the logo (an uploaded PNG, JPEG or WebP, resized and stored by the server, see
//! `profile_service`). The company's legal details come from its application and change only
//! through the shop. The rules are here (pure); the server functions are thin adapters.

use crate::checkout::validate::{lines, normalize_email, normalize_phone, Problem};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const ABOUT_MAX: usize = 2000;
pub const TERMS_MAX: usize = 1000;
/// The longest side of a stored logo, in pixels.
pub const LOGO_SIDE: u32 = 256;
/// The largest image accepted for a logo (before it is resized).
pub const LOGO_UPLOAD_MAX_BYTES: usize = 5 * 1024 * 1024;
/// The largest side of an uploaded image the server decodes (a bigger one is refused before
/// its pixels are read).
pub const LOGO_DECODE_MAX_SIDE: u32 = 6000;

/// The profile form as typed (kept and shown again with its problems).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    /// Per language, in [`Lang::ALL`]'s order.
    pub about: [String; 3],
    pub terms: [String; 3],
    pub email: String,
    pub phone: String,
}

/// A field of the profile form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileField {
    About(Lang),
    Terms(Lang),
    Email,
    Phone,
}

impl ProfileField {
    /// The form field's name and element id.
    pub fn code(self) -> String {
        match self {
            ProfileField::About(l) => format!("about_{}", l.code()),
            ProfileField::Terms(l) => format!("terms_{}", l.code()),
            ProfileField::Email => "email".into(),
            ProfileField::Phone => "phone".into(),
        }
    }
}

/// A valid profile: the texts as JSON objects of the languages written, the contacts normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub about_json: String,
    pub terms_json: String,
    pub email: String,
    pub phone: String,
}

/// `{"et": …, "en": …}` of the languages with a text (an empty one falls back to another).
fn by_language(texts: &[String; 3]) -> String {
    let map: std::collections::BTreeMap<&str, &str> =
        Lang::ALL.iter().zip(texts).filter(|(_, t)| !t.is_empty()).map(|(l, t)| (l.code(), t.as_str())).collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

/// Checks the whole form, reporting every problem at once.
pub fn validate_profile(form: &ProfileForm) -> Result<Profile, Vec<(ProfileField, Problem)>> {
    let mut errors = Vec::new();
    let mut about: [String; 3] = Default::default();
    let mut terms: [String; 3] = Default::default();
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        match lines(&form.about[i], ABOUT_MAX) {
            Ok(t) => about[i] = t,
            Err(p) => errors.push((ProfileField::About(lang), p)),
        }
        match lines(&form.terms[i], TERMS_MAX) {
            Ok(t) => terms[i] = t,
            Err(p) => errors.push((ProfileField::Terms(lang), p)),
        }
    }
    let email = normalize_email(&form.email).map_err(|p| errors.push((ProfileField::Email, p))).ok();
    let phone = normalize_phone(&form.phone).map_err(|p| errors.push((ProfileField::Phone, p))).ok();
    match (email, phone) {
        (Some(email), Some(phone)) if errors.is_empty() => {
            Ok(Profile { about_json: by_language(&about), terms_json: by_language(&terms), email, phone })
        }
        _ => Err(errors),
    }
}

/// The size of an image of `width` × `height` fitted into a square of `side` (never enlarged).
pub fn fit(width: u32, height: u32, side: u32) -> (u32, u32) {
    if width <= side && height <= side {
        return (width.max(1), height.max(1));
    }
    if width >= height {
        (side, ((u64::from(height) * u64::from(side) + u64::from(width) / 2) / u64::from(width)).max(1) as u32)
    } else {
        (((u64::from(width) * u64::from(side) + u64::from(height) / 2) / u64::from(height)).max(1) as u32, side)
    }
}

/// Why a logo was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogoProblem {
    NoFile,
    TooLarge,
    /// Not a PNG, JPEG or WebP image (or a damaged one).
    NotAnImage,
    /// Wider or higher than [`LOGO_DECODE_MAX_SIDE`].
    TooManyPixels,
}

impl LogoProblem {
    pub const ALL: [LogoProblem; 4] = [Self::NoFile, Self::TooLarge, Self::NotAnImage, Self::TooManyPixels];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoFile => "no_file",
            Self::TooLarge => "too_large",
            Self::NotAnImage => "not_an_image",
            Self::TooManyPixels => "too_many_pixels",
        }
    }

    pub fn from_code(code: &str) -> Option<LogoProblem> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A stored logo: its address and size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logo {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// The address a logo is served at (it changes with the logo).
pub fn logo_url(seller_id: i32, hash: &str) -> String {
    format!("/media/sellers/{seller_id}-{hash}.png")
}

/// What the profile form did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileAnswer {
    pub saved: bool,
    pub errors: Vec<(ProfileField, Problem)>,
    pub typed: ProfileForm,
    pub logo_removed: bool,
}

/// `/{lang}/seller/profile`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePage {
    pub seller_name: String,
    pub slug: String,
    pub form: ProfileForm,
    pub logo: Option<Logo>,
    pub answer: Option<ProfileAnswer>,
}

#[server(prefix = "/api", endpoint = "seller_profile", output = Wire)]
pub async fn get_profile() -> Result<ProfilePage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let mut page = super::profile_service::page(&me);
    page.answer = crate::accounts::api::server_side::take_flash();
    Ok(page)
}

#[server(prefix = "/api", endpoint = "seller_save_profile", output = Wire)]
#[allow(clippy::too_many_arguments)]
pub async fn save_profile(
    lang: String,
    about_et: String,
    about_en: String,
    about_ru: String,
    terms_et: String,
    terms_en: String,
    terms_ru: String,
    email: String,
    phone: String,
) -> Result<ProfileAnswer, AppError> {
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let typed = ProfileForm { about: [about_et, about_en, about_ru], terms: [terms_et, terms_en, terms_ru], email, phone };
    let answer = match validate_profile(&typed) {
        Ok(p) => {
            super::profile_service::save(&db, &me, &p).await?;
            ProfileAnswer { saved: true, ..Default::default() }
        }
        Err(errors) => {
            let clamp = |s: &String, n: usize| s.chars().take(n).collect::<String>();
            // The flash cookie stays small: what was typed, clamped.
            let typed = ProfileForm {
                about: typed.about.each_ref().map(|s| clamp(s, 600)),
                terms: typed.terms.each_ref().map(|s| clamp(s, 300)),
                email: clamp(&typed.email, 254),
                phone: clamp(&typed.phone, 40),
            };
            ProfileAnswer { errors, typed, ..Default::default() }
        }
    };
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/profile", lang.code())))
}

/// Takes an uploaded logo (a plain multipart form: `lang`, then `file`) and goes back to the
/// profile page, saying what happened.
#[server(prefix = "/api", endpoint = "seller_upload_logo", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_logo(data: leptos::server_fn::codec::MultipartData) -> Result<(), AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let mut form = data.into_inner().ok_or_else(|| AppError::BadRequest("no multipart body".into()))?;
    let upload = super::imports::read_upload(&mut form, LOGO_UPLOAD_MAX_BYTES).await?;
    let page = format!("/{}/seller/profile", upload.lang.code());
    let outcome = if upload.too_large {
        Err(LogoProblem::TooLarge)
    } else if upload.bytes.is_empty() {
        Err(LogoProblem::NoFile)
    } else {
        super::profile_service::set_logo(&db, &me, upload.bytes, chrono::Utc::now()).await?
    };
    match outcome {
        Ok(()) => leptos_axum::redirect(&format!("{page}?logo=saved")),
        Err(p) => leptos_axum::redirect(&format!("{page}?logo={}", p.code())),
    }
    Ok(())
}

/// Removes the seller's logo.
#[server(prefix = "/api", endpoint = "seller_remove_logo", output = Wire)]
pub async fn remove_logo(lang: String) -> Result<ProfileAnswer, AppError> {
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    super::profile_service::remove_logo(&db, &me).await?;
    let answer = ProfileAnswer { logo_removed: true, ..Default::default() };
    Ok(crate::accounts::api::server_side::again(answer, &format!("/{}/seller/profile", lang.code())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProfileForm {
        ProfileForm {
            about: ["Tallinna pagar".into(), "A Tallinn bakery".into(), String::new()],
            terms: ["Arve 14 päeva".into(), String::new(), String::new()],
            email: " Info@Pagar.ee ".into(),
            phone: "5123 4567".into(),
        }
    }

    #[test]
    fn texts_keep_the_languages_written() {
        let p = validate_profile(&form()).unwrap();
        assert_eq!(p.about_json, r#"{"en":"A Tallinn bakery","et":"Tallinna pagar"}"#);
        assert_eq!(p.terms_json, r#"{"et":"Arve 14 päeva"}"#);
        assert_eq!(p.email, "Info@pagar.ee");
        assert!(p.phone.starts_with("+372"), "{}", p.phone);
        let lines = ProfileForm { about: ["Üks\r\nkaks".into(), String::new(), String::new()], ..form() };
        assert_eq!(validate_profile(&lines).unwrap().about_json, r#"{"et":"Üks\nkaks"}"#);
    }

    #[test]
    fn every_problem_at_once() {
        let bad = ProfileForm {
            about: ["x".repeat(ABOUT_MAX + 1), "ok".into(), "bell\u{7}".into()],
            terms: [String::new(), "\u{202E}reversed".into(), String::new()],
            email: "nope".into(),
            phone: String::new(),
        };
        assert_eq!(
            validate_profile(&bad).unwrap_err(),
            vec![
                (ProfileField::About(Lang::Et), Problem::TooLong { max: ABOUT_MAX }),
                (ProfileField::Terms(Lang::En), Problem::ControlCharacters),
                (ProfileField::About(Lang::Ru), Problem::ControlCharacters),
                (ProfileField::Email, Problem::Email),
                (ProfileField::Phone, Problem::Required),
            ]
        );
        assert!(validate_profile(&ProfileForm { about: ["x".repeat(ABOUT_MAX), String::new(), String::new()], ..form() }).is_ok());
    }

    #[test]
    fn logos_fit_a_square_and_are_never_enlarged() {
        assert_eq!(fit(1000, 500, 256), (256, 128));
        assert_eq!(fit(500, 1000, 256), (128, 256));
        assert_eq!(fit(100, 40, 256), (100, 40));
        assert_eq!(fit(6000, 1, 256), (256, 1));
        assert_eq!(fit(257, 257, 256), (256, 256));
        assert_eq!(fit(0, 0, 256), (1, 1));
    }
}
