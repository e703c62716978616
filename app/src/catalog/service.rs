//! Catalog queries and updates on the database (server only). Functions take any connection
//! (pool or transaction) and return DTOs from `catalog`; the same queries run on SQLite and
//! PostgreSQL.

use super::{
    paging::{Page, ProductSort, PER_PAGE},
    snapshot::Snapshot,
    tree::Tree,
    Attribute, CategoryLink, CategoryPageData, CategoryTile, HomeData, ProductCard, ProductDetail, ProductPageData,
};
use crate::delivery::County;
use chrono::{DateTime, Utc};
use crate::db::entity::{category, product, product_text, seller};
use crate::i18n::Lang;
use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoCondition},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait, Statement,
};
use std::collections::HashMap;

/// How many products the home page features.
pub const FEATURED: u64 = 12;

/// The category table with names in one language (pages take it from the [`Snapshot`]).
pub(crate) struct Categories {
    pub rows: Vec<category::Model>,
    pub names: HashMap<i32, String>,
    pub tree: Tree,
}

impl Categories {
    pub fn row(&self, id: i32) -> Option<&category::Model> {
        self.rows.iter().find(|c| c.id == id)
    }

    pub fn link(&self, id: i32) -> Option<CategoryLink> {
        let row = self.row(id)?;
        let name = self.names.get(&id).cloned().unwrap_or_else(|| row.slug.clone());
        Some(CategoryLink { slug: row.slug.clone(), name })
    }

    pub fn links(&self, ids: &[i32]) -> Vec<CategoryLink> {
        ids.iter().filter_map(|&id| self.link(id)).collect()
    }
}

/// Cards for products, in the given order, with titles in `lang`.
pub(crate) async fn cards<C: ConnectionTrait>(db: &C, lang: Lang, products: Vec<product::Model>) -> Result<Vec<ProductCard>, DbErr> {
    let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
    let mut titles: HashMap<i32, String> = product_text::Entity::find()
        .select_only()
        .column(product_text::Column::ProductId)
        .column(product_text::Column::Title)
        .filter(product_text::Column::ProductId.is_in(ids))
        .filter(product_text::Column::Lang.eq(lang.code()))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(products
        .into_iter()
        .map(|p| ProductCard {
            title: titles.remove(&p.id).unwrap_or_else(|| p.slug.clone()),
            image: first_image(&p.images),
            slug: p.slug,
            brand: p.brand,
            min_price_cents: p.min_price_cents,
            offer_count: p.offer_count,
        })
        .collect())
}

fn images(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

fn first_image(json: &str) -> Option<String> {
    images(json).into_iter().next()
}

pub async fn home<C: ConnectionTrait>(db: &C, snapshot: &Snapshot, lang: Lang) -> Result<HomeData, DbErr> {
    let categories = snapshot.categories(lang);
    let tiles = categories
        .rows
        .iter()
        .filter(|c| c.parent_id.is_none())
        .filter_map(|c| {
            Some(CategoryTile {
                category: categories.link(c.id)?,
                image: c.image.clone(),
                children: categories.links(categories.tree.children(c.id)),
            })
        })
        .collect();
    let featured = product::Entity::find()
        .filter(product::Column::MinPriceCents.is_not_null())
        .order_by_desc(product::Column::OfferCount)
        .order_by_asc(product::Column::Id)
        .limit(FEATURED)
        .all(db)
        .await?;
    Ok(HomeData { categories: tiles, featured: cards(db, lang, featured).await? })
}

/// A category page: the category, its place in the tree, and one page of the products in it
/// and in all its sub-categories. `None` when no category has that slug.
pub async fn category_page<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    lang: Lang,
    slug: &str,
    sort: ProductSort,
    page: u64,
) -> Result<Option<CategoryPageData>, DbErr> {
    let categories = snapshot.categories(lang);
    let Some(cat) = categories.rows.iter().find(|c| c.slug == slug) else { return Ok(None) };
    let ids = categories.tree.subtree(cat.id);
    let total = product::Entity::find().filter(product::Column::CategoryId.is_in(ids.clone())).count(db).await?;
    let page = Page::new(page, total, PER_PAGE);
    let products = product::Entity::find()
        .from_raw_sql(Statement::from_string(db.get_database_backend(), category_page_sql(&ids, sort, page.offset(PER_PAGE))))
        .all(db)
        .await?;
    Ok(Some(CategoryPageData {
        category: categories.link(cat.id).expect("the category exists"),
        ancestors: categories.links(&categories.tree.ancestors(cat.id)),
        children: categories.links(categories.tree.children(cat.id)),
        products: cards(db, lang, products).await?,
        page,
        sort,
    }))
}

/// The ORDER BY of a category page's sort, exactly as the `products (category_id, …)` indexes
/// of migrations 6 and 10 spell it (the database matches the expressions), ties by id. Products nobody
/// sells right now (`offer_count = 0`, so no price) go last in either price order.
fn sort_key(sort: ProductSort) -> &'static str {
    match sort {
        ProductSort::Popular => "offer_count DESC, id",
        ProductSort::PriceAsc => "(offer_count = 0), min_price_cents, id",
        ProductSort::PriceDesc => "(offer_count = 0), min_price_cents DESC, id",
        ProductSort::Newest => "created_at DESC, id",
    }
}

/// The columns a sort reads: the narrow rows the page is chosen from carry only these.
fn sort_columns(sort: ProductSort) -> &'static str {
    match sort {
        ProductSort::Popular => "id, offer_count",
        ProductSort::PriceAsc | ProductSort::PriceDesc => "id, offer_count, min_price_cents",
        ProductSort::Newest => "id, created_at",
    }
}

/// One page of the products in `categories`, sorted, in two steps:
/// 1. the page's ids: the first `offset + PER_PAGE` of each category (each read in order from
///    its index), narrowed to the sort's columns, merged, and cut to the page;
/// 2. those `PER_PAGE` products, whole.
///
/// The database never sorts a whole subtree, and a deep page's merge moves a few narrow
/// columns per row instead of whole products (on PostgreSQL the popular sort reads them from
/// its index alone). Only integers are written into the SQL.
fn category_page_sql(categories: &[i32], sort: ProductSort, offset: u64) -> String {
    let key = sort_key(sort);
    let columns = sort_columns(sort);
    let each = offset + PER_PAGE;
    let parts: Vec<String> = categories
        .iter()
        .map(|id| {
            format!(
                "SELECT * FROM (SELECT {columns} FROM products WHERE category_id = {id} ORDER BY {key} LIMIT {each}) AS c{id}"
            )
        })
        .collect();
    format!(
        "SELECT * FROM products WHERE id IN (SELECT id FROM ({}) AS merged ORDER BY {key} LIMIT {PER_PAGE} OFFSET {offset}) ORDER BY {key}",
        parts.join(" UNION ALL ")
    )
}

/// Everything the product page shows about the product itself. `None` for an unknown slug.
/// One query (the product with its texts in `lang`).
pub async fn product_detail<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    lang: Lang,
    slug: &str,
) -> Result<Option<ProductDetail>, DbErr> {
    Ok(product_with_text(db, lang, slug).await?.map(|(p, text)| detail(snapshot, lang, p, text)))
}

/// The product page: the product and its offers evaluated for the shopper's county at `now`.
/// Two queries: the product with its texts, and its offers (categories, sellers and delivery
/// methods come from the snapshot).
pub async fn product_page<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    lang: Lang,
    slug: &str,
    county: County,
    now: DateTime<Utc>,
) -> Result<Option<ProductPageData>, DbErr> {
    let Some((p, text)) = product_with_text(db, lang, slug).await? else {
        return Ok(None);
    };
    let offers = crate::offers::service::product_offers(db, snapshot, lang, p.id, p.cold_chain, county, now).await?;
    let product = detail(snapshot, lang, p, text);
    let origin = crate::seo::server_origin();
    let url = crate::seo::absolute(&origin, &crate::seo::canonical_path(lang, &format!("/p/{}", product.slug), 1));
    let json_ld = product_json_ld(&product, &offers, &origin, &url);
    Ok(Some(ProductPageData { product, offers, json_ld }))
}

/// The product with this slug and its texts in `lang` (when there are any), in one query.
async fn product_with_text<C: ConnectionTrait>(
    db: &C,
    lang: Lang,
    slug: &str,
) -> Result<Option<(product::Model, Option<product_text::Model>)>, DbErr> {
    let code = lang.code();
    product::Entity::find()
        .filter(product::Column::Slug.eq(slug))
        .join(
            JoinType::LeftJoin,
            product::Relation::Texts
                .def()
                .on_condition(move |_, texts| ExprTrait::eq(Expr::col((texts, product_text::Column::Lang)), code).into_condition()),
        )
        .select_also(product_text::Entity)
        .one(db)
        .await
}

fn detail(snapshot: &Snapshot, lang: Lang, p: product::Model, text: Option<product_text::Model>) -> ProductDetail {
    let categories = snapshot.categories(lang);
    let mut trail = categories.tree.ancestors(p.category_id);
    trail.push(p.category_id);
    let (title, description, attributes) = match text {
        Some(t) => (t.title, t.description, serde_json::from_str::<Vec<Attribute>>(&t.attributes).unwrap_or_default()),
        None => (p.slug.clone(), String::new(), Vec::new()),
    };
    ProductDetail {
        images: images(&p.images),
        categories: categories.links(&trail),
        slug: p.slug,
        title,
        brand: p.brand,
        ean: p.ean,
        description,
        attributes,
        min_price_cents: p.min_price_cents,
        offer_count: p.offer_count,
        perishable: p.perishable,
        cold_chain: p.cold_chain,
        storable: p.storable,
    }
}

/// Every public catalog page, for the sitemap: slugs, and when a page last changed where the
/// database knows it.
pub struct SitemapSlugs {
    /// Each category shoppers see (not a hidden one, nor one under it) with the newest
    /// `updated_at` of the products it lists (its own and its visible sub-categories'); `None`
    /// for a category without products.
    pub categories: Vec<(String, Option<DateTime<Utc>>)>,
    /// Each product with its `updated_at` (set by every change a product page shows).
    pub products: Vec<(String, DateTime<Utc>)>,
    /// Sellers that are trading (their profiles are public). Sellers keep no change time.
    pub sellers: Vec<String>,
}

/// Three queries, whatever the catalog's size: the categories, one row per product (slug,
/// category, `updated_at`; the categories' times are folded from these rows in memory), the
/// trading sellers.
pub async fn sitemap_slugs<C: ConnectionTrait>(db: &C) -> Result<SitemapSlugs, DbErr> {
    let category_rows = category::Entity::find()
        .select_only()
        .column(category::Column::Id)
        .column(category::Column::ParentId)
        .column(category::Column::Slug)
        .column(category::Column::Hidden)
        .order_by_asc(category::Column::Id)
        .into_tuple::<(i32, Option<i32>, String, bool)>()
        .all(db)
        .await?;
    let product_rows = product::Entity::find()
        .select_only()
        .column(product::Column::Slug)
        .column(product::Column::CategoryId)
        .column(product::Column::UpdatedAt)
        .order_by_asc(product::Column::Id)
        .into_tuple::<(String, i32, DateTime<Utc>)>()
        .all(db)
        .await?;
    let sellers = seller::Entity::find()
        .select_only()
        .column(seller::Column::Slug)
        .filter(seller::Column::Status.eq(super::SellerStatus::Active))
        .order_by_asc(seller::Column::Id)
        .into_tuple::<String>()
        .all(db)
        .await?;
    // Newest product change per category, then per subtree.
    let mut own: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for (_, category_id, updated_at) in &product_rows {
        let newest = own.entry(*category_id).or_insert(*updated_at);
        *newest = std::cmp::Ord::max(*newest, *updated_at);
    }
    let tree = Tree::new(category_rows.iter().map(|(id, parent, _, _)| (*id, *parent)));
    let hidden = tree.hidden_below(category_rows.iter().filter(|c| c.3).map(|c| c.0));
    let tree = tree.without(&hidden);
    let categories = category_rows
        .into_iter()
        .filter(|(id, ..)| !hidden.contains(id))
        .map(|(id, _, slug, _)| (slug, tree.subtree(id).iter().filter_map(|c| own.get(c)).max().copied()))
        .collect();
    let products = product_rows.into_iter().map(|(slug, _, updated_at)| (slug, updated_at)).collect();
    Ok(SitemapSlugs { categories, products, sellers })
}

/// The SQL that recomputes a product's offer summary: buyable offers are active, in stock and
/// from an active seller.
const SUMMARY_SET: &str = "SET \
    min_price_cents = (SELECT MIN(o.price_cents) FROM offers o JOIN sellers s ON s.id = o.seller_id \
        WHERE o.product_id = products.id AND o.active = TRUE AND o.stock > 0 AND s.status = 'active'), \
    offer_count = (SELECT COUNT(*) FROM offers o JOIN sellers s ON s.id = o.seller_id \
        WHERE o.product_id = products.id AND o.active = TRUE AND o.stock > 0 AND s.status = 'active')";

/// Titles of products in `lang` (English when missing).
pub async fn titles<C: ConnectionTrait>(db: &C, ids: &[i32], lang: Lang) -> Result<HashMap<i32, String>, DbErr> {
    let rows: Vec<(i32, String, String)> = product_text::Entity::find()
        .select_only()
        .column(product_text::Column::ProductId)
        .column(product_text::Column::Lang)
        .column(product_text::Column::Title)
        .filter(product_text::Column::ProductId.is_in(ids.iter().copied()))
        .filter(product_text::Column::Lang.is_in([lang.code(), "en"]))
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for (id, l, title) in rows {
        if l == lang.code() || !out.contains_key(&id) {
            out.insert(id, title);
        }
    }
    Ok(out)
}

/// The products of these ids, by id (ids of no product are left out).
pub async fn products_by_id<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = i32>) -> Result<HashMap<i32, product::Model>, DbErr> {
    Ok(product::Entity::find().filter(product::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|p| (p.id, p)).collect())
}

/// Recomputes one product's lowest price and offer count and marks it changed (for the search
/// index and page caches); call after any change to its offers.
pub async fn refresh_offer_summary<C: ConnectionTrait>(db: &C, product_id: i32) -> Result<(), DbErr> {
    refresh_offer_summaries(db, &[product_id]).await
}

/// [`refresh_offer_summary`] for several products in one statement (duplicates are fine).
pub async fn refresh_offer_summaries<C: ConnectionTrait>(db: &C, product_ids: &[i32]) -> Result<(), DbErr> {
    if product_ids.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = product_ids.iter().map(i32::to_string).collect();
    db.execute_unprepared(&format!("UPDATE products {SUMMARY_SET} WHERE id IN ({})", ids.join(", "))).await?;
    super::changes::touch_products(db, product_ids).await
}

/// [`refresh_offer_summaries`] for the products a subquery selects (`SELECT product_id FROM …`,
/// written by the caller from numbers only), in two statements however many there are.
pub async fn refresh_offer_summaries_in<C: ConnectionTrait>(db: &C, select_ids: &str) -> Result<(), DbErr> {
    db.execute_unprepared(&format!("UPDATE products {SUMMARY_SET} WHERE id IN ({select_ids})")).await?;
    product::Entity::update_many()
        .col_expr(product::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(sea_orm::sea_query::Expr::cust(format!("id IN ({select_ids})")))
        .exec(db)
        .await?;
    Ok(())
}

/// Recomputes every product's summary (after seeding or a bulk change, or a seller's status change).
pub async fn refresh_all_offer_summaries<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    db.execute_unprepared(&format!("UPDATE products {SUMMARY_SET}")).await?;
    Ok(())
}

/// Whether the database answers, for `/healthz`.
pub async fn ping<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// schema.org Product with an AggregateOffer over the buyable offers, for search engines: its
/// address (`url`) and images absolute (from `origin`).
pub fn product_json_ld(p: &ProductDetail, offers: &crate::offers::ProductOffers, origin: &str, url: &str) -> String {
    let buyable: Vec<i64> =
        offers.offers.iter().filter(|o| o.unavailable.is_none()).map(|o| o.price_cents).collect();
    let euros = |cents: i64| format!("{}.{:02}", cents / 100, cents % 100);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.title,
        "brand": { "@type": "Brand", "name": p.brand },
        "gtin13": p.ean,
        "description": p.description,
        "image": p.images.iter().map(|i| crate::seo::absolute(origin, i)).collect::<Vec<_>>(),
        "url": url,
    });
    if let (Some(low), Some(high)) = (buyable.iter().min(), buyable.iter().max()) {
        ld["offers"] = serde_json::json!({
            "@type": "AggregateOffer",
            "priceCurrency": "EUR",
            "lowPrice": euros(*low),
            "highPrice": euros(*high),
            "offerCount": buyable.len(),
            "availability": "https://schema.org/InStock",
        });
    }
    crate::markup::json_in_script(&ld.to_string())
}
