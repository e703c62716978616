//! Loads a product's offers, and evaluates them with their sellers and delivery methods (from
//! the catalog snapshot) by the pure buy-box rule for the shopper's county. One query, whatever
//! the number of offers (three when an offer names a seller the snapshot does not know yet).

use super::buybox::{buy_box, sort_order, OfferFacts, OfferSort, Rating};
use super::{BuyBoxView, DeliveryOption, OfferView, ProductOffers, SellerBrief};
use crate::db::entity::{delivery_method, offer, seller};
use crate::delivery::{County, MethodTerms};
use crate::catalog::snapshot::Snapshot;
use crate::catalog::SellerStatus;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The text of a `{"et": …, "en": …, "ru": …}` column in `lang` (English, then any, as fallback).
pub fn localized(json: &str, lang: Lang) -> String {
    let map: HashMap<String, String> = serde_json::from_str(json).unwrap_or_default();
    map.get(lang.code()).or_else(|| map.get("en")).or_else(|| map.values().next()).cloned().unwrap_or_default()
}

pub fn seller_brief(s: &seller::Model) -> SellerBrief {
    SellerBrief {
        slug: s.slug.clone(),
        name: s.name.clone(),
        country: s.country.clone(),
        rating_tenths: rating(s).average_tenths(),
        review_count: s.review_count,
    }
}

pub fn rating(s: &seller::Model) -> Rating {
    Rating { stars_total: s.rating_stars_total, count: i64::from(s.review_count) }
}

pub fn method_terms(m: &delivery_method::Model) -> MethodTerms {
    let regions: Vec<String> = serde_json::from_str(&m.regions).unwrap_or_default();
    MethodTerms {
        id: m.id,
        kind: m.kind,
        price_cents: m.price_cents,
        free_over_cents: m.free_over_cents,
        // An unknown county code is dropped rather than widening the method to all of Estonia.
        regions: regions.iter().filter_map(|c| County::from_code(c)).collect(),
        days_min: m.days_min.max(0) as u32,
        days_max: m.days_max.max(m.days_min).max(0) as u32,
        active: m.active,
    }
}

/// What the buy box knows of one offer: its seller's standing and rating, and those of the
/// seller's active methods the offer allows (all of them when it names none).
pub fn offer_facts(o: &offer::Model, s: &seller::Model, methods: &[delivery_method::Model]) -> OfferFacts {
    let allowed: Option<Vec<i32>> = o.delivery_method_ids.as_deref().and_then(|j| serde_json::from_str(j).ok());
    OfferFacts {
        offer_id: o.id,
        price_cents: o.price_cents,
        stock: o.stock,
        active: o.active,
        seller_active: s.status == SellerStatus::Active,
        seller_rating: rating(s),
        created_at: o.created_at,
        handling_days: o.handling_days.max(0) as u32,
        methods: methods
            .iter()
            .filter(|m| allowed.as_ref().is_none_or(|ids| ids.contains(&m.id)))
            .map(method_terms)
            .collect(),
    }
}

/// The buy-box standing of each of one seller's offers (by offer id) in `county` at `now`,
/// against every other shown offer of the same products. Two queries (four when a seller is
/// newer than the snapshot), whatever the number of products.
pub async fn standings<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    seller_id: i32,
    products: &[(i32, bool)],
    county: County,
    now: DateTime<Utc>,
) -> Result<HashMap<i32, super::buybox::Standing>, DbErr> {
    use super::buybox::standing;
    let ids: Vec<i32> = products.iter().map(|(id, _)| *id).collect();
    let offers = offer::Entity::find()
        .filter(offer::Column::ProductId.is_in(ids))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?;
    let seller_ids: Vec<i32> = offers.iter().map(|o| o.seller_id).collect();
    let known = snapshot.knowing(db, &seller_ids).await?;
    let mut out = HashMap::new();
    for &(product_id, cold_chain) in products {
        // The offers that compete: the seller's own (even paused) and other shown ones.
        let mut facts = Vec::new();
        let mut mine = Vec::new();
        for o in offers.iter().filter(|o| o.product_id == product_id) {
            let Some(s) = known.seller(o.seller_id) else { continue };
            let own = o.seller_id == seller_id;
            if !own && (s.status != SellerStatus::Active || !o.active) {
                continue;
            }
            if own {
                mine.push((o.id, facts.len()));
            }
            facts.push(offer_facts(o, s, known.methods(o.seller_id)));
        }
        for (offer_id, index) in mine {
            out.insert(offer_id, standing(&facts, index, cold_chain, county, now));
        }
    }
    Ok(out)
}

/// Every shown offer of a product evaluated for `county` at `now`.
#[allow(clippy::too_many_arguments)]
pub async fn product_offers<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    lang: Lang,
    product_id: i32,
    cold_chain: bool,
    county: County,
    now: DateTime<Utc>,
) -> Result<ProductOffers, DbErr> {
    let offers = offer::Entity::find()
        .filter(offer::Column::ProductId.eq(product_id))
        .filter(offer::Column::Active.eq(true))
        .order_by_asc(offer::Column::Id)
        .all(db)
        .await?;
    let seller_ids: Vec<i32> = offers.iter().map(|o| o.seller_id).collect();
    let known = snapshot.knowing(db, &seller_ids).await?;
    let sellers: HashMap<i32, &seller::Model> = seller_ids
        .iter()
        .filter_map(|&id| known.seller(id))
        .filter(|s| s.status == SellerStatus::Active)
        .map(|s| (s.id, s))
        .collect();
    let methods: HashMap<i32, &[delivery_method::Model]> = sellers
        .keys()
        .map(|&id| (id, known.methods(id)))
        .collect();

    // Offers of sellers not in good standing are not shown (and so never win).
    let offers: Vec<offer::Model> = offers.into_iter().filter(|o| sellers.contains_key(&o.seller_id)).collect();
    let facts: Vec<OfferFacts> = offers
        .iter()
        .map(|o| offer_facts(o, sellers[&o.seller_id], methods.get(&o.seller_id).copied().unwrap_or_default()))
        .collect();
    let (evaluated, chosen) = buy_box(&facts, cold_chain, county, now);
    let landed = sort_order(&facts, &evaluated, OfferSort::Landed);
    // Positions in the landed order, so the other orders can index the shown list.
    let mut position = vec![0; landed.len()];
    for (pos, &i) in landed.iter().enumerate() {
        position[i] = pos;
    }
    let reorder = |sort| sort_order(&facts, &evaluated, sort).into_iter().map(|i| position[i]).collect();
    let names: HashMap<i32, String> =
        methods.values().flat_map(|m| m.iter()).map(|m| (m.id, localized(&m.name, lang))).collect();
    let free_over: HashMap<i32, Option<i64>> =
        methods.values().flat_map(|m| m.iter()).map(|m| (m.id, m.free_over_cents)).collect();
    let views = landed
        .iter()
        .map(|&i| {
            let (o, e) = (&offers[i], &evaluated[i]);
            OfferView {
                offer_id: o.id,
                seller: seller_brief(sellers[&o.seller_id]),
                price_cents: o.price_cents,
                stock: o.stock,
                condition: o.condition.clone(),
                landed_cents: e.landed_cents,
                options: e
                    .quotes
                    .iter()
                    .map(|q| DeliveryOption {
                        name: names.get(&q.method_id).cloned().unwrap_or_default(),
                        kind: q.kind,
                        fee_cents: q.fee_cents,
                        free_over_cents: free_over.get(&q.method_id).copied().flatten(),
                        earliest: q.window.earliest,
                        latest: q.window.latest,
                    })
                    .collect(),
                unavailable: e.unavailable,
            }
        })
        .collect();
    Ok(ProductOffers {
        county,
        offers: views,
        buy_box: chosen.map(|b| BuyBoxView { index: position[b.winner], why: b.why }),
        by_date: reorder(OfferSort::Date),
        by_rating: reorder(OfferSort::Rating),
    })
}
