//! The search index's life on the server: built from the database at start-up (in the
//! background; until then search answers "unavailable"), kept in step by the catalog change
//! feed, and queried by the search page. The index is a cache: every instance builds its own
//! from the shared database, so several instances need nothing else.

use super::engine::{SearchDoc, SearchEngine, SearchError, SearchRequest, SearchSort};
use super::{parse_price_range, FacetValue, Facets, SearchOrder, SearchPageData, SearchParams, Suggestion, PRICE_RANGES};
use crate::catalog::changes::ChangeFeed;
use crate::catalog::paging::{Page, PER_PAGE};
use crate::catalog::{service::cards, snapshot::Snapshot, tree::Tree};
use crate::db::entity::{category, category_text, offer, product, product_text, seller};
use crate::i18n::Lang;
use crate::catalog::SellerStatus;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// Products per database round trip while (re)building the index.
const BATCH: usize = 5000;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// The engine plus whether its first build has finished.
pub struct Search {
    pub engine: SearchEngine,
    ready: AtomicBool,
}

impl Search {
    pub fn new() -> Result<Arc<Search>, SearchError> {
        Ok(Arc::new(Search { engine: SearchEngine::new()?, ready: AtomicBool::new(false) }))
    }

    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Runs index writes on the blocking pool: tantivy's indexing and commit are CPU work that
    /// must not hold up a runtime worker serving pages.
    async fn write(self: &Arc<Self>, docs: Vec<SearchDoc>, gone: Vec<i32>) -> Result<(), IndexError> {
        let search = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            search.engine.upsert(docs)?;
            if !gone.is_empty() {
                search.engine.remove(&gone)?;
            }
            Ok::<_, SearchError>(())
        })
        .await
        .map_err(|e| SearchError::Index(tantivy::TantivyError::InternalError(e.to_string())))??;
        Ok(())
    }

    /// Indexes every product, batch by batch, then marks the index ready.
    pub async fn build(self: &Arc<Self>, db: &DatabaseConnection) -> Result<usize, IndexError> {
        let ids: Vec<i32> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .order_by_asc(product::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        for chunk in ids.chunks(BATCH) {
            let docs = load_docs(db, chunk).await?;
            self.write(docs, Vec::new()).await?;
        }
        self.ready.store(true, Ordering::Release);
        Ok(ids.len())
    }

    /// Re-reads these products from the database: changed ones are replaced, deleted ones removed.
    pub async fn refresh(self: &Arc<Self>, db: &DatabaseConnection, ids: &[i32]) -> Result<(), IndexError> {
        for chunk in ids.chunks(BATCH) {
            let docs = load_docs(db, chunk).await?;
            let found: Vec<i32> = docs.iter().map(|d| d.product_id).collect();
            let gone: Vec<i32> = chunk.iter().copied().filter(|id| !found.contains(id)).collect();
            self.write(docs, gone).await?;
        }
        Ok(())
    }

    /// Builds the index in the background and then follows the change feed.
    pub fn spawn(self: &Arc<Self>, db: DatabaseConnection, feed: &ChangeFeed) {
        let search = Arc::clone(self);
        // Subscribe before building so no change made during the build is missed.
        let mut changes = feed.subscribe();
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            match search.build(&db).await {
                Ok(n) => tracing::info!(products = n, seconds = started.elapsed().as_secs_f32(), "search index built"),
                Err(e) => tracing::error!("building the search index failed: {e}"),
            }
            loop {
                match changes.recv().await {
                    Ok(batch) => {
                        let ids: Vec<i32> = batch.iter().map(|c| c.id).collect();
                        if let Err(e) = search.refresh(&db, &ids).await {
                            tracing::warn!("search index refresh failed: {e}");
                        }
                    }
                    Err(RecvError::Lagged(_)) => {
                        if let Err(e) = search.build(&db).await {
                            tracing::warn!("search index rebuild failed: {e}");
                        }
                    }
                    Err(RecvError::Closed) => break,
                }
            }
        });
    }
}

/// The search documents of these products (those that exist), with texts in every language,
/// category names and the sellers with a buyable offer.
pub async fn load_docs<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<Vec<SearchDoc>, DbErr> {
    let products = product::Entity::find().filter(product::Column::Id.is_in(ids.iter().copied())).all(db).await?;
    let mut texts: HashMap<(i32, String), product_text::Model> = product_text::Entity::find()
        .filter(product_text::Column::ProductId.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| ((t.product_id, t.lang.clone()), t))
        .collect();
    let mut sellers: HashMap<i32, Vec<i32>> = HashMap::new();
    let rows: Vec<(i32, i32)> = offer::Entity::find()
        .inner_join(seller::Entity)
        .select_only()
        .column(offer::Column::ProductId)
        .column(offer::Column::SellerId)
        .filter(offer::Column::ProductId.is_in(ids.iter().copied()))
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gt(0))
        .filter(seller::Column::Status.eq(SellerStatus::Active))
        .into_tuple()
        .all(db)
        .await?;
    for (product_id, seller_id) in rows {
        sellers.entry(product_id).or_default().push(seller_id);
    }
    let categories = category::Entity::find().all(db).await?;
    let tree = Tree::new(categories.iter().map(|c| (c.id, c.parent_id)));
    let names: HashMap<(i32, String), String> = category_text::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| ((t.category_id, t.lang), t.name))
        .collect();
    const LANGS: [&str; 3] = ["et", "en", "ru"];
    Ok(products
        .into_iter()
        .map(|p| {
            let mut path = vec![p.category_id];
            path.extend(tree.ancestors(p.category_id).into_iter().rev());
            let per_lang = |f: &dyn Fn(&str) -> String| LANGS.map(f);
            let titles = per_lang(&|l| texts.get(&(p.id, l.to_owned())).map(|t| t.title.clone()).unwrap_or_default());
            let bodies = per_lang(&|l| {
                texts
                    .get(&(p.id, l.to_owned()))
                    .map(|t| {
                        let attributes: Vec<crate::catalog::Attribute> = serde_json::from_str(&t.attributes).unwrap_or_default();
                        let values: Vec<&str> = attributes.iter().map(|a| a.value.as_str()).collect();
                        format!("{} {}", t.description, values.join(" "))
                    })
                    .unwrap_or_default()
            });
            let category_names = per_lang(&|l| {
                path.iter().filter_map(|id| names.get(&(*id, l.to_owned())).cloned()).collect::<Vec<_>>().join(" ")
            });
            for l in LANGS {
                texts.remove(&(p.id, l.to_owned()));
            }
            SearchDoc {
                product_id: p.id,
                titles,
                bodies,
                category_names,
                brand: p.brand,
                category_path: path,
                seller_ids: sellers.remove(&p.id).unwrap_or_default(),
                min_price_cents: p.min_price_cents,
                in_stock: p.min_price_cents.is_some(),
                popularity: i64::from(p.offer_count),
                created_at: p.created_at.timestamp(),
            }
        })
        .collect())
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Et => 0,
        Lang::En => 1,
        Lang::Ru => 2,
    }
}

/// Runs a search and loads what the results page shows: two queries (the products found and
/// their titles); categories and sellers come from the snapshot.
pub async fn search_page<C: ConnectionTrait>(
    db: &C,
    snapshot: &Snapshot,
    search: &Arc<Search>,
    lang: Lang,
    params: SearchParams,
) -> Result<Option<SearchPageData>, IndexError> {
    if !search.is_ready() {
        return Ok(None);
    }
    let categories = snapshot.categories(lang);
    let category_id = params.category.as_deref().and_then(|slug| categories.rows.iter().find(|c| c.slug == slug)).map(|c| c.id);
    let seller_id = match params.seller.as_deref() {
        Some(slug) => match snapshot.seller_by_slug(slug) {
            Some(s) => Some(s.id),
            None => seller::Entity::find()
                .select_only()
                .column(seller::Column::Id)
                .filter(seller::Column::Slug.eq(slug))
                .into_tuple::<i32>()
                .one(db)
                .await?,
        },
        None => None,
    };
    let price = params.price.as_deref().and_then(parse_price_range);
    let requested_page = params.page.clamp(1, crate::catalog::paging::MAX_PAGE);
    let request = SearchRequest {
        q: params.q.trim().chars().take(200).collect(),
        lang: lang_index(lang),
        category: category_id,
        brand: params.brand.clone(),
        price_min_cents: price.map(|(min, _)| min),
        // The engine's bound is inclusive; the ranges are `[min, max)`.
        price_max_cents: price.and_then(|(_, max)| max).map(|m| m - 1),
        seller: seller_id,
        in_stock_only: params.in_stock,
        sort: match params.sort {
            SearchOrder::Relevance => SearchSort::Relevance,
            SearchOrder::PriceAsc => SearchSort::PriceAsc,
            SearchOrder::PriceDesc => SearchSort::PriceDesc,
            SearchOrder::Newest => SearchSort::Newest,
        },
        offset: ((requested_page - 1) * PER_PAGE) as usize,
        limit: PER_PAGE as usize,
    };
    let engine = Arc::clone(search);
    let hits = tokio::task::spawn_blocking(move || engine.engine.search(&request))
        .await
        .map_err(|e| SearchError::Index(tantivy::TantivyError::InternalError(e.to_string())))??;

    let page = Page::new(requested_page, hits.total as u64, PER_PAGE);
    let mut by_id = crate::catalog::service::products_by_id(db, hits.product_ids.iter().copied()).await?;
    let products = hits.product_ids.iter().filter_map(|id| by_id.remove(id)).collect();

    let sellers: HashMap<i32, (String, String)> = hits
        .facets
        .sellers
        .iter()
        .filter_map(|(id, _)| snapshot.seller(*id).map(|s| (s.id, (s.slug.clone(), s.name.clone()))))
        .collect();
    let facets = Facets {
        categories: hits
            .facets
            .categories
            .iter()
            .filter_map(|&(id, n)| {
                let link = categories.link(id)?;
                Some(FacetValue { value: link.slug, label: link.name, count: n as u64 })
            })
            .collect(),
        brands: hits
            .facets
            .brands
            .iter()
            .map(|(b, n)| FacetValue { value: b.clone(), label: b.clone(), count: *n as u64 })
            .collect(),
        sellers: hits
            .facets
            .sellers
            .iter()
            .filter_map(|(id, n)| {
                let (slug, name) = sellers.get(id)?;
                Some(FacetValue { value: slug.clone(), label: name.clone(), count: *n as u64 })
            })
            .collect(),
        prices: PRICE_RANGES
            .iter()
            .map(|&(min, max)| FacetValue {
                value: super::price_range_param(min, max),
                label: String::new(),
                count: hits
                    .facets
                    .price_buckets
                    .iter()
                    .find(|b| b.min_cents == min)
                    .map_or(0, |b| b.count as u64),
            })
            .filter(|v| v.count > 0)
            .collect(),
        in_stock: hits.facets.in_stock as u64,
    };
    Ok(Some(SearchPageData {
        products: cards(db, lang, products).await?,
        page,
        facets,
        corrected: hits.corrected,
        params: SearchParams { page: page.number, ..params },
    }))
}

/// Up to `limit` product titles for what the shopper has typed so far.
pub async fn suggestions<C: ConnectionTrait>(
    db: &C,
    search: &Arc<Search>,
    lang: Lang,
    prefix: &str,
    limit: usize,
) -> Result<Vec<Suggestion>, IndexError> {
    if !search.is_ready() || prefix.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let found = search.engine.suggest(prefix, lang_index(lang), limit)?;
    let slugs: HashMap<i32, String> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::Slug)
        .filter(product::Column::Id.is_in(found.iter().map(|s| s.product_id)))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(found
        .into_iter()
        .filter_map(|s| Some(Suggestion { slug: slugs.get(&s.product_id)?.clone(), title: s.title }))
        .collect())
}
