//! The catalog's change feed. Anything that changes what a product page or a search result
//! shows (the product, its texts, its offers, its sellers' standing or delivery) sets
//! `products.updated_at` in the shared database. Every server instance polls that column and
//! publishes the changed products to its local subscribers (the search index, the page cache),
//! so several instances behind one PostgreSQL stay in step without talking to each other.
//!
//! The category tree has a version of its own: the `counters` row [`CATEGORY_TREE`], advanced
//! by every category change (created, renamed, moved, hidden or shown; see
//! `admin::categories`). The poller reads it too, and when it moved publishes the batch even
//! without products in it, so what keeps categories (the catalog snapshot, the sitemap) reloads
//! within a poll on every instance, also for a change no product shows (a new or empty
//! category). A change that products do show (their trail, their search entry's category
//! names) also touches the products below it, as any product change does.

use crate::db::entity::{counter, product};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect,
};
use std::{collections::HashMap, sync::Arc, time::Duration as StdDuration};
use tokio::sync::broadcast;

/// A product whose page or search entry must be refreshed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedProduct {
    pub id: i32,
    pub slug: String,
}

/// How far back each poll looks again: a transaction may commit a few seconds after it set
/// `updated_at`, and instances' clocks differ a little.
const OVERLAP_SECONDS: i64 = 10;

/// The `counters` row that is the category tree's version (migration 14).
pub const CATEGORY_TREE: &str = "category_tree";

/// Marks the category tree changed: every instance's poller sees it within a poll. Call it
/// **first** in the change's transaction: it writes one shared row, so category changes take
/// turns (each checks the tree as the one before it left it: two moves at once cannot make a
/// cycle).
pub async fn touch_category_tree<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    use sea_orm::sea_query::ExprTrait;
    counter::Entity::update_many()
        .col_expr(counter::Column::Value, Expr::col(counter::Column::Value).add(1))
        .filter(counter::Column::Name.eq(CATEGORY_TREE))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks products as changed; call in the same transaction as the change.
pub async fn touch_products<C: ConnectionTrait>(db: &C, ids: &[i32]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    product::Entity::update_many()
        .col_expr(product::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(product::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks every product a seller offers as changed (its status, rating or delivery changed).
pub async fn touch_seller_products<C: ConnectionTrait>(db: &C, seller_id: i32) -> Result<(), DbErr> {
    use crate::db::entity::offer;
    let ids: Vec<i32> = offer::Entity::find()
        .select_only()
        .column(offer::Column::ProductId)
        .filter(offer::Column::SellerId.eq(seller_id))
        .into_tuple()
        .all(db)
        .await?;
    for chunk in ids.chunks(1000) {
        touch_products(db, chunk).await?;
    }
    Ok(())
}

/// Publishes batches of changed products to this instance's subscribers.
#[derive(Clone)]
pub struct ChangeFeed {
    tx: broadcast::Sender<Arc<Vec<ChangedProduct>>>,
}

impl Default for ChangeFeed {
    fn default() -> Self {
        ChangeFeed::new()
    }
}

impl ChangeFeed {
    pub fn new() -> ChangeFeed {
        ChangeFeed { tx: broadcast::channel(256).0 }
    }

    /// A receiver of every batch published from now on. A receiver that falls behind gets
    /// `RecvError::Lagged` and must then treat everything as changed.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Vec<ChangedProduct>>> {
        self.tx.subscribe()
    }

    pub fn publish(&self, changes: Vec<ChangedProduct>) {
        if !changes.is_empty() {
            // No subscribers is fine: nothing to keep in step.
            let _ = self.tx.send(Arc::new(changes));
        }
    }

    /// Publishes a batch even when no product is in it: the category tree changed. Subscribers
    /// that keep categories reload on any batch; those that keep products refresh the ones
    /// listed (maybe none).
    pub fn publish_tree_change(&self, changes: Vec<ChangedProduct>) {
        let _ = self.tx.send(Arc::new(changes));
    }

    /// Polls the database every `every` and publishes what changed since the last poll.
    pub fn spawn_poller(&self, db: DatabaseConnection, every: StdDuration) -> tokio::task::JoinHandle<()> {
        let feed = self.clone();
        tokio::spawn(async move {
            let mut poller = Poller::starting_now();
            let mut ticker = tokio::time::interval(every);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticker.tick().await;
                let tree_changed = match poller.tree_changed(&db).await {
                    Ok(changed) => changed,
                    Err(e) => {
                        tracing::warn!("category tree poll failed: {e}");
                        false
                    }
                };
                match poller.poll(&db).await {
                    Ok(changes) if tree_changed => feed.publish_tree_change(changes),
                    Ok(changes) => feed.publish(changes),
                    Err(e) => {
                        tracing::warn!("catalog change poll failed: {e}");
                        if tree_changed {
                            feed.publish_tree_change(Vec::new());
                        }
                    }
                }
            }
        })
    }
}

/// Remembers what it has already reported, so the overlap window reports each change once.
pub struct Poller {
    since: DateTime<Utc>,
    seen: HashMap<i32, DateTime<Utc>>,
    /// The category tree's version at the last look (`None` before the first).
    tree_version: Option<i64>,
}

impl Poller {
    pub fn starting_now() -> Poller {
        Poller::starting_at(Utc::now())
    }

    pub fn starting_at(since: DateTime<Utc>) -> Poller {
        Poller { since, seen: HashMap::new(), tree_version: None }
    }

    /// Whether the category tree changed since the previous call. The first call only learns
    /// the version (a change between the snapshot's load at start-up and that call is caught by
    /// the snapshot's periodic reload). A counter, not a time: it is read after the change
    /// committed, so no late commit or clock difference can hide one.
    pub async fn tree_changed<C: ConnectionTrait>(&mut self, db: &C) -> Result<bool, DbErr> {
        let version = counter::Entity::find_by_id(CATEGORY_TREE.to_owned()).one(db).await?.map(|c| c.value);
        let changed = self.tree_version.is_some() && version != self.tree_version;
        self.tree_version = version.or(self.tree_version);
        Ok(changed)
    }

    /// Products changed since the previous poll (each change reported once).
    pub async fn poll<C: ConnectionTrait>(&mut self, db: &C) -> Result<Vec<ChangedProduct>, DbErr> {
        let from = self.since - Duration::seconds(OVERLAP_SECONDS);
        let rows: Vec<(i32, String, DateTime<Utc>)> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .column(product::Column::Slug)
            .column(product::Column::UpdatedAt)
            .filter(product::Column::UpdatedAt.gte(from))
            .into_tuple()
            .all(db)
            .await?;
        let mut changes = Vec::new();
        for (id, slug, updated_at) in rows {
            self.since = self.since.max(updated_at);
            if self.seen.get(&id) != Some(&updated_at) {
                self.seen.insert(id, updated_at);
                changes.push(ChangedProduct { id, slug });
            }
        }
        let horizon = self.since - Duration::seconds(OVERLAP_SECONDS * 2);
        self.seen.retain(|_, at| *at >= horizon);
        Ok(changes)
    }
}
