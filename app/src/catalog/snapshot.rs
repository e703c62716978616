//! In-memory snapshots of the small tables every catalog page reads: categories (with their
//! names in every language and the tree), sellers and their active delivery methods.
//!
//! A snapshot is a **cache of the database**, like the search index: every instance loads its
//! own at start-up and reloads it after each batch the catalog change feed publishes (a
//! seller's status, rating or delivery change touches all its products, in the same
//! transaction, so the batch arrives once that change is visible; a category change advances
//! the tree's version, which the feed's poller watches, so a batch comes even when no product
//! is below the category), and at least every [`REFRESH_EVERY`] whatever happens. Several
//! instances behind one PostgreSQL therefore stay in step without talking to each other.
//!
//! Shoppers see the categories **without the hidden ones**: a category an administrator hid,
//! and everything under it, is neither listed (home, sub-category links, search facets, a
//! seller's categories) nor found by its slug (its page answers 404), and a visible category's
//! page no longer lists the products of a hidden one below it. Those products keep their own
//! pages (whose trail shows the visible part) and their search entries.
//!
//! A page then costs only the queries for the product and its offers; an offer of a seller the
//! snapshot does not know yet (added since the last reload) is looked up in the database.

use super::changes::ChangeFeed;
use super::service::Categories;
use super::tree::Tree;
use crate::db::entity::{category, category_text, delivery_method, seller};
use crate::i18n::Lang;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

/// The longest a snapshot is kept without reloading, whatever the change feed says.
pub const REFRESH_EVERY: Duration = Duration::from_secs(30);

/// Categories (the ones shoppers see), sellers and delivery methods as they were at one moment.
pub struct Snapshot {
    /// One per language, in `Lang::ALL` order.
    categories: Vec<Categories>,
    sellers: HashMap<i32, seller::Model>,
    by_slug: HashMap<String, i32>,
    /// Active methods per seller, by id.
    methods: HashMap<i32, Vec<delivery_method::Model>>,
}

impl Snapshot {
    /// Four queries, whatever the size of the catalog.
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Snapshot, DbErr> {
        let rows = category::Entity::find()
            .order_by_asc(category::Column::Position)
            .order_by_asc(category::Column::Id)
            .all(db)
            .await?;
        let mut names: HashMap<String, HashMap<i32, String>> = HashMap::new();
        for t in category_text::Entity::find().all(db).await? {
            names.entry(t.lang).or_default().insert(t.category_id, t.name);
        }
        let tree = Tree::new(rows.iter().map(|c| (c.id, c.parent_id)));
        let hidden = tree.hidden_below(rows.iter().filter(|c| c.hidden).map(|c| c.id));
        let tree = tree.without(&hidden);
        let rows: Vec<category::Model> = rows.into_iter().filter(|c| !hidden.contains(&c.id)).collect();
        let categories = Lang::ALL
            .iter()
            .map(|l| Categories {
                rows: rows.clone(),
                names: names.remove(l.code()).unwrap_or_default(),
                tree: tree.clone(),
            })
            .collect();
        let sellers = seller::Entity::find().all(db).await?;
        let methods = delivery_method::Entity::find()
            .filter(delivery_method::Column::Active.eq(true))
            .order_by_asc(delivery_method::Column::Id)
            .all(db)
            .await?;
        Ok(Snapshot::from_rows(categories, sellers, methods))
    }

    fn from_rows(categories: Vec<Categories>, sellers: Vec<seller::Model>, methods: Vec<delivery_method::Model>) -> Snapshot {
        let mut by_seller: HashMap<i32, Vec<delivery_method::Model>> = HashMap::new();
        for m in methods {
            by_seller.entry(m.seller_id).or_default().push(m);
        }
        Snapshot {
            categories,
            by_slug: sellers.iter().map(|s| (s.slug.clone(), s.id)).collect(),
            sellers: sellers.into_iter().map(|s| (s.id, s)).collect(),
            methods: by_seller,
        }
    }

    /// The category table with names in `lang`.
    pub(crate) fn categories(&self, lang: Lang) -> &Categories {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.categories[i]
    }

    pub fn category_slug(&self, id: i32) -> Option<&str> {
        self.categories.first()?.row(id).map(|c| c.slug.as_str())
    }

    /// Any seller, whatever its status.
    pub fn seller(&self, id: i32) -> Option<&seller::Model> {
        self.sellers.get(&id)
    }

    pub fn seller_by_slug(&self, slug: &str) -> Option<&seller::Model> {
        self.by_slug.get(slug).and_then(|id| self.sellers.get(id))
    }

    /// A seller's active delivery methods, by id.
    pub fn methods(&self, seller_id: i32) -> &[delivery_method::Model] {
        self.methods.get(&seller_id).map_or(&[], Vec::as_slice)
    }

    /// This snapshot and the sellers (and their active methods) among `ids` it did not know,
    /// read from the database: two queries, only when an offer names a seller added since the
    /// last reload.
    pub(crate) async fn knowing<C: ConnectionTrait>(&self, db: &C, ids: &[i32]) -> Result<Knowing<'_>, DbErr> {
        let missing: Vec<i32> = ids.iter().copied().filter(|id| !self.sellers.contains_key(id)).collect();
        if missing.is_empty() {
            return Ok(Knowing { snapshot: self, newcomers: None });
        }
        let sellers = seller::Entity::find().filter(seller::Column::Id.is_in(missing.clone())).all(db).await?;
        let methods = delivery_method::Entity::find()
            .filter(delivery_method::Column::SellerId.is_in(missing))
            .filter(delivery_method::Column::Active.eq(true))
            .order_by_asc(delivery_method::Column::Id)
            .all(db)
            .await?;
        Ok(Knowing { snapshot: self, newcomers: Some(Snapshot::from_rows(Vec::new(), sellers, methods)) })
    }

    pub fn seller_count(&self) -> usize {
        self.sellers.len()
    }
}

/// A snapshot and the sellers it did not know yet (see [`Snapshot::knowing`]).
pub(crate) struct Knowing<'a> {
    snapshot: &'a Snapshot,
    newcomers: Option<Snapshot>,
}

impl Knowing<'_> {
    pub fn seller(&self, id: i32) -> Option<&seller::Model> {
        self.snapshot.seller(id).or_else(|| self.newcomers.as_ref().and_then(|n| n.seller(id)))
    }

    /// The seller's active methods.
    pub fn methods(&self, seller_id: i32) -> &[delivery_method::Model] {
        let own = self.snapshot.methods(seller_id);
        match &self.newcomers {
            Some(n) if own.is_empty() => n.methods(seller_id),
            _ => own,
        }
    }
}

/// The current snapshot of this instance, replaced whole on every reload.
pub struct Snapshots {
    current: RwLock<Arc<Snapshot>>,
}

impl Snapshots {
    pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Arc<Snapshots>, DbErr> {
        Ok(Arc::new(Snapshots { current: RwLock::new(Arc::new(Snapshot::load(db).await?)) }))
    }

    /// The snapshot to answer one request from (a reload meanwhile does not change it).
    pub fn current(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Reads the tables again and replaces the snapshot.
    pub async fn refresh<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        let fresh = Arc::new(Snapshot::load(db).await?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(())
    }

    /// Reloads after every batch of the change feed (one reload for batches that arrive
    /// together) and at least every [`REFRESH_EVERY`].
    pub fn follow(self: &Arc<Self>, db: DatabaseConnection, feed: &ChangeFeed) -> tokio::task::JoinHandle<()> {
        let snapshots = Arc::clone(self);
        let mut changes = feed.subscribe();
        tokio::spawn(async move {
            loop {
                match tokio::time::timeout(REFRESH_EVERY, changes.recv()).await {
                    Ok(Err(RecvError::Closed)) => return,
                    // A batch, a lag (everything may have changed) or the timeout: reload.
                    Ok(Ok(_)) | Ok(Err(RecvError::Lagged(_))) | Err(_) => {}
                }
                // Batches that queued up while the last reload ran need no reload each.
                while !changes.is_empty() {
                    if let Err(TryRecvError::Closed) = changes.try_recv() {
                        return;
                    }
                }
                if let Err(e) = snapshots.refresh(&db).await {
                    tracing::warn!("catalog snapshot reload failed: {e}");
                }
            }
        })
    }
}
