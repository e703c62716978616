//! Offers: every seller's terms for a product, evaluated for the shopper's county — landed
//! price, delivery options and dates — and the buy box that picks one. The rule itself is the
//! pure `buybox` module; `service` (ssr) loads the facts from the database; `components` render
//! the buy box on the product page and the comparison on `/{lang}/p/{slug}/offers`.

pub mod buybox;
pub mod components;
#[cfg(feature = "ssr")]
pub mod service;

use crate::delivery::{County, DeliveryKind};
use buybox::{OfferSort, Unavailable, WhyChosen};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a shopper sees of a seller next to an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerBrief {
    pub slug: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 country of registration.
    pub country: String,
    /// Average stars × 10 (47 = 4.7), `None` without reviews.
    pub rating_tenths: Option<i64>,
    pub review_count: i32,
}

/// One way this offer can reach the shopper's county, with its fee for one unit and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryOption {
    pub name: String,
    pub kind: DeliveryKind,
    pub fee_cents: i64,
    /// The goods total from which this method is free, if it ever is.
    pub free_over_cents: Option<i64>,
    #[serde(with = "crate::wire::day")]
    pub earliest: NaiveDate,
    #[serde(with = "crate::wire::day")]
    pub latest: NaiveDate,
}

/// One offer as evaluated for the shopper's county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferView {
    pub offer_id: i32,
    pub seller: SellerBrief,
    pub price_cents: i64,
    pub stock: i32,
    /// `new`, `refurbished` or `used`.
    pub condition: String,
    /// Price plus the cheapest delivery to the county; `None` when it cannot be bought there.
    pub landed_cents: Option<i64>,
    /// Cheapest first; the first is the one the landed price uses.
    pub options: Vec<DeliveryOption>,
    pub unavailable: Option<Unavailable>,
}

/// The chosen offer and the criterion that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyBoxView {
    /// Index into `ProductOffers::offers`.
    pub index: usize,
    pub why: WhyChosen,
}

/// Every visible offer of a product for one county (paused offers and offers of sellers not in
/// good standing are not shown at all), with the buy box and the three sort orders precomputed,
/// so a hydrated page re-sorts without asking the server again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOffers {
    pub county: County,
    /// In buy-box order (landed price, then the tie-breaks); unbuyable offers last.
    pub offers: Vec<OfferView>,
    pub buy_box: Option<BuyBoxView>,
    pub by_date: Vec<usize>,
    pub by_rating: Vec<usize>,
}

impl ProductOffers {
    pub fn winner(&self) -> Option<&OfferView> {
        self.buy_box.as_ref().map(|b| &self.offers[b.index])
    }

    /// Offer indices in the order of `sort`.
    pub fn order(&self, sort: OfferSort) -> Vec<usize> {
        match sort {
            OfferSort::Landed => (0..self.offers.len()).collect(),
            OfferSort::Date => self.by_date.clone(),
            OfferSort::Rating => self.by_rating.clone(),
        }
    }

    /// Buyable offers other than the buy box, and the lowest item price among them.
    pub fn others(&self) -> (usize, Option<i64>) {
        let winner = self.buy_box.as_ref().map(|b| b.index);
        let others: Vec<&OfferView> = self
            .offers
            .iter()
            .enumerate()
            .filter(|(i, o)| Some(*i) != winner && o.unavailable.is_none())
            .map(|(_, o)| o)
            .collect();
        (others.len(), others.iter().map(|o| o.price_cents).min())
    }
}
