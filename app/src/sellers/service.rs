//! Seller queries (server only), the same on SQLite and PostgreSQL.

use super::{
    Requisites, Review, SellerListItem, SellerProfile, SellersPageData, REVIEWS_SHOWN, SELLERS_PER_PAGE,
};
use crate::catalog::{paging::Page, service::cards, snapshot::Snapshot, CategoryLink};
use crate::db::entity::{offer, product, seller, seller_category, seller_review};
use crate::delivery::local_time::to_tallinn;
use crate::i18n::Lang;
use crate::catalog::SellerStatus;
use crate::offers::service::{localized, seller_brief};
use crate::catalog::paging::PER_PAGE;
use sea_orm::{
    sea_query::{Expr, Func, LikeExpr},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// Active sellers, optionally filtered by a name search and a country, by name.
pub async fn sellers_page<C: ConnectionTrait>(
    db: &C,
    q: &str,
    country: Option<&str>,
    page: u64,
) -> Result<SellersPageData, DbErr> {
    let q = q.trim();
    let country = country.map(|c| c.trim().to_ascii_uppercase()).filter(|c| c.len() == 2);
    let mut query = seller::Entity::find().filter(seller::Column::Status.eq(SellerStatus::Active));
    if !q.is_empty() {
        // Case-insensitive on both engines; `%` and `_` typed by the shopper match literally.
        let pattern = format!("%{}%", q.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let name = |col: seller::Column| {
            sea_orm::sea_query::ExprTrait::like(Expr::expr(Func::lower(Expr::col(col))), LikeExpr::new(pattern.clone()).escape('\\'))
        };
        query = query.filter(Condition::any().add(name(seller::Column::Name)).add(name(seller::Column::LegalName)));
    }
    // The country filter's counts follow the name search but not the country itself.
    let countries: Vec<(String, i64)> = query
        .clone()
        .select_only()
        .column(seller::Column::Country)
        .column_as(seller::Column::Id.count(), "n")
        .group_by(seller::Column::Country)
        .order_by_asc(seller::Column::Country)
        .into_tuple()
        .all(db)
        .await?;
    if let Some(c) = &country {
        query = query.filter(seller::Column::Country.eq(c.clone()));
    }
    let total = query.clone().count(db).await?;
    let page = Page::new(page, total, SELLERS_PER_PAGE);
    let rows = query
        .order_by_asc(seller::Column::Name)
        .order_by_asc(seller::Column::Id)
        .offset(page.offset(SELLERS_PER_PAGE))
        .limit(SELLERS_PER_PAGE)
        .all(db)
        .await?;
    Ok(SellersPageData {
        sellers: rows
            .iter()
            .map(|s| SellerListItem { seller: seller_brief(s), trading_since: s.trading_since, city: s.city.clone() })
            .collect(),
        page,
        countries: countries.into_iter().map(|(c, n)| (c, n.max(0) as u64)).collect(),
        q: q.to_owned(),
        country,
    })
}

/// Recounts the sellers' offers on sale per category (`seller_categories`, what the profile's
/// category filter and page count read). Call after offers are added, removed or
/// (de)activated, or a product moves to another category; `None` recounts every seller.
pub async fn refresh_assortment<C: ConnectionTrait>(db: &C, seller_ids: Option<&[i32]>) -> Result<(), DbErr> {
    use crate::db::migration::m20261130_000006_seller_assortment::FILL;
    match seller_ids {
        None => {
            db.execute_unprepared("DELETE FROM seller_categories").await?;
            db.execute_unprepared(FILL).await?;
        }
        Some([]) => {}
        Some(ids) => {
            let ids: Vec<String> = ids.iter().map(i32::to_string).collect();
            let ids = ids.join(", ");
            db.execute_unprepared(&format!("DELETE FROM seller_categories WHERE seller_id IN ({ids})")).await?;
            db.execute_unprepared(&format!("{} AND o.seller_id IN ({ids}) GROUP BY o.seller_id, p.category_id", FILL_HEAD)).await?;
        }
    }
    Ok(())
}

/// [`FILL`](crate::db::migration::m20261130_000006_seller_assortment::FILL) without its GROUP BY, to narrow it.
const FILL_HEAD: &str = "INSERT INTO seller_categories (seller_id, category_id, offer_count) \
    SELECT o.seller_id, p.category_id, COUNT(*) FROM offers o JOIN products p ON p.id = o.product_id \
    WHERE o.active = TRUE";

/// Whether a page ending at `end` of a seller's offers in a category (`in_category` of its
/// `all` offers) is found faster by walking all its offers in product order (about
/// `end × all / in_category` index entries) than by reading the category's offers and sorting
/// them (`in_category`, each costing a few times an index step).
pub fn walk_offers(end: u64, all: i64, in_category: i64) -> bool {
    if in_category <= 0 {
        return false;
    }
    let walked = end as f64 * all as f64 / in_category as f64;
    walked <= 4.0 * in_category as f64
}

/// A seller's public profile with one page of its assortment. `None` for an unknown slug or
/// a seller that is not trading (pending approval or suspended).
///
/// Bounded whatever the size of the assortment: the seller's row by its unique slug (read from
/// the database, not the snapshot, so what the seller edits on its profile shows at once on
/// every instance), its counts per category from `seller_categories`, the category names from
/// the snapshot, and the page of offers from the index on
/// `offers (seller_id, active, product_id, price_cents)`. Seven queries.
pub async fn seller_profile<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    lang: Lang,
    slug: &str,
    category_slug: Option<&str>,
    page: u64,
) -> Result<Option<SellerProfile>, DbErr> {
    let s = seller::Entity::find().filter(seller::Column::Slug.eq(slug)).one(db).await?;
    let Some(s) = s.filter(|s| s.status == SellerStatus::Active) else {
        return Ok(None);
    };

    let mut star_counts = [0u64; 5];
    let stars: Vec<(i16, i64)> = seller_review::Entity::find()
        .select_only()
        .column(seller_review::Column::Stars)
        .column_as(seller_review::Column::Id.count(), "n")
        .filter(seller_review::Column::SellerId.eq(s.id))
        .group_by(seller_review::Column::Stars)
        .into_tuple()
        .all(db)
        .await?;
    for (star, n) in stars {
        if (1..=5).contains(&star) {
            star_counts[star as usize - 1] = n.max(0) as u64;
        }
    }
    let reviews = seller_review::Entity::find()
        .filter(seller_review::Column::SellerId.eq(s.id))
        .order_by_desc(seller_review::Column::CreatedAt)
        .order_by_desc(seller_review::Column::Id)
        .limit(REVIEWS_SHOWN)
        .all(db)
        .await?
        .into_iter()
        .map(|r| Review { author: r.author, stars: r.stars, body: r.body, lang: r.lang, date: to_tallinn(r.created_at).date() })
        .collect();

    // The assortment: products with an offer of this seller that is on sale.
    let per_category: Vec<(i32, i32)> = seller_category::Entity::find()
        .select_only()
        .column(seller_category::Column::CategoryId)
        .column(seller_category::Column::OfferCount)
        .filter(seller_category::Column::SellerId.eq(s.id))
        .filter(seller_category::Column::OfferCount.gt(0))
        .into_tuple()
        .all(db)
        .await?;
    let all = snapshot.categories(lang);
    let mut categories: Vec<(CategoryLink, u64)> =
        per_category.iter().filter_map(|&(id, n)| Some((all.link(id)?, n.max(0) as u64))).collect();
    categories.sort_by(|a, b| a.0.name.cmp(&b.0.name));

    let chosen = category_slug.and_then(|slug| all.rows.iter().find(|c| c.slug == slug));
    let on_sale = offer::Entity::find()
        .filter(offer::Column::SellerId.eq(s.id))
        .filter(offer::Column::Active.eq(true));
    let all_offers: i64 = per_category.iter().map(|&(_, n)| i64::from(n)).sum();
    let subtree = chosen.map(|c| all.tree.subtree(c.id));
    let total = match &subtree {
        Some(ids) => per_category.iter().filter(|(id, _)| ids.contains(id)).map(|&(_, n)| i64::from(n)).sum::<i64>(),
        None => all_offers,
    };
    let page = Page::new(page, total.max(0) as u64, PER_PAGE);
    let assortment = match subtree {
        None => on_sale,
        // Walking the seller's offers in order and checking each product's category reads about
        // (offset + page) × all / in-category offers; walking the category's products reads all
        // of them and sorts. The stored counts say which is less.
        Some(ids) if walk_offers(page.offset(PER_PAGE) + PER_PAGE, all_offers, total) => {
            let in_subtree = product::Entity::find()
                .select_only()
                .column(product::Column::Id)
                .filter(sea_orm::sea_query::ExprTrait::equals(
                    Expr::col((product::Entity, product::Column::Id)),
                    (offer::Entity, offer::Column::ProductId),
                ))
                .filter(product::Column::CategoryId.is_in(ids));
            on_sale.filter(Expr::exists(sea_orm::QueryTrait::into_query(in_subtree)))
        }
        Some(ids) => on_sale.inner_join(product::Entity).filter(product::Column::CategoryId.is_in(ids)),
    };
    let prices: Vec<(i32, i64)> = assortment
        .select_only()
        .column(offer::Column::ProductId)
        .column(offer::Column::PriceCents)
        .order_by_asc(offer::Column::ProductId)
        .offset(page.offset(PER_PAGE))
        .limit(PER_PAGE)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_id = crate::catalog::service::products_by_id(db, prices.iter().map(|(id, _)| *id)).await?;
    // Each card shows this seller's own price.
    let products = prices
        .into_iter()
        .filter_map(|(id, price)| by_id.remove(&id).map(|p| product::Model { min_price_cents: Some(price), ..p }))
        .collect();

    let about = localized(&s.about, lang);
    let logo = super::profile_service::logo_of(&s);
    Ok(Some(SellerProfile {
        seller: seller_brief(&s),
        about,
        payment_terms: localized(&s.payment_terms, lang),
        logo,
        trading_since: s.trading_since,
        requisites: Requisites {
            legal_name: s.legal_name,
            registry_code: s.registry_code,
            vat_number: s.vat_number,
            street: s.street,
            city: s.city,
            postal_code: s.postal_code,
            country: s.country,
            email: s.email,
            phone: s.phone,
        },
        star_counts,
        reviews,
        categories,
        category: chosen.map(|c| c.slug.clone()),
        products: cards(db, lang, products).await?,
        page,
    }))
}

#[cfg(test)]
mod tests {
    use super::walk_offers;

    #[test]
    fn early_pages_walk_the_sellers_offers_deep_ones_the_category() {
        // A seller with 64,000 offers, 2,700 of them in the category.
        assert!(walk_offers(24, 64_000, 2_700));
        assert!(walk_offers(240, 64_000, 2_700));
        assert!(!walk_offers(2_400, 64_000, 2_700));
        // Most of the seller's offers are in the category: walking always wins.
        assert!(walk_offers(24_000, 64_000, 60_000));
        assert!(!walk_offers(24, 64_000, 0));
    }
}
