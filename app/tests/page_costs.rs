//! What a public page costs the database, and the snapshot that keeps it that way: a fixed
//! number of queries per page whatever the catalog's size, and snapshots that follow changes
//! made elsewhere through the change feed. Each check on SQLite and PostgreSQL.

mod support;

use app::catalog::changes::{touch_seller_products, ChangeFeed};
use app::catalog::service::{product_page, refresh_offer_summary};
use app::catalog::snapshot::Snapshots;
use app::catalog::SellerStatus;
use app::db::entity::{offer, product, seller};
use app::delivery::County;
use app::i18n::Lang;
use app::sellers::service::{refresh_assortment, seller_profile};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashSet;
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};
use std::time::Duration;
use support::{seeded, sunday};

/// A handle on the same database that counts the statements it runs.
fn counting(db: &DatabaseConnection) -> (DatabaseConnection, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let mut counted = db.clone();
    let c = count.clone();
    counted.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    (counted, count)
}

async fn product_pages_cost_two_queries(db: &DatabaseConnection) {
    seeded(db).await;
    let snapshot = support::snapshot(db).await;
    let (counted, queries) = counting(db);
    let products = product::Entity::find().filter(product::Column::OfferCount.gte(1)).order_by_asc(product::Column::Id).all(db).await.unwrap();
    for p in products.iter().take(5) {
        for lang in Lang::ALL {
            queries.store(0, Ordering::SeqCst);
            let page = product_page(&counted, &snapshot, lang, &p.slug, County::Harju, sunday()).await.unwrap().unwrap();
            assert!(!page.offers.offers.is_empty() && !page.product.categories.is_empty(), "{}", p.slug);
            assert_eq!(queries.load(Ordering::SeqCst), 2, "the product with its text, then its offers ({})", p.slug);
        }
    }
    // An unknown product: one query.
    queries.store(0, Ordering::SeqCst);
    assert!(product_page(&counted, &snapshot, Lang::En, "no-such-product", County::Harju, sunday()).await.unwrap().is_none());
    assert_eq!(queries.load(Ordering::SeqCst), 1);
}
on_both_engines!(product_pages_cost_two_queries);

/// The seller with the most offers on sale, and its profile's query count.
async fn seller_profiles_are_paged_in_the_database(db: &DatabaseConnection) {
    seeded(db).await;
    let snapshot = support::snapshot(db).await;
    let (counted, queries) = counting(db);
    let sellers = seller::Entity::find().filter(seller::Column::Status.eq(SellerStatus::Active)).all(db).await.unwrap();
    let mut biggest = None;
    for s in &sellers {
        let n = offer::Entity::find()
            .filter(offer::Column::SellerId.eq(s.id))
            .filter(offer::Column::Active.eq(true))
            .count(db)
            .await
            .unwrap();
        if biggest.as_ref().is_none_or(|(_, m)| n > *m) {
            biggest = Some((s.clone(), n));
        }
    }
    let (s, on_sale) = biggest.unwrap();
    assert!(on_sale > 24, "the biggest demo seller fills more than one page ({on_sale})");

    queries.store(0, Ordering::SeqCst);
    let first = seller_profile(&counted, &snapshot, Lang::En, &s.slug, None, 1).await.unwrap().unwrap();
    // Six, and the seller's own row: read fresh (not from the snapshot) so what a seller edits on
    // its profile shows at once on every instance; the logo's address comes with it.
    assert!(queries.load(Ordering::SeqCst) <= 7, "{} queries", queries.load(Ordering::SeqCst));
    assert_eq!(first.page.total, on_sale);
    assert_eq!(first.categories.iter().map(|(_, n)| n).sum::<u64>(), on_sale);
    let second = seller_profile(&counted, &snapshot, Lang::En, &s.slug, None, 2).await.unwrap().unwrap();
    let slugs = |p: &app::sellers::SellerProfile| p.products.iter().map(|c| c.slug.clone()).collect::<HashSet<_>>();
    assert_eq!(first.products.len(), 24);
    assert!(slugs(&first).is_disjoint(&slugs(&second)), "pages do not overlap");

    // Narrowed to a category: the count comes from the stored counts and matches the rows.
    let (category, n) = first.categories.iter().max_by_key(|(_, n)| *n).unwrap().clone();
    let narrowed = seller_profile(&counted, &snapshot, Lang::En, &s.slug, Some(&category.slug), 1).await.unwrap().unwrap();
    assert_eq!(narrowed.page.total, n);
    assert_eq!(narrowed.products.len() as u64, n.min(24));
    // The same products as the plain join gives (the page may be found either way).
    let category_id = app::db::entity::category::Entity::find()
        .filter(app::db::entity::category::Column::Slug.eq(category.slug.clone()))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let expected: Vec<String> = offer::Entity::find()
        .inner_join(product::Entity)
        .filter(offer::Column::SellerId.eq(s.id))
        .filter(offer::Column::Active.eq(true))
        .filter(product::Column::CategoryId.eq(category_id))
        .order_by_asc(offer::Column::ProductId)
        .limit(24)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.product_id.to_string())
        .collect();
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for c in &narrowed.products {
            let p = product::Entity::find().filter(product::Column::Slug.eq(c.slug.clone())).one(db).await.unwrap().unwrap();
            ids.push(p.id.to_string());
        }
        ids
    };
    assert_eq!(ids, expected);

    // An offer taken off sale leaves the counts once they are refreshed.
    let row = offer::Entity::find()
        .filter(offer::Column::SellerId.eq(s.id))
        .filter(offer::Column::Active.eq(true))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut off: offer::ActiveModel = row.clone().into();
    off.active = Set(false);
    off.update(db).await.unwrap();
    refresh_offer_summary(db, row.product_id).await.unwrap();
    refresh_assortment(db, Some(&[s.id])).await.unwrap();
    let after = seller_profile(db, &snapshot, Lang::En, &s.slug, None, 1).await.unwrap().unwrap();
    assert_eq!(after.page.total, on_sale - 1);
    assert_eq!(after.categories.iter().map(|(_, n)| n).sum::<u64>(), on_sale - 1);
}
on_both_engines!(seller_profiles_are_paged_in_the_database);

/// A seller suspended on one connection disappears from every instance's snapshot after the
/// change feed's next tick, without anyone telling the instances.
async fn snapshots_follow_the_change_feed(db: &DatabaseConnection) {
    seeded(db).await;
    let snapshots = Snapshots::load(db).await.unwrap();
    let feed = ChangeFeed::new();
    let follower = snapshots.follow(db.clone(), &feed);
    let poller = feed.spawn_poller(db.clone(), Duration::from_millis(50));

    let s = seller::Entity::find().filter(seller::Column::Status.eq(SellerStatus::Active)).order_by_asc(seller::Column::Id).one(db).await.unwrap().unwrap();
    assert_eq!(snapshots.current().seller(s.id).unwrap().status, SellerStatus::Active);
    // The change as a seller's admin page would make it: status and its products, in one transaction.
    let txn = sea_orm::TransactionTrait::begin(db).await.unwrap();
    let mut row: seller::ActiveModel = s.clone().into();
    row.status = Set(SellerStatus::Suspended);
    row.update(&txn).await.unwrap();
    touch_seller_products(&txn, s.id).await.unwrap();
    txn.commit().await.unwrap();

    let started = std::time::Instant::now();
    while snapshots.current().seller(s.id).unwrap().status != SellerStatus::Suspended {
        assert!(started.elapsed() < Duration::from_secs(10), "the snapshot did not follow the change");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // And the product page built from it no longer shows the seller's offers.
    let p = offer::Entity::find().filter(offer::Column::SellerId.eq(s.id)).one(db).await.unwrap().unwrap();
    let slug = product::Entity::find_by_id(p.product_id).one(db).await.unwrap().unwrap().slug;
    let page = product_page(db, &snapshots.current(), Lang::En, &slug, County::Harju, sunday()).await.unwrap().unwrap();
    assert!(page.offers.offers.iter().all(|o| o.seller.slug != s.slug));
    poller.abort();
    follower.abort();
}
on_both_engines_racing!(snapshots_follow_the_change_feed);
