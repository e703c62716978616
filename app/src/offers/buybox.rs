//! The buy box: which seller's offer the product page shows, and in what order the "offers
//! from other sellers" list shows the rest.
//!
//! Only offers the shopper can buy right now compete: the offer is active (not paused), the
//! seller is in good standing (active, not suspended), there is stock, and at least one of the
//! seller's delivery methods for this offer reaches the shopper's county and may carry the
//! product (cold-chain goods only by cold courier). Among those the winner has
//!
//! 1. the lowest **landed price**: item price + the cheapest delivery to the county;
//! 2. then the **earliest delivery date** (of that cheapest delivery);
//! 3. then the **better seller rating** (exact average of stars; no reviews ranks lowest);
//! 4. then the **older offer** (listed first; the lower offer id if listed the same instant).
//!
//! These are the main ranking parameters disclosed to shoppers (Omnibus directive). Everything
//! here is pure: the caller loads the facts and passes the current time.

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::delivery::dates::{delivery_window, DeliveryWindow};
use crate::delivery::{County, DeliveryKind, MethodTerms};

/// A seller's reviews: the sum of their stars (each review gives 1–5) and how many there are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub stars_total: i64,
    pub count: i64,
}

impl Rating {
    fn has_reviews(&self) -> bool {
        self.count > 0
    }

    /// The average in tenths of a star, rounded half up (4.66 → 47, 4.65 → 47, 4.64 → 46);
    /// `None` without reviews.
    pub fn average_tenths(&self) -> Option<i64> {
        if !self.has_reviews() {
            return None;
        }
        // round(10·total / count) = floor((20·total + count) / (2·count))
        let numerator = i128::from(self.stars_total) * 20 + i128::from(self.count);
        let denominator = i128::from(self.count) * 2;
        Some(i64::try_from(numerator.div_euclid(denominator)).unwrap_or(i64::MAX))
    }

    /// Compares the exact averages (`a/b` vs `c/d` as `a·d` vs `c·b`, no rounding, no floats).
    /// A seller without reviews ranks below any seller with reviews, even a one-star one.
    pub fn cmp_average(&self, other: &Rating) -> Ordering {
        match (self.has_reviews(), other.has_reviews()) {
            (false, false) => Ordering::Equal,
            (false, true) => Ordering::Less,
            (true, false) => Ordering::Greater,
            (true, true) => {
                let mine = i128::from(self.stars_total) * i128::from(other.count);
                let theirs = i128::from(other.stars_total) * i128::from(self.count);
                mine.cmp(&theirs)
            }
        }
    }
}

/// What the buy box needs to know about one offer.
#[derive(Clone, Debug)]
pub struct OfferFacts {
    pub offer_id: i32,
    /// Item price in euro cents, VAT included.
    pub price_cents: i64,
    pub stock: i32,
    /// False when the seller paused the offer.
    pub active: bool,
    /// False when the seller is not in good standing (pending, suspended, closed).
    pub seller_active: bool,
    pub seller_rating: Rating,
    pub created_at: DateTime<Utc>,
    /// Working days the seller needs before handing the goods to the carrier.
    pub handling_days: u32,
    /// The seller's delivery methods that apply to this offer.
    pub methods: Vec<MethodTerms>,
}

/// One way to get the offer to the shopper: the method, its fee for one unit and the dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub method_id: i32,
    pub kind: DeliveryKind,
    pub fee_cents: i64,
    pub window: DeliveryWindow,
}

/// Why an offer cannot be bought now (the first reason that applies, in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unavailable {
    /// The seller paused the offer.
    Paused,
    /// No stock left.
    OutOfStock,
    /// The seller is not in good standing.
    SellerNotActive,
    /// None of the offer's delivery methods reaches the county (or may carry the product).
    NoDeliveryToCounty,
}

/// One offer as the shopper in a given county sees it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluated {
    pub offer_id: i32,
    pub price_cents: i64,
    /// Every method that serves the county and suits the product, cheapest fee first, then
    /// earliest date (then latest date, then method id). Listed even when the offer is
    /// unavailable, so the page can still show the seller's delivery terms.
    pub quotes: Vec<Quote>,
    /// Item price + the cheapest fee, when the offer is buyable.
    pub landed_cents: Option<i64>,
    /// Why the offer cannot be bought, if it cannot.
    pub unavailable: Option<Unavailable>,
}

impl Evaluated {
    /// The cheapest (then earliest) delivery: the one the landed price is based on.
    pub fn best(&self) -> Option<&Quote> {
        self.quotes.first()
    }

    /// Whether the shopper can buy this offer now.
    pub fn buyable(&self) -> bool {
        self.unavailable.is_none() && self.landed_cents.is_some() && !self.quotes.is_empty()
    }
}

/// Evaluates one offer for a shopper in `county` at `now`. Fees are for one unit (the goods
/// are worth `price_cents`), so a free-delivery threshold counts the item price alone.
pub fn evaluate(
    offer: &OfferFacts,
    cold_chain: bool,
    county: County,
    now: DateTime<Utc>,
) -> Evaluated {
    let mut quotes: Vec<Quote> = offer
        .methods
        .iter()
        .filter(|m| m.serves(county) && m.suits(cold_chain))
        .map(|m| Quote {
            method_id: m.id,
            kind: m.kind,
            fee_cents: m.fee_for(offer.price_cents),
            window: delivery_window(m, offer.handling_days, now),
        })
        .collect();
    quotes.sort_by(|a, b| {
        a.fee_cents
            .cmp(&b.fee_cents)
            .then(a.window.earliest.cmp(&b.window.earliest))
            .then(a.window.latest.cmp(&b.window.latest))
            .then(a.method_id.cmp(&b.method_id))
    });

    let unavailable = if !offer.active {
        Some(Unavailable::Paused)
    } else if !offer.seller_active {
        Some(Unavailable::SellerNotActive)
    } else if offer.stock <= 0 {
        Some(Unavailable::OutOfStock)
    } else if quotes.is_empty() {
        Some(Unavailable::NoDeliveryToCounty)
    } else {
        None
    };
    let landed_cents = match (unavailable, quotes.first()) {
        (None, Some(best)) => Some(offer.price_cents + best.fee_cents),
        _ => None,
    };
    Evaluated {
        offer_id: offer.offer_id,
        price_cents: offer.price_cents,
        quotes,
        landed_cents,
        unavailable,
    }
}

/// The criterion that decided the buy box, for the "why this offer" note on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WhyChosen {
    /// No other offer can be bought now.
    OnlyOffer,
    /// Its landed price is strictly the lowest.
    LowestLandedPrice,
    /// Same landed price as another, but it arrives strictly earliest.
    EarliestDelivery,
    /// Same landed price and date as another, but the seller's rating is better.
    BetterRating,
    /// Equal on all of the above: the offer listed first wins.
    OlderOffer,
}

/// The buy-box winner: an index into the slices given to [`choose`], and why it won.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuyBox {
    pub winner: usize,
    pub why: WhyChosen,
}

/// A buyable offer's ranking keys.
struct Rank<'a> {
    index: usize,
    landed: i64,
    date: NaiveDate,
    rating: &'a Rating,
    created_at: DateTime<Utc>,
    offer_id: i32,
}

/// The ranking keys of an offer, or `None` when it cannot be bought.
fn rank<'a>(index: usize, offer: &'a OfferFacts, evaluated: &Evaluated) -> Option<Rank<'a>> {
    if !evaluated.buyable() {
        return None;
    }
    Some(Rank {
        index,
        landed: evaluated.landed_cents?,
        date: evaluated.best()?.window.earliest,
        rating: &offer.seller_rating,
        created_at: offer.created_at,
        offer_id: offer.offer_id,
    })
}

/// The buy-box order: landed price, earliest date, better rating, older offer, lower id (and
/// finally the position, so the order is total even for duplicate ids).
fn buy_box_order(a: &Rank, b: &Rank) -> Ordering {
    a.landed
        .cmp(&b.landed)
        .then(a.date.cmp(&b.date))
        .then_with(|| b.rating.cmp_average(a.rating))
        .then(a.created_at.cmp(&b.created_at))
        .then(a.offer_id.cmp(&b.offer_id))
        .then(a.index.cmp(&b.index))
}

/// Picks the buy-box offer. `offers` and `evaluated` are parallel slices (same order and
/// length; extra items in the longer one are ignored). `None` when nothing is buyable.
pub fn choose(offers: &[OfferFacts], evaluated: &[Evaluated]) -> Option<BuyBox> {
    debug_assert_eq!(offers.len(), evaluated.len(), "offers and evaluations must be parallel");
    let mut ranks: Vec<Rank> = offers
        .iter()
        .zip(evaluated)
        .enumerate()
        .filter_map(|(i, (offer, e))| rank(i, offer, e))
        .collect();
    ranks.sort_by(buy_box_order);
    let winner = ranks.first()?;
    // The runner-up is the closest competitor: the first key where the two differ decided.
    let why = match ranks.get(1) {
        None => WhyChosen::OnlyOffer,
        Some(next) if winner.landed != next.landed => WhyChosen::LowestLandedPrice,
        Some(next) if winner.date != next.date => WhyChosen::EarliestDelivery,
        Some(next) if winner.rating.cmp_average(next.rating) != Ordering::Equal => {
            WhyChosen::BetterRating
        }
        Some(_) => WhyChosen::OlderOffer,
    };
    Some(BuyBox { winner: winner.index, why })
}

/// Evaluates every offer for the shopper and picks the buy box.
pub fn buy_box(
    offers: &[OfferFacts],
    cold_chain: bool,
    county: County,
    now: DateTime<Utc>,
) -> (Vec<Evaluated>, Option<BuyBox>) {
    let evaluated: Vec<Evaluated> =
        offers.iter().map(|o| evaluate(o, cold_chain, county, now)).collect();
    let chosen = choose(offers, &evaluated);
    (evaluated, chosen)
}

/// Where one offer stands in the buy box, as its seller sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// It has the buy box now.
    Wins,
    /// Another offer has it. At this item price (or lower), with its delivery terms unchanged,
    /// its landed price would be strictly the lowest: it would win on price alone.
    PriceToWin(i64),
    /// Another offer has it, and no price of at least one cent would win on price alone: the
    /// winner's landed price is at or below this offer's cheapest delivery fee.
    CannotWinOnPrice,
    /// It cannot be bought now, so it does not compete.
    Unavailable(Unavailable),
}

/// The standing of `offers[mine]` for a shopper in `county` at `now`. The price to win is found
/// per delivery method, above and below its free-delivery threshold (where the landed price
/// jumps), so it is exact for the landed-price rule; a tie-break could win at a slightly higher
/// price, which is not promised.
pub fn standing(offers: &[OfferFacts], mine: usize, cold_chain: bool, county: County, now: DateTime<Utc>) -> Standing {
    let (evaluated, chosen) = buy_box(offers, cold_chain, county, now);
    let Some(me) = evaluated.get(mine) else { return Standing::CannotWinOnPrice };
    if let Some(why) = me.unavailable {
        return Standing::Unavailable(why);
    }
    if chosen.as_ref().is_some_and(|c| c.winner == mine) {
        return Standing::Wins;
    }
    let Some(target) = evaluated
        .iter()
        .enumerate()
        .filter(|(i, e)| *i != mine && e.buyable())
        .filter_map(|(_, e)| e.landed_cents)
        .min()
    else {
        return Standing::Wins;
    };
    let best = offers[mine]
        .methods
        .iter()
        .filter(|m| m.serves(county) && m.suits(cold_chain))
        .flat_map(|m| {
            // From the threshold up the delivery is free: the item price alone is landed.
            let free = m.free_over_cents.filter(|&f| target > f).map(|_| target - 1);
            // Below it the method's price is added.
            let paid = (target - 1 - m.price_cents).min(m.free_over_cents.map_or(i64::MAX, |f| f - 1));
            [free, Some(paid)]
        })
        .flatten()
        .filter(|p| *p >= 1)
        .max();
    match best {
        Some(p) => Standing::PriceToWin(p),
        None => Standing::CannotWinOnPrice,
    }
}

/// How the "offers from other sellers" list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OfferSort {
    /// Lowest landed price first (the buy-box order).
    #[default]
    Landed,
    /// Earliest delivery date first.
    Date,
    /// Best seller rating first.
    Rating,
}

impl OfferSort {
    pub const ALL: [OfferSort; 3] = [OfferSort::Landed, OfferSort::Date, OfferSort::Rating];

    /// The code used in the page's query string.
    pub fn code(self) -> &'static str {
        match self {
            OfferSort::Landed => "landed",
            OfferSort::Date => "date",
            OfferSort::Rating => "rating",
        }
    }

    /// The sort with this exact code, if any.
    pub fn from_code(code: &str) -> Option<OfferSort> {
        OfferSort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The display order of the offers (indices into the parallel slices): buyable offers first,
/// sorted by `sort` (landed price ascending, earliest date ascending, or rating descending) with
/// ties in buy-box order; then the offers that cannot be bought, cheapest item price first
/// (then older offer, lower id).
pub fn sort_order(offers: &[OfferFacts], evaluated: &[Evaluated], sort: OfferSort) -> Vec<usize> {
    debug_assert_eq!(offers.len(), evaluated.len(), "offers and evaluations must be parallel");
    let mut buyable = Vec::new();
    let mut rest = Vec::new();
    for (i, (offer, e)) in offers.iter().zip(evaluated).enumerate() {
        match rank(i, offer, e) {
            Some(r) => buyable.push(r),
            None => rest.push((i, offer)),
        }
    }
    match sort {
        OfferSort::Landed => buyable.sort_by(buy_box_order),
        OfferSort::Date => {
            buyable.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| buy_box_order(a, b)));
        }
        OfferSort::Rating => {
            buyable
                .sort_by(|a, b| b.rating.cmp_average(a.rating).then_with(|| buy_box_order(a, b)));
        }
    }
    rest.sort_by(|(i, a), (j, b)| {
        a.price_cents
            .cmp(&b.price_cents)
            .then(a.created_at.cmp(&b.created_at))
            .then(a.offer_id.cmp(&b.offer_id))
            .then(i.cmp(j))
    });
    buyable.iter().map(|r| r.index).chain(rest.iter().map(|(i, _)| *i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone, Weekday};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Sunday 2026-11-22, 12:00 in Tallinn. Courier (1–2 days): Mon 23 – Tue 24; parcel (3–7):
    /// Wed 25 – Tue 1 Dec; cold courier: Tue 24.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
    }

    fn listed(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0).unwrap()
    }

    fn method(id: i32, kind: DeliveryKind, price_cents: i64, days: (u32, u32)) -> MethodTerms {
        MethodTerms {
            id,
            kind,
            price_cents,
            free_over_cents: None,
            regions: vec![],
            days_min: days.0,
            days_max: days.1,
            active: true,
        }
    }

    fn courier(id: i32, price_cents: i64) -> MethodTerms {
        method(id, DeliveryKind::Courier, price_cents, (1, 2))
    }

    fn parcel(id: i32, price_cents: i64) -> MethodTerms {
        method(id, DeliveryKind::ParcelLocker, price_cents, (3, 7))
    }

    fn cold_courier(id: i32, price_cents: i64) -> MethodTerms {
        MethodTerms {
            regions: vec![County::Harju, County::Tartu],
            ..method(id, DeliveryKind::ColdCourier, price_cents, (0, 0))
        }
    }

    fn stars(average_tenths: i64) -> Rating {
        Rating { stars_total: average_tenths, count: 10 }
    }

    fn offer(offer_id: i32, price_cents: i64, methods: Vec<MethodTerms>) -> OfferFacts {
        OfferFacts {
            offer_id,
            price_cents,
            stock: 5,
            active: true,
            seller_active: true,
            seller_rating: stars(45),
            created_at: listed(10),
            handling_days: 0,
            methods,
        }
    }

    fn run(offers: &[OfferFacts]) -> (Vec<Evaluated>, Option<BuyBox>) {
        buy_box(offers, false, County::Harju, now())
    }

    #[test]
    fn average_tenths_rounds_half_up() {
        assert_eq!(Rating { stars_total: 233, count: 50 }.average_tenths(), Some(47)); // 4.66
        assert_eq!(Rating { stars_total: 93, count: 20 }.average_tenths(), Some(47)); // 4.65
        assert_eq!(Rating { stars_total: 232, count: 50 }.average_tenths(), Some(46)); // 4.64
        assert_eq!(Rating { stars_total: 14, count: 3 }.average_tenths(), Some(47)); // 4.666…
        assert_eq!(Rating { stars_total: 5, count: 1 }.average_tenths(), Some(50));
        assert_eq!(Rating { stars_total: 1, count: 1 }.average_tenths(), Some(10));
        assert_eq!(Rating::default().average_tenths(), None);
    }

    #[test]
    fn averages_compare_exactly() {
        let r = |stars_total, count| Rating { stars_total, count };
        // 14/3 = 28/6 exactly.
        assert_eq!(r(14, 3).cmp_average(&r(28, 6)), Ordering::Equal);
        // 4.5 < 4.666…, although both show as 4.5 / 4.7 only after rounding.
        assert_eq!(r(9, 2).cmp_average(&r(14, 3)), Ordering::Less);
        assert_eq!(r(14, 3).cmp_average(&r(9, 2)), Ordering::Greater);
        // 4.65 and 4.66 both round to 4.7 but are not equal.
        assert_eq!(r(93, 20).cmp_average(&r(233, 50)), Ordering::Less);
        // No reviews ranks below a single one-star review; two sellers without reviews tie.
        assert_eq!(Rating::default().cmp_average(&r(1, 1)), Ordering::Less);
        assert_eq!(r(1, 1).cmp_average(&Rating::default()), Ordering::Greater);
        assert_eq!(Rating::default().cmp_average(&Rating::default()), Ordering::Equal);
    }

    #[test]
    fn quotes_list_serving_methods_cheapest_then_earliest() {
        let off = MethodTerms { active: false, ..courier(10, 100) };
        let elsewhere = MethodTerms { regions: vec![County::Saare], ..courier(11, 50) };
        let pickup = method(12, DeliveryKind::Pickup, 300, (1, 1));
        let o = offer(1, 2000, vec![courier(13, 500), parcel(14, 300), off, elsewhere, pickup]);
        let e = evaluate(&o, false, County::Harju, now());
        let ids: Vec<i32> = e.quotes.iter().map(|q| q.method_id).collect();
        // Pickup and parcel both cost 3.00 €; pickup is ready Monday, the parcel Wednesday.
        assert_eq!(ids, vec![12, 14, 13]);
        assert_eq!(e.best().map(|q| q.kind), Some(DeliveryKind::Pickup));
        assert_eq!(e.landed_cents, Some(2300));
        assert!(e.buyable());
        assert_eq!(
            e.quotes[1].window,
            DeliveryWindow { earliest: date(2026, 11, 25), latest: date(2026, 12, 1) }
        );

        // Same fee: the earlier first date wins even if its window ends later.
        let wide = method(20, DeliveryKind::Courier, 400, (1, 9)); // Mon 23 .. Thu 3 Dec
        let narrow = method(21, DeliveryKind::Courier, 400, (2, 2)); // Tue 24
        let e = evaluate(&offer(2, 2000, vec![narrow, wide]), false, County::Harju, now());
        let ids: Vec<i32> = e.quotes.iter().map(|q| q.method_id).collect();
        assert_eq!(ids, vec![20, 21]);
        assert_eq!(e.best().map(|q| q.window.latest), Some(date(2026, 12, 3)));
    }

    #[test]
    fn equal_landed_price_earlier_date_wins() {
        // Both 13.00 € landed; the courier offer arrives Mon 23, the parcel one Wed 25. The
        // parcel seller is better rated and listed earlier, but the date decides first.
        let slow = OfferFacts {
            seller_rating: stars(49),
            created_at: listed(1),
            ..offer(1, 1000, vec![parcel(1, 300)])
        };
        let fast = OfferFacts {
            seller_rating: stars(40),
            created_at: listed(20),
            ..offer(2, 1100, vec![courier(2, 200)])
        };
        let (evaluated, chosen) = run(&[slow, fast]);
        assert_eq!(evaluated[0].landed_cents, Some(1300));
        assert_eq!(evaluated[1].landed_cents, Some(1300));
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::EarliestDelivery }));
    }

    #[test]
    fn equal_date_better_rating_wins() {
        let older = OfferFacts {
            seller_rating: stars(45),
            created_at: listed(1),
            ..offer(1, 1000, vec![courier(1, 300)])
        };
        let better = OfferFacts {
            seller_rating: stars(48),
            created_at: listed(20),
            ..offer(2, 1000, vec![courier(2, 300)])
        };
        let (_, chosen) = run(&[older, better]);
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::BetterRating }));
    }

    #[test]
    fn equal_rating_older_offer_wins() {
        // 4.5 from 2 reviews equals 4.5 from 10: the offer listed first wins.
        let newer = OfferFacts {
            seller_rating: Rating { stars_total: 9, count: 2 },
            created_at: listed(20),
            ..offer(1, 1000, vec![courier(1, 300)])
        };
        let older = OfferFacts { created_at: listed(2), ..offer(2, 1000, vec![courier(2, 300)]) };
        let (_, chosen) = run(&[newer.clone(), older.clone()]);
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::OlderOffer }));

        // Listed the same instant: the lower offer id wins, still "older offer".
        let twin_a = OfferFacts { offer_id: 9, created_at: listed(2), ..newer };
        let twin_b = OfferFacts { offer_id: 8, ..older };
        let (_, chosen) = run(&[twin_a, twin_b]);
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::OlderOffer }));
    }

    #[test]
    fn cheaper_item_loses_to_cheaper_landed_price() {
        // 10.00 € + 7.00 € delivery = 17.00 € against 12.00 € with free delivery from 10.00 €.
        let cheap_item = offer(1, 1000, vec![courier(1, 700)]);
        let free_delivery = MethodTerms { free_over_cents: Some(1000), ..courier(2, 700) };
        let cheap_landed = offer(2, 1200, vec![free_delivery]);
        let (evaluated, chosen) = run(&[cheap_item, cheap_landed]);
        assert_eq!(evaluated[0].landed_cents, Some(1700));
        assert_eq!(evaluated[1].landed_cents, Some(1200));
        assert_eq!(evaluated[1].best().map(|q| q.fee_cents), Some(0));
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::LowestLandedPrice }));
    }

    #[test]
    fn free_delivery_threshold_at_and_one_cent_below() {
        // The food store's terms: 7.00 €, free from 39.90 €.
        let food = MethodTerms { free_over_cents: Some(3990), ..courier(1, 700) };
        let below = offer(1, 3989, vec![food.clone()]);
        let at = offer(2, 3990, vec![food]);
        let (evaluated, chosen) = run(&[below, at]);
        assert_eq!(evaluated[0].best().map(|q| q.fee_cents), Some(700));
        assert_eq!(evaluated[0].landed_cents, Some(4689));
        assert_eq!(evaluated[1].best().map(|q| q.fee_cents), Some(0));
        assert_eq!(evaluated[1].landed_cents, Some(3990));
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::LowestLandedPrice }));
    }

    #[test]
    fn out_of_stock_never_wins() {
        let empty = OfferFacts { stock: 0, ..offer(1, 100, vec![courier(1, 0)]) };
        let negative = OfferFacts { stock: -2, ..offer(2, 200, vec![courier(2, 0)]) };
        let dear = offer(3, 9000, vec![courier(3, 900)]);
        let (evaluated, chosen) = run(&[empty, negative, dear]);
        assert_eq!(evaluated[0].unavailable, Some(Unavailable::OutOfStock));
        assert_eq!(evaluated[1].unavailable, Some(Unavailable::OutOfStock));
        assert_eq!(evaluated[0].landed_cents, None);
        assert!(!evaluated[0].buyable());
        assert_eq!(chosen, Some(BuyBox { winner: 2, why: WhyChosen::OnlyOffer }));
    }

    #[test]
    fn paused_offer_never_wins() {
        let paused = OfferFacts { active: false, ..offer(1, 100, vec![courier(1, 0)]) };
        let other = offer(2, 5000, vec![parcel(2, 300)]);
        let (evaluated, chosen) = run(&[paused, other]);
        assert_eq!(evaluated[0].unavailable, Some(Unavailable::Paused));
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::OnlyOffer }));
    }

    #[test]
    fn suspended_seller_never_wins_even_if_cheapest() {
        let suspended = OfferFacts {
            seller_active: false,
            seller_rating: stars(50),
            created_at: listed(1),
            ..offer(1, 100, vec![courier(1, 0)])
        };
        let fair = offer(2, 5000, vec![courier(2, 300)]);
        let other = offer(3, 6000, vec![courier(3, 300)]);
        let (evaluated, chosen) = run(&[suspended, fair, other]);
        assert_eq!(evaluated[0].unavailable, Some(Unavailable::SellerNotActive));
        assert_eq!(evaluated[0].landed_cents, None);
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::LowestLandedPrice }));
    }

    #[test]
    fn unavailable_reason_is_the_first_that_applies() {
        let nowhere = MethodTerms { regions: vec![County::Saare], ..courier(1, 300) };
        let base = offer(1, 1000, vec![nowhere]);
        let reason = |o: OfferFacts| evaluate(&o, false, County::Harju, now()).unavailable;
        let all_wrong =
            OfferFacts { active: false, seller_active: false, stock: 0, ..base.clone() };
        assert_eq!(reason(all_wrong), Some(Unavailable::Paused));
        let seller_and_stock = OfferFacts { seller_active: false, stock: 0, ..base.clone() };
        assert_eq!(reason(seller_and_stock), Some(Unavailable::SellerNotActive));
        assert_eq!(reason(OfferFacts { stock: 0, ..base.clone() }), Some(Unavailable::OutOfStock));
        assert_eq!(reason(base), Some(Unavailable::NoDeliveryToCounty));
    }

    #[test]
    fn county_without_delivery() {
        // The seller delivers only in Pärnu county; the shopper is in Tartu.
        let parnu_only = MethodTerms { regions: vec![County::Parnu], ..courier(1, 300) };
        let parnu_parcel = MethodTerms { regions: vec![County::Parnu], ..parcel(2, 200) };
        let offers = [offer(1, 1000, vec![parnu_only, parnu_parcel])];
        let (evaluated, chosen) = buy_box(&offers, false, County::Tartu, now());
        assert_eq!(evaluated[0].unavailable, Some(Unavailable::NoDeliveryToCounty));
        assert!(evaluated[0].quotes.is_empty());
        assert_eq!(evaluated[0].landed_cents, None);
        assert_eq!(chosen, None);

        // The same offer in Pärnu is buyable with the cheaper parcel.
        let (evaluated, chosen) = buy_box(&offers, false, County::Parnu, now());
        assert_eq!(evaluated[0].landed_cents, Some(1200));
        assert_eq!(chosen, Some(BuyBox { winner: 0, why: WhyChosen::OnlyOffer }));
    }

    #[test]
    fn cold_chain_goods_need_the_cold_courier() {
        let parcel_seller = offer(1, 500, vec![parcel(1, 200)]);
        let cold_seller = offer(2, 900, vec![cold_courier(2, 500), courier(3, 100)]);
        let offers = [parcel_seller, cold_seller];

        let (evaluated, chosen) = buy_box(&offers, true, County::Tartu, now());
        assert_eq!(evaluated[0].unavailable, Some(Unavailable::NoDeliveryToCounty));
        // The ordinary courier may not carry cold goods either: only the cold courier is quoted.
        assert_eq!(evaluated[1].quotes.len(), 1);
        let best = evaluated[1].best().unwrap();
        assert_eq!(best.kind, DeliveryKind::ColdCourier);
        assert_eq!(best.window.earliest, date(2026, 11, 24));
        assert_eq!(best.window.earliest.weekday(), Weekday::Tue);
        assert_eq!(evaluated[1].landed_cents, Some(1400));
        assert_eq!(chosen, Some(BuyBox { winner: 1, why: WhyChosen::OnlyOffer }));

        // Ordered Monday 2026-11-23 at 07:30 Tallinn (05:30 UTC): past the cut-off, Friday 27.
        let monday = Utc.with_ymd_and_hms(2026, 11, 23, 5, 30, 0).unwrap();
        let (evaluated, _) = buy_box(&offers, true, County::Harju, monday);
        let day = evaluated[1].best().unwrap().window.earliest;
        assert_eq!((day, day.weekday()), (date(2026, 11, 27), Weekday::Fri));

        // The cold courier does not go to Pärnu county: nothing can be bought there.
        assert_eq!(buy_box(&offers, true, County::Parnu, now()).1, None);

        // Ordinary goods: the cheaper parcel seller wins.
        let (_, chosen) = buy_box(&offers, false, County::Tartu, now());
        assert_eq!(chosen, Some(BuyBox { winner: 0, why: WhyChosen::LowestLandedPrice }));
    }

    #[test]
    fn nothing_buyable_is_none() {
        assert_eq!(run(&[]).1, None);
        let paused = OfferFacts { active: false, ..offer(1, 1000, vec![courier(1, 300)]) };
        let empty = OfferFacts { stock: 0, ..offer(2, 1000, vec![courier(2, 300)]) };
        let no_methods = offer(3, 1000, vec![]);
        let (evaluated, chosen) = run(&[paused, empty, no_methods]);
        assert_eq!(chosen, None);
        assert_eq!(evaluated[2].unavailable, Some(Unavailable::NoDeliveryToCounty));
        assert!(evaluated.iter().all(|e| !e.buyable()));
    }

    #[test]
    fn winner_does_not_depend_on_input_order() {
        let offers = vec![
            offer(1, 1000, vec![parcel(1, 300)]),
            OfferFacts { seller_rating: stars(48), ..offer(2, 1000, vec![parcel(2, 300)]) },
            offer(3, 1100, vec![courier(3, 200)]),
            OfferFacts { created_at: listed(1), ..offer(4, 1100, vec![courier(4, 200)]) },
        ];
        // Offers 3 and 4 (courier, Monday) beat 1 and 2 (parcel, Wednesday) at 13.00 €;
        // 4 is older.
        for rotation in 0..offers.len() {
            let mut shuffled = offers.clone();
            shuffled.rotate_left(rotation);
            let (_, chosen) = run(&shuffled);
            let chosen = chosen.unwrap();
            assert_eq!(shuffled[chosen.winner].offer_id, 4);
            assert_eq!(chosen.why, WhyChosen::OlderOffer);
        }
    }

    #[test]
    fn offer_sort_codes() {
        assert_eq!(OfferSort::default(), OfferSort::Landed);
        for sort in OfferSort::ALL {
            assert_eq!(OfferSort::from_code(sort.code()), Some(sort));
        }
        assert_eq!(OfferSort::Date.code(), "date");
        assert_eq!(OfferSort::from_code("price"), None);
    }

    #[test]
    fn sort_order_for_each_sort() {
        let offers = [
            // 0: 13.00 € landed, Wed 25, 4.9 stars, listed first.
            OfferFacts {
                seller_rating: stars(49),
                created_at: listed(1),
                ..offer(10, 1000, vec![parcel(1, 300)])
            },
            // 1: 14.00 €, Mon 23, 5.0 stars.
            OfferFacts { seller_rating: stars(50), ..offer(11, 1200, vec![courier(2, 200)]) },
            // 2: 14.00 €, Mon 23, 4.0 stars.
            OfferFacts { seller_rating: stars(40), ..offer(12, 1100, vec![courier(3, 300)]) },
            // 3: paused, the cheapest item.
            OfferFacts { active: false, ..offer(13, 500, vec![courier(4, 300)]) },
            // 4: out of stock.
            OfferFacts { stock: 0, ..offer(14, 800, vec![courier(5, 300)]) },
            // 5: 15.00 €, Wed 25, no reviews.
            OfferFacts {
                seller_rating: Rating::default(),
                ..offer(15, 1250, vec![parcel(6, 250)])
            },
            // 6: 14.00 €, Wed 25, 4.0 stars (ties with 2 on rating; 2 arrives earlier).
            OfferFacts { seller_rating: stars(40), ..offer(16, 1000, vec![parcel(7, 400)]) },
        ];
        let (evaluated, chosen) = run(&offers);
        assert_eq!(chosen, Some(BuyBox { winner: 0, why: WhyChosen::LowestLandedPrice }));
        // Landed: 13.00; then the 14.00 € group by date (1, 2 Monday; 6 Wednesday) and rating
        // (1 before 2); then 15.00; then unbuyable by price (3 at 5.00, 4 at 8.00).
        assert_eq!(sort_order(&offers, &evaluated, OfferSort::Landed), vec![0, 1, 2, 6, 5, 3, 4]);
        // Date: Monday 1, 2 (buy-box order: 1 rated higher); Wednesday 0, 6, 5 (by landed).
        assert_eq!(sort_order(&offers, &evaluated, OfferSort::Date), vec![1, 2, 0, 6, 5, 3, 4]);
        // Rating: 5.0, 4.9, then 4.0 twice (2 before 6 by date), then no reviews.
        assert_eq!(sort_order(&offers, &evaluated, OfferSort::Rating), vec![1, 0, 2, 6, 5, 3, 4]);
    }

    #[test]
    fn sort_order_puts_unbuyable_last_by_price() {
        let offers = [
            OfferFacts { stock: 0, ..offer(1, 900, vec![courier(1, 300)]) },
            OfferFacts { active: false, ..offer(2, 100, vec![courier(2, 300)]) },
            offer(3, 5000, vec![courier(3, 300)]),
            OfferFacts { seller_active: false, ..offer(4, 400, vec![courier(4, 300)]) },
        ];
        let (evaluated, _) = run(&offers);
        for sort in OfferSort::ALL {
            assert_eq!(sort_order(&offers, &evaluated, sort), vec![2, 1, 3, 0], "{sort:?}");
        }
    }

    #[test]
    fn standing_says_what_price_would_win() {
        // Winner: 10.00 € + 2.00 € courier = 12.00 €. Mine: 11.50 € + 3.00 € = 14.50 €.
        let offers = vec![offer(1, 1000, vec![courier(10, 200)]), offer(2, 1150, vec![courier(20, 300)])];
        assert_eq!(standing(&offers, 0, false, County::Harju, now()), Standing::Wins);
        let Standing::PriceToWin(p) = standing(&offers, 1, false, County::Harju, now()) else { panic!() };
        // Strictly under 12.00 € landed: 8.99 € + 3.00 €.
        assert_eq!(p, 899);
        // Checked by the rule itself: at that price it wins, one cent more it does not on price.
        let mut at = offers.clone();
        at[1].price_cents = p;
        assert_eq!(run(&at).1.unwrap().winner, 1);
        at[1].price_cents = p + 1;
        let (e, _) = run(&at);
        assert_eq!(e[1].landed_cents, e[0].landed_cents, "one cent more ties the winner's landed price");
    }

    #[test]
    fn standing_counts_free_delivery_above_the_threshold() {
        // Winner lands at 40.00 €. Mine: 3.99 € delivery, free from 39.90 €: at 39.99 € it lands
        // at 39.99 € (free), better than any price under the threshold (at most 36.00 €).
        let mut mine = courier(20, 399);
        mine.free_over_cents = Some(3990);
        let offers = vec![offer(1, 3800, vec![courier(10, 200)]), offer(2, 4500, vec![mine])];
        assert_eq!(standing(&offers, 1, false, County::Harju, now()), Standing::PriceToWin(3999));
        let mut at = offers.clone();
        at[1].price_cents = 3999;
        assert_eq!(run(&at).1.unwrap().winner, 1);
        // A threshold above the target: only the paid side counts.
        let mut high = courier(20, 399);
        high.free_over_cents = Some(5000);
        let offers = vec![offer(1, 3800, vec![courier(10, 200)]), offer(2, 4500, vec![high])];
        assert_eq!(standing(&offers, 1, false, County::Harju, now()), Standing::PriceToWin(4000 - 1 - 399));
    }

    #[test]
    fn standing_when_price_cannot_win_or_the_offer_cannot_be_bought() {
        // The winner lands at 2.50 €; mine's delivery alone costs 3.00 €.
        let offers = vec![offer(1, 50, vec![courier(10, 200)]), offer(2, 1000, vec![courier(20, 300)])];
        assert_eq!(standing(&offers, 1, false, County::Harju, now()), Standing::CannotWinOnPrice);
        let mut paused = offers.clone();
        paused[1].active = false;
        assert_eq!(standing(&paused, 1, false, County::Harju, now()), Standing::Unavailable(Unavailable::Paused));
        let mut empty = offers.clone();
        empty[1].stock = 0;
        assert_eq!(standing(&empty, 1, false, County::Harju, now()), Standing::Unavailable(Unavailable::OutOfStock));
        // Alone, it wins.
        assert_eq!(standing(&offers[1..], 0, false, County::Harju, now()), Standing::Wins);
    }
}
