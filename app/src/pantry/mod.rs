//! The pantry: a signed-in shopper buys products into storage and later orders transport of
//! any part of them (issue 13; E-Sahver's "Hoiustamiseks … maksimaalselt 12 kuud"). This module
//! holds the rules, pure and unit-tested, that the storage, the transport order and the
//! reminders will be built on: when a stored item expires, which stored lots a transport order
//! takes (partial quantities, soonest-expiring first, never more than is stored), the fee and the
//! delivery date of a transport order, and when the expiry reminders are due.

pub mod api;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::cart::pricing::{price_cart, CartQuote, LineFacts};
use crate::cart::MethodOptionView;
use crate::delivery::dates::cold_courier_days;
use crate::delivery::{County, MethodTerms};
use crate::vat::VatLine;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The "method" of a shipment into the pantry (`shipments.method_name`), as the order page
/// and the e-mails name it.
pub const METHOD_NAME: &str = r#"{"et":"Sahver (hoiule)","en":"Pantry (stored)","ru":"Кладовая (на хранение)"}"#;
/// How many cold-courier days a transport order offers to choose from.
pub const COURIER_DAYS_OFFERED: usize = 6;

/// How long paid items stay in the pantry.
pub const KEEP_MONTHS: u32 = 12;
/// Days before the expiry day on which the shopper is reminded, each once.
pub const REMIND_DAYS_BEFORE: [i64; 2] = [30, 7];

/// The last day an item paid on `paid_on` (its Tallinn date) stays in the pantry: the same day
/// twelve months later, or that month's last day when it has no such day (paid on 29 February,
/// it expires on 28 February).
pub fn expiry_date(paid_on: NaiveDate) -> NaiveDate {
    paid_on.checked_add_months(Months::new(KEEP_MONTHS)).unwrap_or(NaiveDate::MAX)
}

/// Days from `today` to the expiry day (0 on the day itself, negative once expired).
pub fn days_left(expires: NaiveDate, today: NaiveDate) -> i64 {
    (expires - today).num_days()
}

/// Whether an item is expired on `today` (it may still be ordered on its expiry day).
pub fn expired(expires: NaiveDate, today: NaiveDate) -> bool {
    today > expires
}

/// The reminder due on `today` for an item expiring on `expires`, given the reminders already
/// sent for it (by their days-before): the nearest one whose day has come and that was not sent
/// (a reminder missed, e.g. while the mailer was down, is sent late rather than never; the
/// 30-day one is skipped once the 7-day one is due).
pub fn reminder_due(expires: NaiveDate, today: NaiveDate, sent: &[i64]) -> Option<i64> {
    let left = days_left(expires, today);
    if left < 0 {
        return None;
    }
    REMIND_DAYS_BEFORE
        .iter()
        .copied()
        .filter(|before| left <= *before)
        .min()
        .filter(|before| !sent.contains(before) && !sent.iter().any(|s| s < before))
}

/// Stored units of one product from one purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lot {
    pub id: i32,
    pub product_id: i32,
    pub quantity: u32,
    pub expires: NaiveDate,
}

/// Units a transport order takes from one lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Take {
    pub lot_id: i32,
    pub quantity: u32,
}

/// Why a transport order cannot take what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TakeError {
    #[error("nothing was chosen")]
    Nothing,
    #[error("product {product_id}: {asked} asked, {stored} stored")]
    MoreThanStored { product_id: i32, stored: u32, asked: u32 },
    #[error("product {product_id} has expired units only")]
    OnlyExpired { product_id: i32 },
}

/// The lots a transport order takes for `wanted` (product, units; zero units are ignored):
/// soonest-expiring first, so nothing is left to expire that could have been sent; expired lots
/// are not taken (those go through support). All or nothing: one product asked beyond what is
/// stored refuses the whole order.
pub fn take(lots: &[Lot], wanted: &[(i32, u32)], today: NaiveDate) -> Result<Vec<Take>, TakeError> {
    let mut out = Vec::new();
    for &(product_id, asked) in wanted.iter().filter(|(_, n)| *n > 0) {
        let mut usable: Vec<&Lot> =
            lots.iter().filter(|l| l.product_id == product_id && l.quantity > 0 && !expired(l.expires, today)).collect();
        if usable.is_empty() && lots.iter().any(|l| l.product_id == product_id && l.quantity > 0) {
            return Err(TakeError::OnlyExpired { product_id });
        }
        usable.sort_by_key(|l| (l.expires, l.id));
        let stored: u32 = usable.iter().map(|l| l.quantity).sum();
        if asked > stored {
            return Err(TakeError::MoreThanStored { product_id, stored, asked });
        }
        let mut left = asked;
        for l in usable {
            if left == 0 {
                break;
            }
            let n = left.min(l.quantity);
            out.push(Take { lot_id: l.id, quantity: n });
            left -= n;
        }
    }
    if out.is_empty() {
        return Err(TakeError::Nothing);
    }
    Ok(out)
}

/// A transport order's goods, one per line, as pricing sees them: each stored unit at what it
/// cost when bought (the fee's free-delivery threshold counts the goods at that price), no
/// handling time (the goods wait in store), any of the seller's methods.
pub struct TransportLine {
    pub lot_id: i32,
    pub offer_id: i32,
    pub seller_id: i32,
    pub quantity: u32,
    pub unit_price_cents: i64,
    pub cold_chain: bool,
}

/// Prices a transport order exactly as the cart prices a delivery (groups per seller, the
/// methods that can carry every line to the county, cold goods only by the cold courier on
/// its next day by the 07:00 cut-off, the fee by the method's threshold rule), then charges
/// only the delivery: the goods are paid for. `total_cents` is the fees; the VAT is the fees'
/// at the standard rate.
pub fn quote_transport<'a>(
    lines: &[TransportLine],
    methods: impl Fn(i32) -> &'a [MethodTerms],
    chosen: impl Fn(i32) -> Option<i32>,
    county: County,
    standard_vat_bp: u32,
    now: DateTime<Utc>,
) -> CartQuote {
    let facts: Vec<LineFacts> = lines
        .iter()
        .map(|l| LineFacts {
            line_id: l.lot_id,
            offer_id: l.offer_id,
            seller_id: l.seller_id,
            quantity: l.quantity as i32,
            unit_price_cents: l.unit_price_cents,
            stock: l.quantity as i32,
            sellable: true,
            cold_chain: l.cold_chain,
            handling_days: 0,
            vat_rate_bp: 0,
            method_ids: None,
            store: false,
        })
        .collect();
    let mut quote = price_cart(&facts, methods, chosen, county, standard_vat_bp, now);
    quote.goods_cents = 0;
    quote.total_cents = quote.delivery_cents;
    quote.vat = if quote.delivery_cents > 0 { crate::vat::breakdown(&[(quote.delivery_cents, standard_vat_bp)]) } else { Vec::new() };
    quote
}

/// The days a transport order by cold courier may be delivered on: the first the courier can
/// make (`earliest`), then the next ones, so stored goods come when the shopper is home.
pub fn courier_day_choices(earliest: NaiveDate) -> Vec<NaiveDate> {
    cold_courier_days(earliest, COURIER_DAYS_OFFERED)
}

/// What a transport order asks for, as its forms carry it: `items` "product:units,…", the
/// county, and per seller "seller:method:date,…" (the date only for the cold courier).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransportRequest {
    pub items: Vec<(i32, u32)>,
    pub county: Option<County>,
    pub choices: Vec<Choice>,
    /// A saved address chosen: its county, and the form filled with it.
    pub address: Option<i32>,
}

/// One seller's delivery in a transport order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub seller_id: i32,
    pub method_id: i32,
    #[serde(with = "crate::wire::day_opt")]
    pub date: Option<NaiveDate>,
}

/// At most this many units of one product in one transport order (as a cart line).
pub const MAX_UNITS: u32 = 999;

/// "12:3,15:1" → [(12, 3), (15, 1)]: units per product, zero and malformed entries skipped,
/// a product named twice counted once (the last).
pub fn parse_items(text: &str) -> Vec<(i32, u32)> {
    let mut out: Vec<(i32, u32)> = Vec::new();
    for part in text.split(',') {
        let Some((p, n)) = part.trim().split_once(':') else { continue };
        let (Ok(p), Ok(n)) = (p.trim().parse::<i32>(), n.trim().parse::<u32>()) else { continue };
        if n == 0 || n > MAX_UNITS || p <= 0 {
            continue;
        }
        out.retain(|(q, _)| *q != p);
        out.push((p, n));
    }
    out
}

pub fn format_items(items: &[(i32, u32)]) -> String {
    items.iter().map(|(p, n)| format!("{p}:{n}")).collect::<Vec<_>>().join(",")
}

/// "3:7:2026-12-04,5:9:" → the choices; malformed entries skipped.
pub fn parse_choices(text: &str) -> Vec<Choice> {
    text.split(',')
        .filter_map(|part| {
            let mut it = part.trim().splitn(3, ':');
            let seller_id = it.next()?.parse().ok()?;
            let method_id = it.next()?.parse().ok()?;
            let date = it.next().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            Some(Choice { seller_id, method_id, date })
        })
        .collect()
}

pub fn format_choices(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| format!("{}:{}:{}", c.seller_id, c.method_id, c.date.map(|d| d.to_string()).unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The transport page for these items, county and choices; with `typed`, also what the
/// shopper typed (a form sent back with problems, without JavaScript).
pub fn transport_path(lang: crate::i18n::Lang, items: &str, county: &str, choices: &str, typed: Option<&crate::checkout::validate::ContactForm>) -> String {
    use crate::markup::query_value as q;
    let mut out = format!("/{}/pantry/transport?items={}&county={}&choices={}", lang.code(), q(items), q(county), q(choices));
    if let Some(f) = typed {
        out.push_str(&format!(
            "&invalid=1&name={}&phone={}&street={}&city={}&postal_code={}&comment={}",
            q(&f.name),
            q(&f.phone),
            q(&f.street),
            q(&f.city),
            q(&f.postal_code),
            q(&f.comment)
        ));
    }
    out
}

/// What the transport page's address asks for, from its query's pairs: `items` as given (or
/// "all"), else the pantry form's fields `n{product}` = units; `choices` as given, else the
/// delivery form's `m{seller}` = method and `d{seller}` = day.
pub fn request_from_query<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> (String, String) {
    let find = |key: &str| pairs.clone().find(|(k, _)| *k == key).map(|(_, v)| v.to_owned());
    let items = find("items").unwrap_or_else(|| {
        let asked: Vec<(i32, u32)> = pairs
            .clone()
            .filter_map(|(k, v)| Some((k.strip_prefix('n')?.parse().ok()?, v.trim().parse().ok()?)))
            .collect();
        format_items(&parse_items(&format_items(&asked)))
    });
    let choices = find("choices").unwrap_or_default();
    let mut chosen = parse_choices(&choices);
    for (k, v) in pairs.clone() {
        let (Some(seller), Ok(method)) = (k.strip_prefix('m').and_then(|s| s.parse::<i32>().ok()), v.parse::<i32>()) else { continue };
        let date = find(&format!("d{seller}")).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        chosen.retain(|c| c.seller_id != seller);
        chosen.push(Choice { seller_id: seller, method_id: method, date });
    }
    (items, format_choices(&chosen))
}

/// One purchase's units of a product in the pantry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotView {
    pub lot_id: i32,
    pub order_id: i32,
    pub seller_name: String,
    pub quantity: i32,
    pub bought: i32,
    #[serde(with = "crate::wire::instant")]
    pub paid_at: DateTime<Utc>,
    #[serde(with = "crate::wire::day")]
    pub expires_on: NaiveDate,
    pub days_left: i64,
    pub expired: bool,
}

/// One product in the pantry, its lots soonest-expiring first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub product_id: i32,
    pub product_slug: String,
    pub title: String,
    pub image: Option<String>,
    pub cold: bool,
    /// Units that can still be ordered (not expired).
    pub usable: i32,
    pub expired: i32,
    pub lots: Vec<LotView>,
}

/// The pantry page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PantryView {
    pub items: Vec<ItemView>,
    #[serde(with = "crate::wire::day")]
    pub today: NaiveDate,
    /// Saved addresses' counties, first first (the transport form's default county).
    pub county: Option<County>,
}

/// The pantry on the account's home page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub units: i32,
    pub products: i32,
    #[serde(with = "crate::wire::day_opt")]
    pub soonest: Option<NaiveDate>,
    pub expired: i32,
}

/// One seller's part of a transport order being prepared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransportGroupView {
    pub seller_id: i32,
    pub seller_name: String,
    /// "units × title" per line.
    pub lines: Vec<(i32, String)>,
    pub goods_cents: i64,
    pub options: Vec<MethodOptionView>,
    pub chosen: Option<i32>,
    /// For the cold courier: the days to choose from, and the one chosen.
    #[serde(with = "crate::wire::days")]
    pub days: Vec<NaiveDate>,
    #[serde(with = "crate::wire::day_opt")]
    pub earliest: Option<NaiveDate>,
    #[serde(with = "crate::wire::day_opt")]
    pub latest: Option<NaiveDate>,
}

/// A saved address offered for the transport order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAddress {
    pub id: i32,
    pub label: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
    pub county: County,
}

/// Why the asked items cannot go (shown on the transport page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemsProblem {
    Nothing,
    MoreThanStored { product_id: i32, stored: u32 },
    OnlyExpired { product_id: i32 },
}

impl From<TakeError> for ItemsProblem {
    fn from(e: TakeError) -> Self {
        match e {
            TakeError::Nothing => ItemsProblem::Nothing,
            TakeError::MoreThanStored { product_id, stored, .. } => ItemsProblem::MoreThanStored { product_id, stored },
            TakeError::OnlyExpired { product_id } => ItemsProblem::OnlyExpired { product_id },
        }
    }
}

/// The transport page: the quote for what was asked, and the form's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransportView {
    pub items: Vec<(i32, u32)>,
    pub problem: Option<ItemsProblem>,
    pub county: County,
    pub groups: Vec<TransportGroupView>,
    pub fee_cents: i64,
    pub vat: Vec<VatLine>,
    pub orderable: bool,
    /// What the shopper is shown (fees, methods, dates, items): placing refuses another.
    pub fingerprint: String,
    /// The choices as shown ("seller:method:date,…"), for the order form.
    pub choices: String,
    pub addresses: Vec<SavedAddress>,
    pub address: Option<i32>,
    pub name: String,
    pub phone: String,
    pub street: String,
    pub city: String,
    pub postal_code: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::DeliveryKind;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn items_keep_twelve_months_and_29_february_becomes_28() {
        assert_eq!(expiry_date(date(2026, 12, 1)), date(2027, 12, 1));
        assert_eq!(expiry_date(date(2028, 2, 29)), date(2029, 2, 28));
        assert_eq!(expiry_date(date(2027, 2, 28)), date(2028, 2, 28), "not the leap day after");
        assert_eq!(expiry_date(date(2026, 1, 31)), date(2027, 1, 31));
        let e = expiry_date(date(2026, 12, 1));
        assert_eq!(days_left(e, date(2027, 11, 1)), 30);
        assert!(!expired(e, e), "still usable on its last day");
        assert!(expired(e, date(2027, 12, 2)));
        assert_eq!(days_left(e, date(2027, 12, 3)), -2);
    }

    #[test]
    fn reminders_thirty_and_seven_days_before_once_each() {
        let e = date(2027, 12, 1);
        assert_eq!(reminder_due(e, date(2027, 10, 31), &[]), None, "31 days before");
        assert_eq!(reminder_due(e, date(2027, 11, 1), &[]), Some(30));
        assert_eq!(reminder_due(e, date(2027, 11, 1), &[30]), None, "once");
        assert_eq!(reminder_due(e, date(2027, 11, 20), &[30]), None);
        assert_eq!(reminder_due(e, date(2027, 11, 24), &[30]), Some(7));
        assert_eq!(reminder_due(e, date(2027, 11, 24), &[30, 7]), None);
        // Missed the 30-day one: the 7-day one is sent, the 30-day one never after it.
        assert_eq!(reminder_due(e, date(2027, 11, 26), &[]), Some(7));
        assert_eq!(reminder_due(e, date(2027, 11, 27), &[7]), None);
        assert_eq!(reminder_due(e, date(2027, 12, 2), &[]), None, "expired: no reminder");
    }

    fn lots() -> Vec<Lot> {
        vec![
            Lot { id: 1, product_id: 10, quantity: 2, expires: date(2027, 6, 1) },
            Lot { id: 2, product_id: 10, quantity: 3, expires: date(2027, 3, 1) },
            Lot { id: 3, product_id: 20, quantity: 1, expires: date(2027, 5, 1) },
            Lot { id: 4, product_id: 30, quantity: 4, expires: date(2026, 11, 1) },
        ]
    }

    #[test]
    fn partial_quantities_soonest_expiry_first() {
        let today = date(2026, 12, 1);
        assert_eq!(take(&lots(), &[(10, 4)], today), Ok(vec![Take { lot_id: 2, quantity: 3 }, Take { lot_id: 1, quantity: 1 }]));
        assert_eq!(take(&lots(), &[(10, 1), (20, 1)], today), Ok(vec![Take { lot_id: 2, quantity: 1 }, Take { lot_id: 3, quantity: 1 }]));
        assert_eq!(take(&lots(), &[(10, 0)], today), Err(TakeError::Nothing));
        assert_eq!(take(&lots(), &[], today), Err(TakeError::Nothing));
    }

    #[test]
    fn never_more_than_is_stored_and_never_expired_units() {
        let today = date(2026, 12, 1);
        assert_eq!(take(&lots(), &[(20, 1), (10, 6)], today), Err(TakeError::MoreThanStored { product_id: 10, stored: 5, asked: 6 }));
        assert_eq!(take(&lots(), &[(99, 1)], today), Err(TakeError::MoreThanStored { product_id: 99, stored: 0, asked: 1 }));
        assert_eq!(take(&lots(), &[(30, 1)], today), Err(TakeError::OnlyExpired { product_id: 30 }));
        // On a later day lot 2 has expired: only lot 1 is left.
        assert_eq!(take(&lots(), &[(10, 3)], date(2027, 3, 2)), Err(TakeError::MoreThanStored { product_id: 10, stored: 2, asked: 3 }));
    }

    fn food_store() -> Vec<MethodTerms> {
        vec![MethodTerms {
            id: 1,
            kind: DeliveryKind::ColdCourier,
            price_cents: 700,
            free_over_cents: Some(3990),
            regions: vec![County::Harju, County::Tartu],
            days_min: 1,
            days_max: 1,
            active: true,
        }]
    }

    fn stored(lot_id: i32, units: u32, price: i64, cold: bool) -> TransportLine {
        TransportLine { lot_id, offer_id: lot_id, seller_id: 1, quantity: units, unit_price_cents: price, cold_chain: cold }
    }

    fn quote(lines: &[TransportLine], county: County, at: DateTime<Utc>) -> CartQuote {
        let methods = food_store();
        quote_transport(lines, |_| &methods[..], |_| None, county, 2400, at)
    }

    #[test]
    fn a_transport_order_pays_the_fee_by_the_threshold_and_nothing_for_the_goods() {
        let sunday = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        // 2 × 12.50 € of stored goods: below 39.90 €, so 7.00 €; the goods cost nothing now.
        let q = quote(&[stored(1, 2, 1250, true)], County::Harju, sunday);
        assert_eq!((q.goods_cents, q.delivery_cents, q.total_cents), (0, 700, 700));
        assert_eq!(q.vat.len(), 1);
        assert_eq!(q.vat[0].gross_cents, 700);
        assert_eq!(q.vat[0].vat_cents, 135, "24 % VAT in 7.00 €");
        // 3 × 12.50 € + 2.40 € = 39.90 €: free from the threshold on.
        let q = quote(&[stored(1, 3, 1250, true), stored(2, 1, 240, false)], County::Harju, sunday);
        assert_eq!((q.delivery_cents, q.total_cents), (0, 0));
        assert!(q.vat.is_empty());
        assert_eq!(q.groups[0].goods_cents, 3990, "the threshold counts the goods at what they cost");
    }

    #[test]
    fn cold_goods_come_by_the_cold_courier_on_its_day() {
        // Sunday 2026-11-22, noon in Tallinn: the cold courier comes on Tuesday 24th.
        let sunday = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let q = quote(&[stored(1, 1, 500, true)], County::Harju, sunday);
        let w = q.groups[0].chosen.as_ref().unwrap().window;
        assert_eq!((w.earliest, w.latest), (date(2026, 11, 24), date(2026, 11, 24)));
        // Monday 07:00:01: too late for Tuesday's picking: Friday.
        let monday_late = crate::delivery::local_time::tallinn_to_utc(date(2026, 11, 23).and_hms_opt(7, 0, 1).unwrap());
        let w = quote(&[stored(1, 1, 500, true)], County::Harju, monday_late).groups[0].chosen.as_ref().unwrap().window;
        assert_eq!(w.earliest, date(2026, 11, 27));
        // Outside Harju and Tartu no method can carry them.
        let q = quote(&[stored(1, 1, 500, true)], County::Parnu, sunday);
        assert!(q.groups[0].chosen.is_none() && !q.orderable());
        // Later days to choose from: Tuesdays and Fridays, skipping Christmas (24–26 Dec).
        assert_eq!(
            courier_day_choices(date(2026, 12, 18)),
            vec![date(2026, 12, 18), date(2026, 12, 22), date(2026, 12, 29), date(2027, 1, 5), date(2027, 1, 8), date(2027, 1, 12)]
        );
    }

    #[test]
    fn items_and_choices_read_from_forms() {
        assert_eq!(parse_items("12:3, 15:1,x:2,16:0,17:-1,12:2"), vec![(15, 1), (12, 2)]);
        assert_eq!(parse_items(&format_items(&[(4, 2), (9, 1)])), vec![(4, 2), (9, 1)]);
        assert_eq!(parse_items("1:1000"), vec![], "more than a shopper could mean");
        let c = vec![Choice { seller_id: 3, method_id: 7, date: Some(date(2026, 12, 4)) }, Choice { seller_id: 5, method_id: 9, date: None }];
        assert_eq!(format_choices(&c), "3:7:2026-12-04,5:9:");
        assert_eq!(parse_choices(&format_choices(&c)), c);
        assert_eq!(parse_choices("a:b,3:7:nonsense"), vec![Choice { seller_id: 3, method_id: 7, date: None }]);
    }

    #[test]
    fn the_transport_page_reads_both_forms() {
        let pairs = [("n12", "2"), ("n15", "0"), ("nx", "1"), ("county", "harju"), ("m3", "7"), ("d3", "2026-12-04"), ("m5", "9")];
        let (items, choices) = request_from_query(pairs.iter().copied());
        assert_eq!(items, "12:2");
        assert_eq!(parse_choices(&choices), vec![
            Choice { seller_id: 3, method_id: 7, date: Some(date(2026, 12, 4)) },
            Choice { seller_id: 5, method_id: 9, date: None },
        ]);
        let given = [("items", "all"), ("choices", "3:7:")];
        assert_eq!(request_from_query(given.iter().copied()), ("all".to_owned(), "3:7:".to_owned()));
    }
}
