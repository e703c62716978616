//! Service tests of the catalog and the seeders, each run on SQLite and on PostgreSQL.

mod support;

use app::catalog::{paging::ProductSort, service, SellerStatus};
use app::delivery::DeliveryKind;
use app::db::entity::{offer, product, product_text, seller};
use app::db::seed::{seed_demo, seed_scale};
use app::i18n::Lang;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::collections::{HashMap, HashSet};

async fn seeded(db: &DatabaseConnection) {
    let report = seed_demo(db).await.expect("seed").expect("empty database gets seeded");
    assert!(report.products >= 200, "{report:?}");
}

async fn demo_catalog_meets_the_brief(db: &DatabaseConnection) {
    seeded(db).await;
    assert!(seed_demo(db).await.unwrap().is_none(), "a second seed changes nothing");

    let sellers = seller::Entity::find().all(db).await.unwrap();
    assert!(sellers.len() >= 12);
    let countries: HashSet<_> = sellers.iter().map(|s| s.country.as_str()).collect();
    assert!(countries.len() >= 4, "{countries:?}");

    let products = product::Entity::find().all(db).await.unwrap();
    assert!(products.len() >= 200);
    let leaf_categories: HashSet<_> = products.iter().map(|p| p.category_id).collect();
    assert!(leaf_categories.len() >= 10);
    let with_3 = products.iter().filter(|p| p.offer_count >= 3).count();
    let with_10 = products.iter().filter(|p| p.offer_count >= 10).count();
    assert!(with_3 * 2 > products.len(), "most products have 3+ buyable offers: {with_3}/{}", products.len());
    assert!(with_10 >= 5, "some products have 10+ offers: {with_10}");

    // Every product speaks all three languages.
    let texts = product_text::Entity::find().count(db).await.unwrap();
    assert_eq!(texts as usize, products.len() * 3);

    // The platform's own food store: cold courier, 7.00 € or free over 39.90 €.
    let own = sellers.iter().find(|s| s.slug == "turg-toidupood").expect("own food store");
    let methods = app::db::entity::delivery_method::Entity::find()
        .filter(app::db::entity::delivery_method::Column::SellerId.eq(own.id))
        .all(db)
        .await
        .unwrap();
    assert!(methods.iter().any(|m| m.kind == DeliveryKind::ColdCourier && m.price_cents == 700 && m.free_over_cents == Some(3990)));
    let cold: Vec<_> = products.iter().filter(|p| p.cold_chain).collect();
    assert!(!cold.is_empty());
    let cold_offers = offer::Entity::find()
        .filter(offer::Column::ProductId.is_in(cold.iter().map(|p| p.id)))
        .all(db)
        .await
        .unwrap();
    assert!(cold_offers.iter().all(|o| o.seller_id == own.id), "only the cold courier carries cold-chain goods");

    // The stored summary agrees with the offers themselves.
    let active_sellers: HashSet<i32> = sellers.iter().filter(|s| s.status == SellerStatus::Active).map(|s| s.id).collect();
    let mut expected: HashMap<i32, (Option<i64>, i32)> = HashMap::new();
    for o in offer::Entity::find().all(db).await.unwrap() {
        let e = expected.entry(o.product_id).or_insert((None, 0));
        if o.active && o.stock > 0 && active_sellers.contains(&o.seller_id) {
            e.0 = Some(e.0.map_or(o.price_cents, |m: i64| m.min(o.price_cents)));
            e.1 += 1;
        }
    }
    for p in &products {
        assert_eq!((p.min_price_cents, p.offer_count), expected.get(&p.id).copied().unwrap_or((None, 0)), "{}", p.slug);
    }
}
on_both_engines!(demo_catalog_meets_the_brief);

/// The demo catalog is the same on every run and engine: a digest of it, pinned.
async fn demo_catalog_is_deterministic(db: &DatabaseConnection) {
    seeded(db).await;
    let rows = product::Entity::find().order_by_asc(product::Column::Id).all(db).await.unwrap();
    let digest: i64 = rows
        .iter()
        .map(|p| p.min_price_cents.unwrap_or(0) * (p.id as i64 % 97 + 1) + p.offer_count as i64 * 7919)
        .sum();
    let again = support::sqlite().await;
    seeded(&again).await;
    let other: i64 = product::Entity::find()
        .order_by_asc(product::Column::Id)
        .all(&again)
        .await
        .unwrap()
        .iter()
        .map(|p| p.min_price_cents.unwrap_or(0) * (p.id as i64 % 97 + 1) + p.offer_count as i64 * 7919)
        .sum();
    assert_eq!(digest, other, "same catalog on SQLite and this engine");
    assert_eq!(rows[0].slug, product::Entity::find_by_id(rows[0].id).one(&again).await.unwrap().unwrap().slug);
}
on_both_engines!(demo_catalog_is_deterministic);

async fn home_lists_categories_and_featured_products(db: &DatabaseConnection) {
    seeded(db).await;
    let et = service::home(db, &support::snapshot(db).await, Lang::Et).await.unwrap();
    let en = service::home(db, &support::snapshot(db).await, Lang::En).await.unwrap();
    assert!(et.categories.len() >= 5);
    assert_eq!(et.categories.len(), en.categories.len());
    assert_ne!(et.categories[0].category.name, en.categories[0].category.name, "names are translated");
    assert_eq!(et.categories[0].category.slug, en.categories[0].category.slug);
    assert!(et.categories.iter().all(|c| !c.children.is_empty()));
    assert_eq!(et.featured.len(), service::FEATURED as usize);
    assert!(et.featured.iter().all(|p| p.min_price_cents.is_some()));
    assert!(et.featured.windows(2).all(|w| w[0].offer_count >= w[1].offer_count), "most offers first");
}
on_both_engines!(home_lists_categories_and_featured_products);

async fn category_pages_page_and_sort(db: &DatabaseConnection) {
    seeded(db).await;
    let food = service::category_page(db, &support::snapshot(db).await, Lang::En, "food", ProductSort::Popular, 1).await.unwrap().unwrap();
    assert!(food.ancestors.is_empty());
    assert!(!food.children.is_empty());
    // A top-level category lists the products of all its sub-categories.
    let mut sum = 0;
    for child in &food.children {
        let page = service::category_page(db, &support::snapshot(db).await, Lang::En, &child.slug, ProductSort::Popular, 1).await.unwrap().unwrap();
        assert_eq!(page.ancestors.len(), 1);
        assert_eq!(page.ancestors[0].slug, "food");
        sum += page.page.total;
    }
    assert_eq!(food.page.total, sum);
    assert_eq!(food.products.len(), 24);
    assert!(food.page.count >= 2);

    // Page 2 continues page 1 without overlap; an out-of-range page shows the last one.
    let p2 = service::category_page(db, &support::snapshot(db).await, Lang::En, "food", ProductSort::Popular, 2).await.unwrap().unwrap();
    let first: HashSet<_> = food.products.iter().map(|p| p.slug.clone()).collect();
    assert!(p2.products.iter().all(|p| !first.contains(&p.slug)));
    let last = service::category_page(db, &support::snapshot(db).await, Lang::En, "food", ProductSort::Popular, 999).await.unwrap().unwrap();
    assert_eq!(last.page.number, last.page.count);

    // Sorted by price: ascending prices, products with no offer last.
    let cheap = service::category_page(db, &support::snapshot(db).await, Lang::En, "food", ProductSort::PriceAsc, 1).await.unwrap().unwrap();
    let prices: Vec<i64> = cheap.products.iter().filter_map(|p| p.min_price_cents).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let dear = service::category_page(db, &support::snapshot(db).await, Lang::En, "food", ProductSort::PriceDesc, 1).await.unwrap().unwrap();
    assert!(dear.products[0].min_price_cents >= cheap.products[0].min_price_cents);

    assert!(service::category_page(db, &support::snapshot(db).await, Lang::En, "no-such-category", ProductSort::Popular, 1).await.unwrap().is_none());
}
on_both_engines!(category_pages_page_and_sort);

async fn product_detail_in_each_language(db: &DatabaseConnection) {
    seeded(db).await;
    let some = product::Entity::find().filter(product::Column::OfferCount.gt(2)).one(db).await.unwrap().unwrap();
    let en = service::product_detail(db, &support::snapshot(db).await, Lang::En, &some.slug).await.unwrap().unwrap();
    let ru = service::product_detail(db, &support::snapshot(db).await, Lang::Ru, &some.slug).await.unwrap().unwrap();
    assert_ne!(en.title, ru.title);
    assert!(ru.title.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())), "{}", ru.title);
    assert!(en.attributes.len() >= 3);
    assert_eq!(en.ean.len(), 13);
    assert_eq!(en.offer_count, some.offer_count);
    assert!(!en.images.is_empty());
    assert!(en.categories.len() >= 2, "trail from the top-level category down");
    assert!(service::product_detail(db, &support::snapshot(db).await, Lang::En, "no-such-product").await.unwrap().is_none());
}
on_both_engines!(product_detail_in_each_language);

async fn summary_follows_offer_changes(db: &DatabaseConnection) {
    seeded(db).await;
    let p = product::Entity::find().filter(product::Column::OfferCount.gte(3)).one(db).await.unwrap().unwrap();
    let offers = offer::Entity::find().filter(offer::Column::ProductId.eq(p.id)).all(db).await.unwrap();
    let cheapest = offers
        .iter()
        .filter(|o| o.active && o.stock > 0)
        .min_by_key(|o| o.price_cents)
        .unwrap()
        .clone();
    assert_eq!(p.min_price_cents, Some(cheapest.price_cents));

    // The cheapest offer sells out: the next one becomes the lowest price.
    let mut sold_out: offer::ActiveModel = cheapest.clone().into();
    sold_out.stock = Set(0);
    sold_out.update(db).await.unwrap();
    service::refresh_offer_summary(db, p.id).await.unwrap();
    let after = product::Entity::find_by_id(p.id).one(db).await.unwrap().unwrap();
    assert_eq!(after.offer_count, p.offer_count - 1);
    assert!(after.min_price_cents >= p.min_price_cents);

    // Suspending every seller of the product leaves it with no buyable offer.
    for o in &offers {
        let mut s: seller::ActiveModel = seller::Entity::find_by_id(o.seller_id).one(db).await.unwrap().unwrap().into();
        s.status = Set(SellerStatus::Suspended);
        s.update(db).await.unwrap();
    }
    service::refresh_all_offer_summaries(db).await.unwrap();
    let none = product::Entity::find_by_id(p.id).one(db).await.unwrap().unwrap();
    assert_eq!((none.min_price_cents, none.offer_count), (None, 0));
}
on_both_engines!(summary_follows_offer_changes);

async fn scale_generator_fills_an_empty_database(db: &DatabaseConnection) {
    let report = seed_scale(db, 1500, 20, |_, _| {}).await.unwrap();
    assert_eq!((report.products, report.offers), (1500, 30_000));
    // 20 distinct sellers per product: the demo's sellers plus generated ones.
    assert_eq!(report.sellers_added, 20 - app::db::seed::demo_data::SELLERS.len());
    assert_eq!(product::Entity::find().count(db).await.unwrap(), 1500);
    assert_eq!(offer::Entity::find().count(db).await.unwrap(), 30_000);
    assert_eq!(product_text::Entity::find().count(db).await.unwrap(), 4500);
    // The summaries written during generation equal a recomputation from the offers.
    let before: Vec<_> = product::Entity::find().order_by_asc(product::Column::Id).all(db).await.unwrap();
    service::refresh_all_offer_summaries(db).await.unwrap();
    let after: Vec<_> = product::Entity::find().order_by_asc(product::Column::Id).all(db).await.unwrap();
    assert_eq!(before, after);
    // A second run appends; new rows still insert through the sequences afterwards.
    seed_scale(db, 10, 3, |_, _| {}).await.unwrap();
    assert_eq!(product::Entity::find().count(db).await.unwrap(), 1510);
    let slugs = service::sitemap_slugs(db).await.unwrap();
    assert_eq!(slugs.products.len(), 1510);
    assert_eq!(slugs.sellers.len() as u64, seller::Entity::find().count(db).await.unwrap());
}
on_both_engines!(scale_generator_fills_an_empty_database);
