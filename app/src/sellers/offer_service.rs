//! A seller's offers, read and changed for one of its members (the `Member` guard carries the
//! seller: every query is limited to it). A change recomputes the product's offer summary and
//! marks it changed in the same transaction, so every instance's buy box, search entry and page
//! cache follow within a poll of the change feed.

use super::area::Member;
use super::offers::{
    validate_offer, MethodChoice, OfferEditor, OfferField, OfferForm, OfferProblem, OfferRow, OffersPage, ProductBrief,
    OFFERS_PER_PAGE,
};
use crate::catalog::paging::Page;
use crate::catalog::snapshot::Snapshot;
use crate::db::entity::{delivery_method, offer, product, product_text};
use crate::delivery::County;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, SqlErr, TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// Why an offer was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("invalid terms: {0:?}")]
    Invalid(Vec<(OfferField, OfferProblem)>),
    /// The seller already offers this product: its offer's id.
    #[error("the seller already offers the product: offer {0}")]
    Exists(i32),
    /// No such product, or an offer that is not this seller's.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn brief(p: &product::Model, titles: &HashMap<i32, String>, own_offer: Option<i32>) -> ProductBrief {
    ProductBrief {
        id: p.id,
        slug: p.slug.clone(),
        title: titles.get(&p.id).cloned().unwrap_or_else(|| p.slug.clone()),
        ean: p.ean.clone(),
        own_offer,
    }
}

/// One page of the member's seller's offers, newest first, each with its buy-box standing in
/// the default county.
pub async fn offers_page<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    me: &Member,
    lang: Lang,
    requested: u64,
    now: DateTime<Utc>,
) -> Result<OffersPage, DbErr> {
    let mine = offer::Entity::find().filter(offer::Column::SellerId.eq(me.seller_id()));
    let total = mine.clone().count(db).await?;
    let page = Page::new(requested, total, OFFERS_PER_PAGE);
    let offers = mine
        .order_by_desc(offer::Column::Id)
        .offset(page.offset(OFFERS_PER_PAGE))
        .limit(OFFERS_PER_PAGE)
        .all(db)
        .await?;
    let product_ids: Vec<i32> = offers.iter().map(|o| o.product_id).collect();
    let products = crate::catalog::service::products_by_id(db, product_ids.clone()).await?;
    let titles = crate::catalog::service::titles(db, &product_ids, lang).await?;
    let cold: Vec<(i32, bool)> = products.values().map(|p| (p.id, p.cold_chain)).collect();
    let standings = crate::offers::service::standings(db, snapshot, me.seller_id(), &cold, County::DEFAULT, now).await?;
    let rows = offers
        .iter()
        .filter_map(|o| {
            let p = products.get(&o.product_id)?;
            Some(OfferRow {
                offer_id: o.id,
                product: brief(p, &titles, Some(o.id)),
                price_cents: o.price_cents,
                stock: o.stock,
                handling_days: o.handling_days,
                active: o.active,
                standing: *standings.get(&o.id)?,
            })
        })
        .collect();
    Ok(OffersPage { seller_name: me.seller().name.clone(), rows, page })
}

/// Catalogue products by EAN (exact) or by words of the title in `lang` (at most 20), each
/// with the seller's own offer of it if there is one.
pub async fn find_products<C: ConnectionTrait>(db: &C, me: &Member, lang: Lang, q: &str) -> Result<Vec<ProductBrief>, DbErr> {
    let q = q.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    let found: Vec<product::Model> = if digits.len() >= 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
        product::Entity::find().filter(product::Column::Ean.eq(digits)).limit(20).all(db).await?
    } else {
        let words: Vec<String> = q.split_whitespace().take(5).map(str::to_lowercase).collect();
        let mut ids = product_text::Entity::find()
            .select_only()
            .column(product_text::Column::ProductId)
            .filter(product_text::Column::Lang.eq(lang.code()));
        for w in &words {
            // LIKE with the user's text as a bound value; % and _ in it only widen the match.
            ids = ids.filter(sea_orm::sea_query::ExprTrait::like(sea_orm::sea_query::Func::lower(sea_orm::sea_query::Expr::col(product_text::Column::Title)), format!("%{w}%")));
        }
        let ids: Vec<i32> = ids.order_by_asc(product_text::Column::ProductId).limit(20).into_tuple().all(db).await?;
        product::Entity::find().filter(product::Column::Id.is_in(ids)).order_by_asc(product::Column::Id).all(db).await?
    };
    let ids: Vec<i32> = found.iter().map(|p| p.id).collect();
    let titles = crate::catalog::service::titles(db, &ids, lang).await?;
    let own: HashMap<i32, i32> = offer::Entity::find()
        .select_only()
        .column(offer::Column::ProductId)
        .column(offer::Column::Id)
        .filter(offer::Column::SellerId.eq(me.seller_id()))
        .filter(offer::Column::ProductId.is_in(ids))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(found.iter().map(|p| brief(p, &titles, own.get(&p.id).copied())).collect())
}

/// The seller's delivery methods (active ones), with their names in `lang`.
async fn own_methods<C: ConnectionTrait>(db: &C, seller_id: i32) -> Result<Vec<delivery_method::Model>, DbErr> {
    delivery_method::Entity::find()
        .filter(delivery_method::Column::SellerId.eq(seller_id))
        .filter(delivery_method::Column::Active.eq(true))
        .order_by_asc(delivery_method::Column::Id)
        .all(db)
        .await
}

/// The editor of one of the seller's offers, or of a new offer of a product; `None` when the
/// offer is not the seller's or the product does not exist.
pub async fn editor<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    me: &Member,
    lang: Lang,
    offer_id: Option<i32>,
    product_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Option<OfferEditor>, DbErr> {
    let existing = match offer_id {
        Some(id) => match offer::Entity::find_by_id(id).filter(offer::Column::SellerId.eq(me.seller_id())).one(db).await? {
            Some(o) => Some(o),
            None => return Ok(None),
        },
        None => None,
    };
    let Some(product_id) = existing.as_ref().map(|o| o.product_id).or(product_id) else { return Ok(None) };
    let Some(p) = product::Entity::find_by_id(product_id).one(db).await? else { return Ok(None) };
    // A new offer of a product the seller already offers is that offer.
    let existing = match existing {
        Some(o) => Some(o),
        None => offer::Entity::find()
            .filter(offer::Column::SellerId.eq(me.seller_id()))
            .filter(offer::Column::ProductId.eq(p.id))
            .one(db)
            .await?,
    };
    let titles = crate::catalog::service::titles(db, &[p.id], lang).await?;
    let allowed: Option<Vec<i32>> =
        existing.as_ref().and_then(|o| o.delivery_method_ids.as_deref()).and_then(|j| serde_json::from_str(j).ok());
    let methods = own_methods(db, me.seller_id())
        .await?
        .iter()
        .map(|m| MethodChoice {
            id: m.id,
            name: crate::offers::service::localized(&m.name, lang),
            price_cents: m.price_cents,
            chosen: allowed.as_ref().is_none_or(|ids| ids.contains(&m.id)),
        })
        .collect();
    let offer = match &existing {
        Some(o) => {
            let standings =
                crate::offers::service::standings(db, snapshot, me.seller_id(), &[(p.id, p.cold_chain)], County::DEFAULT, now)
                    .await?;
            standings.get(&o.id).map(|st| OfferRow {
                offer_id: o.id,
                product: brief(&p, &titles, Some(o.id)),
                price_cents: o.price_cents,
                stock: o.stock,
                handling_days: o.handling_days,
                active: o.active,
                standing: *st,
            })
        }
        None => None,
    };
    Ok(Some(OfferEditor { product: brief(&p, &titles, existing.as_ref().map(|o| o.id)), offer, methods, answer: None }))
}

/// Creates the seller's offer of `product_id` (when `offer_id` is `None`) or changes its offer
/// `offer_id`; returns the offer's id. Nothing changes when a term is wrong.
pub async fn save<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    me: &Member,
    offer_id: Option<i32>,
    product_id: i32,
    form: &OfferForm,
    now: DateTime<Utc>,
) -> Result<i32, SaveError> {
    // Another seller's offer is "not found" before anything else is said about it.
    let existing = match offer_id {
        Some(id) => Some(
            offer::Entity::find_by_id(id)
                .filter(offer::Column::SellerId.eq(me.seller_id()))
                .one(db)
                .await?
                .ok_or(SaveError::NotFound)?,
        ),
        None => None,
    };
    let methods: Vec<i32> = own_methods(db, me.seller_id()).await?.iter().map(|m| m.id).collect();
    let terms = validate_offer(form, &methods).map_err(SaveError::Invalid)?;
    let method_ids = terms.method_ids.as_ref().map(|ids| serde_json::to_string(ids).unwrap_or_default());
    let txn = crate::db::begin(db).await?;
    let saved = match existing {
        Some(o) => {
            let mut row: offer::ActiveModel = o.into();
            row.price_cents = Set(terms.price_cents);
            row.stock = Set(terms.stock);
            row.handling_days = Set(terms.handling_days);
            row.active = Set(terms.active);
            row.delivery_method_ids = Set(method_ids);
            row.update(&txn).await?
        }
        None => {
            product::Entity::find_by_id(product_id).one(&txn).await?.ok_or(SaveError::NotFound)?;
            let row = offer::ActiveModel {
                product_id: Set(product_id),
                seller_id: Set(me.seller_id()),
                price_cents: Set(terms.price_cents),
                stock: Set(terms.stock),
                condition: Set("new".to_owned()),
                handling_days: Set(terms.handling_days),
                active: Set(terms.active),
                created_at: Set(now),
                delivery_method_ids: Set(method_ids),
                ..Default::default()
            };
            match row.insert(&txn).await {
                Ok(o) => o,
                Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    drop(txn);
                    let theirs = offer::Entity::find()
                        .filter(offer::Column::SellerId.eq(me.seller_id()))
                        .filter(offer::Column::ProductId.eq(product_id))
                        .one(db)
                        .await?;
                    return Err(theirs.map(|o| SaveError::Exists(o.id)).unwrap_or(SaveError::Db(e)));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    crate::catalog::service::refresh_offer_summary(&txn, saved.product_id).await?;
    crate::sellers::service::refresh_assortment(&txn, Some(&[me.seller_id()][..])).await?;
    txn.commit().await?;
    Ok(saved.id)
}
