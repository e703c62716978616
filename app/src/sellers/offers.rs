//! A seller's offers in the seller area: what the pages show and the rules of an offer's terms
//! (pure, unit-tested), and the server functions (thin adapters to `offer_service`). Every
//! function takes the seller-area guard first; an offer id of another seller is "not found".

use crate::errors::AppError;
use crate::offers::buybox::Standing;
use crate::wire::Wire;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The highest price an offer may have: 100,000 €.
pub const PRICE_MAX_CENTS: i64 = 10_000_000;
pub const STOCK_MAX: i32 = 1_000_000;
pub const HANDLING_MAX_DAYS: i32 = 30;
pub const OFFERS_PER_PAGE: u64 = 50;

/// A catalogue product as the seller area names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductBrief {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub ean: String,
    /// The seller's own offer of it, if it has one.
    pub own_offer: Option<i32>,
}

/// One of the seller's offers, with where it stands in the buy box of the default county.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRow {
    pub offer_id: i32,
    pub product: ProductBrief,
    pub price_cents: i64,
    pub stock: i32,
    pub handling_days: i32,
    pub active: bool,
    pub standing: Standing,
}

/// `/{lang}/seller/offers`: one page of the seller's offers, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffersPage {
    pub seller_name: String,
    pub rows: Vec<OfferRow>,
    pub page: crate::catalog::paging::Page,
}

/// One of the seller's delivery methods, and whether the offer uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodChoice {
    pub id: i32,
    pub name: String,
    pub price_cents: i64,
    pub chosen: bool,
}

/// An offer's terms as the seller typed them (kept and shown again with the problems).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferForm {
    pub price: String,
    pub stock: String,
    pub handling_days: String,
    pub active: bool,
    /// The chosen delivery methods' ids.
    pub methods: Vec<i32>,
}

/// A field of the offer form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferField {
    Price,
    Stock,
    HandlingDays,
    Methods,
}

impl OfferField {
    pub fn code(self) -> &'static str {
        match self {
            OfferField::Price => "price",
            OfferField::Stock => "stock",
            OfferField::HandlingDays => "handling_days",
            OfferField::Methods => "methods",
        }
    }
}

/// What is wrong with an offer's term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferProblem {
    Required,
    /// Not a number (a price: euros with at most two decimals, `,` or `.`).
    NotANumber,
    /// Below the least allowed (a price of at least one cent; no negative stock or days).
    TooLow,
    TooHigh,
    /// No delivery method chosen, or one that is not the seller's.
    NoMethod,
}

/// Valid terms: the price in cents, the methods as the offer stores them (`None`: all of the
/// seller's methods).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferTerms {
    pub price_cents: i64,
    pub stock: i32,
    pub handling_days: i32,
    pub active: bool,
    pub method_ids: Option<Vec<i32>>,
}

/// Euros as typed in Estonia or elsewhere ("12,99", "12.99", "1 299", "€ 5") into cents: a
/// price of at least one cent.
pub fn parse_price(raw: &str) -> Result<i64, OfferProblem> {
    parse_euros(raw, 1)
}

/// Cents as the forms show them to be typed again ("12,99"): what [`parse_euros`] reads.
pub fn euros_for_input(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

/// [`parse_price`] with another least amount (`0` for a free delivery method).
pub fn parse_euros(raw: &str, min_cents: i64) -> Result<i64, OfferProblem> {
    let s: String = raw.trim().trim_start_matches('€').trim_end_matches('€').chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return Err(OfferProblem::Required);
    }
    let (whole, fraction) = match s.split_once([',', '.']) {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 9 && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.len() > 2 || !(fraction.is_empty() || digits(fraction)) {
        return Err(OfferProblem::NotANumber);
    }
    let euros: i64 = whole.parse().map_err(|_| OfferProblem::NotANumber)?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| OfferProblem::NotANumber)? * 10,
        _ => fraction.parse().map_err(|_| OfferProblem::NotANumber)?,
    };
    let total = euros * 100 + cents;
    if total < min_cents {
        return Err(OfferProblem::TooLow);
    }
    if total > PRICE_MAX_CENTS {
        return Err(OfferProblem::TooHigh);
    }
    Ok(total)
}

/// A whole number from 0 to `max`, as typed.
pub(crate) fn whole_number(raw: &str, max: i32) -> Result<i32, OfferProblem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(OfferProblem::Required);
    }
    if s.starts_with('-') && s[1..].bytes().all(|b| b.is_ascii_digit()) && s.len() > 1 {
        return Err(OfferProblem::TooLow);
    }
    if s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(OfferProblem::NotANumber);
    }
    let n: i32 = s.parse().map_err(|_| OfferProblem::NotANumber)?;
    if n > max {
        return Err(OfferProblem::TooHigh);
    }
    Ok(n)
}

/// Checks an offer's terms against the seller's delivery methods (`own_methods`), reporting
/// every problem at once. Choosing every method stores "all" (so a method added later applies).
pub fn validate_offer(form: &OfferForm, own_methods: &[i32]) -> Result<OfferTerms, Vec<(OfferField, OfferProblem)>> {
    let mut errors = Vec::new();
    let price = parse_price(&form.price).map_err(|p| errors.push((OfferField::Price, p))).ok();
    let stock = whole_number(&form.stock, STOCK_MAX).map_err(|p| errors.push((OfferField::Stock, p))).ok();
    let handling =
        whole_number(&form.handling_days, HANDLING_MAX_DAYS).map_err(|p| errors.push((OfferField::HandlingDays, p))).ok();
    let mut chosen: Vec<i32> = form.methods.clone();
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.is_empty() || chosen.iter().any(|id| !own_methods.contains(id)) {
        errors.push((OfferField::Methods, OfferProblem::NoMethod));
    }
    match (price, stock, handling) {
        (Some(price_cents), Some(stock), Some(handling_days)) if errors.is_empty() => Ok(OfferTerms {
            price_cents,
            stock,
            handling_days,
            active: form.active,
            method_ids: (chosen.len() < own_methods.len()).then_some(chosen),
        }),
        _ => Err(errors),
    }
}

/// The translated text of a problem.
pub fn problem_text(t: &crate::i18n::Texts, at: &crate::i18n::AreaTexts, p: OfferProblem) -> &'static str {
    match p {
        OfferProblem::Required => t.invalid_required,
        OfferProblem::NotANumber => at.offer_invalid_number,
        OfferProblem::TooLow => at.offer_invalid_too_low,
        OfferProblem::TooHigh => at.offer_invalid_too_high,
        OfferProblem::NoMethod => at.offer_invalid_methods,
    }
}

/// `/{lang}/seller/offers/{id}` and `/{lang}/seller/offers/new?product=…`: the product, the
/// offer (none yet for a new one), the seller's methods, and what a plain post left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferEditor {
    pub product: ProductBrief,
    pub offer: Option<OfferRow>,
    pub methods: Vec<MethodChoice>,
    pub answer: Option<OfferAnswer>,
}

/// What a post of the offer form answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferAnswer {
    pub errors: Vec<(OfferField, OfferProblem)>,
    pub typed: OfferForm,
    /// Saved: the offer's id.
    pub saved: Option<i32>,
    /// The seller already has an offer of this product (created meanwhile): its id.
    pub exists: Option<i32>,
}

impl OfferAnswer {
    pub fn error(&self, f: OfferField) -> Option<OfferProblem> {
        self.errors.iter().find(|(g, _)| *g == f).map(|(_, p)| *p)
    }
}

/// `/{lang}/seller/offers/new`: catalogue products found by EAN or words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSearch {
    pub q: String,
    pub found: Vec<ProductBrief>,
}

#[server(prefix = "/api", endpoint = "seller_offers", output = Wire)]
pub async fn get_seller_offers(lang: crate::i18n::Lang, page: u64) -> Result<OffersPage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let snapshot = crate::server::snapshot()?;
    Ok(super::offer_service::offers_page(&db, &snapshot, &me, lang, page.max(1), chrono::Utc::now()).await?)
}

#[server(prefix = "/api", endpoint = "seller_find_products", output = Wire)]
pub async fn find_products(lang: crate::i18n::Lang, q: String) -> Result<ProductSearch, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let found = super::offer_service::find_products(&db, &me, lang, &q).await?;
    Ok(ProductSearch { q, found })
}

/// The editor of an offer (`offer`) or of a new one for a product (`product`).
#[server(prefix = "/api", endpoint = "seller_offer_editor", output = Wire)]
pub async fn get_offer_editor(
    lang: crate::i18n::Lang,
    offer: Option<i32>,
    product: Option<i32>,
) -> Result<OfferEditor, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let snapshot = crate::server::snapshot()?;
    let answer = crate::accounts::api::server_side::take_flash();
    let mut editor = super::offer_service::editor(&db, &snapshot, &me, lang, offer, product, chrono::Utc::now())
        .await?
        .ok_or(AppError::NotFound)?;
    editor.answer = answer;
    Ok(editor)
}

/// Creates the seller's offer of a product, or changes one of its offers.
#[server(prefix = "/api", endpoint = "seller_save_offer", output = Wire)]
#[allow(clippy::too_many_arguments)]
pub async fn save_offer(
    lang: String,
    #[server(default)] offer: Option<i32>,
    product: i32,
    price: String,
    stock: String,
    handling_days: String,
    #[server(default)] active: Option<String>,
    #[server(default)] methods: Vec<i32>,
) -> Result<OfferAnswer, AppError> {
    use super::offer_service::{save, SaveError};
    let lang = crate::i18n::Lang::from_code(&lang).unwrap_or_default();
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let typed = OfferForm { price, stock, handling_days, active: active.is_some(), methods };
    let back = match offer {
        Some(id) => format!("/{}/seller/offers/{id}", lang.code()),
        None => format!("/{}/seller/offers/new?product={product}", lang.code()),
    };
    let answer = match save(&db, &me, offer, product, &typed, chrono::Utc::now()).await {
        Ok(id) => OfferAnswer { saved: Some(id), ..Default::default() },
        Err(SaveError::Invalid(errors)) => {
            let typed = OfferForm {
                price: typed.price.chars().take(40).collect(),
                stock: typed.stock.chars().take(40).collect(),
                handling_days: typed.handling_days.chars().take(40).collect(),
                ..typed
            };
            OfferAnswer { errors, typed, ..Default::default() }
        }
        Err(SaveError::Exists(id)) => OfferAnswer { exists: Some(id), ..Default::default() },
        Err(SaveError::NotFound) => return Err(AppError::NotFound),
        Err(SaveError::Db(e)) => return Err(e.into()),
    };
    let next = match answer.saved {
        Some(id) => format!("/{}/seller/offers/{id}", lang.code()),
        None => back,
    };
    Ok(crate::accounts::api::server_side::again(answer, &next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_as_people_type_them() {
        assert_eq!(parse_price("12,99"), Ok(1299));
        assert_eq!(parse_price(" 12.9 "), Ok(1290));
        assert_eq!(parse_price("1 299"), Ok(129_900));
        assert_eq!(parse_price("€5"), Ok(500));
        assert_eq!(parse_price("0,01"), Ok(1));
        assert_eq!(parse_price(""), Err(OfferProblem::Required));
        assert_eq!(parse_price("0"), Err(OfferProblem::TooLow));
        assert_eq!(parse_price("-3"), Err(OfferProblem::NotANumber));
        assert_eq!(parse_price("1,999"), Err(OfferProblem::NotANumber));
        assert_eq!(parse_price("1.2.3"), Err(OfferProblem::NotANumber));
        assert_eq!(parse_price("12e3"), Err(OfferProblem::NotANumber));
        assert_eq!(parse_price("100000"), Ok(PRICE_MAX_CENTS));
        assert_eq!(parse_price("100000,01"), Err(OfferProblem::TooHigh));
        assert_eq!(parse_price("99999999999"), Err(OfferProblem::NotANumber));
    }

    fn form() -> OfferForm {
        OfferForm { price: "9,99".into(), stock: "12".into(), handling_days: "1".into(), active: true, methods: vec![3, 4] }
    }

    #[test]
    fn terms_are_checked_together() {
        let ok = validate_offer(&form(), &[3, 4]).unwrap();
        assert_eq!((ok.price_cents, ok.stock, ok.handling_days, ok.active), (999, 12, 1, true));
        assert_eq!(ok.method_ids, None, "every method chosen: all of them, including later ones");
        assert_eq!(validate_offer(&form(), &[3, 4, 5]).unwrap().method_ids, Some(vec![3, 4]));
        let bad = OfferForm { price: "x".into(), stock: "-1".into(), handling_days: "31".into(), active: false, methods: vec![] };
        assert_eq!(
            validate_offer(&bad, &[3, 4]).unwrap_err(),
            vec![
                (OfferField::Price, OfferProblem::NotANumber),
                (OfferField::Stock, OfferProblem::TooLow),
                (OfferField::HandlingDays, OfferProblem::TooHigh),
                (OfferField::Methods, OfferProblem::NoMethod),
            ]
        );
        // Another seller's method is refused, not quietly dropped.
        let theirs = OfferForm { methods: vec![3, 99], ..form() };
        assert_eq!(validate_offer(&theirs, &[3, 4]).unwrap_err(), vec![(OfferField::Methods, OfferProblem::NoMethod)]);
        assert_eq!(validate_offer(&OfferForm { stock: "0".into(), ..form() }, &[3, 4]).unwrap().stock, 0);
    }
}
