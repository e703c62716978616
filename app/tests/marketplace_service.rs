//! Service tests of offers and the buy box, seller pages, search and the change feed, on the
//! demo catalog, each run on SQLite and on PostgreSQL.

mod support;

use support::{seeded, sunday};

use app::catalog::changes::{touch_products, Poller};
use app::catalog::service::{product_page, refresh_offer_summary};
use app::db::entity::{offer, product, seller, seller_review};
use app::delivery::County;
use app::i18n::Lang;
use app::offers::buybox::Unavailable;
use app::search::{service::Search, SearchOrder, SearchParams};
use app::sellers::service::{seller_profile, sellers_page};
use chrono::{Datelike, Utc, Weekday};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};


async fn many_offers_product(db: &DatabaseConnection) -> product::Model {
    product::Entity::find()
        .filter(product::Column::OfferCount.gte(10))
        .filter(product::Column::ColdChain.eq(false))
        .order_by_asc(product::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("the demo has products with 10+ offers")
}

async fn buy_box_picks_the_lowest_landed_price_and_reacts_to_changes(db: &DatabaseConnection) {
    seeded(db).await;
    let p = many_offers_product(db).await;
    let page = product_page(db, &support::snapshot(db).await, Lang::En, &p.slug, County::Harju, sunday()).await.unwrap().unwrap();
    let offers = &page.offers;
    assert!(offers.offers.len() >= 10);
    let winner = offers.winner().expect("a buyable offer wins").clone();
    let buyable: Vec<_> = offers.offers.iter().filter(|o| o.unavailable.is_none()).collect();
    let lowest = buyable.iter().map(|o| o.landed_cents.unwrap()).min().unwrap();
    assert_eq!(winner.landed_cents, Some(lowest));
    assert_eq!(winner.landed_cents.unwrap(), winner.price_cents + winner.options[0].fee_cents);
    // The landed order is sorted, unbuyable offers last.
    let landed: Vec<i64> = buyable.iter().map(|o| o.landed_cents.unwrap()).collect();
    assert!(landed.windows(2).all(|w| w[0] <= w[1]), "{landed:?}");
    assert!(offers.offers[buyable.len()..].iter().all(|o| o.unavailable.is_some()));
    // Every order lists every offer once.
    for order in [&offers.by_date, &offers.by_rating] {
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, (0..offers.offers.len()).collect::<Vec<_>>());
    }

    // The winner sells out: another offer wins and the old one shows as out of stock.
    let row = offer::Entity::find_by_id(winner.offer_id).one(db).await.unwrap().unwrap();
    let mut sold_out: offer::ActiveModel = row.into();
    sold_out.stock = Set(0);
    sold_out.update(db).await.unwrap();
    refresh_offer_summary(db, p.id).await.unwrap();
    let after = product_page(db, &support::snapshot(db).await, Lang::En, &p.slug, County::Harju, sunday()).await.unwrap().unwrap().offers;
    let next = after.winner().unwrap();
    assert_ne!(next.offer_id, winner.offer_id);
    let old = after.offers.iter().find(|o| o.offer_id == winner.offer_id).unwrap();
    assert_eq!(old.unavailable, Some(Unavailable::OutOfStock));

    // The new winner's seller is suspended: its offers disappear and never win.
    let suspended = seller::Entity::find().filter(seller::Column::Slug.eq(next.seller.slug.clone())).one(db).await.unwrap().unwrap();
    let mut s: seller::ActiveModel = suspended.clone().into();
    s.status = Set(app::catalog::SellerStatus::Suspended);
    s.update(db).await.unwrap();
    let later = product_page(db, &support::snapshot(db).await, Lang::En, &p.slug, County::Harju, sunday()).await.unwrap().unwrap().offers;
    assert!(later.offers.iter().all(|o| o.seller.slug != suspended.slug));
    assert_ne!(later.winner().map(|o| o.seller.slug.clone()), Some(suspended.slug));
}
on_both_engines!(buy_box_picks_the_lowest_landed_price_and_reacts_to_changes);

async fn cold_chain_goods_only_where_the_cold_courier_goes(db: &DatabaseConnection) {
    seeded(db).await;
    let p = product::Entity::find()
        .filter(product::Column::ColdChain.eq(true))
        .filter(product::Column::OfferCount.gte(1))
        .one(db)
        .await
        .unwrap()
        .expect("a buyable cold-chain product");
    let tartu = product_page(db, &support::snapshot(db).await, Lang::Et, &p.slug, County::Tartu, sunday()).await.unwrap().unwrap().offers;
    let winner = tartu.winner().expect("the cold courier delivers in Tartu");
    let date = winner.options[0].earliest;
    assert_eq!((date.weekday(), date.day()), (Weekday::Tue, 24), "ordered Sunday 22 Nov → Tuesday 24 Nov");
    let parnu = product_page(db, &support::snapshot(db).await, Lang::Et, &p.slug, County::Parnu, sunday()).await.unwrap().unwrap().offers;
    assert!(parnu.winner().is_none(), "no cold courier in Pärnu");
    assert!(parnu.offers.iter().all(|o| o.unavailable == Some(Unavailable::NoDeliveryToCounty)
        || o.unavailable == Some(Unavailable::OutOfStock)));
}
on_both_engines!(cold_chain_goods_only_where_the_cold_courier_goes);

async fn seller_list_and_profile(db: &DatabaseConnection) {
    seeded(db).await;
    let all = sellers_page(db, "", None, 1).await.unwrap();
    let total = seller::Entity::find().count(db).await.unwrap();
    assert_eq!(all.page.total, total);
    let (country, n) = all.countries.iter().find(|(_, n)| *n < total).cloned().expect("several countries");
    let filtered = sellers_page(db, "", Some(&country.to_lowercase()), 1).await.unwrap();
    assert_eq!(filtered.page.total, n);
    assert!(filtered.sellers.iter().all(|s| s.seller.country == country));
    // Name search, case-insensitive, on part of a name.
    let someone = &all.sellers[0].seller;
    let part: String = someone.name.chars().skip(1).take(4).collect::<String>().to_uppercase();
    let found = sellers_page(db, &part, None, 1).await.unwrap();
    assert!(found.sellers.iter().any(|s| s.seller.slug == someone.slug), "{part}");
    assert!(sellers_page(db, "no such seller %", None, 1).await.unwrap().sellers.is_empty());

    let row = seller::Entity::find().filter(seller::Column::Slug.eq(someone.slug.clone())).one(db).await.unwrap().unwrap();
    let profile = seller_profile(db, &support::snapshot(db).await, Lang::Ru, &row.slug, None, 1).await.unwrap().unwrap();
    assert_eq!(profile.requisites.registry_code, row.registry_code);
    assert_eq!(profile.requisites.vat_number, row.vat_number);
    let reviews = seller_review::Entity::find().filter(seller_review::Column::SellerId.eq(row.id)).all(db).await.unwrap();
    assert_eq!(reviews.len() as i32, row.review_count);
    assert_eq!(reviews.iter().map(|r| i64::from(r.stars)).sum::<i64>(), row.rating_stars_total);
    assert_eq!(profile.star_counts.iter().sum::<u64>(), reviews.len() as u64);
    let on_sale = offer::Entity::find()
        .filter(offer::Column::SellerId.eq(row.id))
        .filter(offer::Column::Active.eq(true))
        .count(db)
        .await
        .unwrap();
    assert_eq!(profile.page.total, on_sale);
    let (category, in_category) = profile.categories[0].clone();
    let narrowed = seller_profile(db, &support::snapshot(db).await, Lang::Ru, &row.slug, Some(&category.slug), 1).await.unwrap().unwrap();
    assert_eq!(narrowed.page.total, in_category);
    assert!(seller_profile(db, &support::snapshot(db).await, Lang::Ru, "no-such-seller", None, 1).await.unwrap().is_none());
}
on_both_engines!(seller_list_and_profile);

async fn search_finds_misspelt_words_and_follows_changes(db: &DatabaseConnection) {
    seeded(db).await;
    let search = Search::new().unwrap();
    let built = search.build(db).await.unwrap();
    assert_eq!(built as u64, product::Entity::find().count(db).await.unwrap());

    let p = many_offers_product(db).await;
    let detail = product_page(db, &support::snapshot(db).await, Lang::En, &p.slug, County::Harju, sunday()).await.unwrap().unwrap().product;
    // The longest word of the title, with two letters swapped.
    let word = detail.title.split(|c: char| !c.is_alphabetic()).max_by_key(|w| w.chars().count()).unwrap().to_lowercase();
    assert!(word.chars().count() >= 5, "{word}");
    let mut chars: Vec<char> = word.chars().collect();
    chars.swap(1, 2);
    let typo: String = chars.into_iter().collect();
    let params = |q: &str| SearchParams { q: q.into(), page: 1, ..Default::default() };
    let run = |q: SearchParams| {
        let search = search.clone();
        async move {
            let snapshot = support::snapshot(db).await;
            app::search::service::search_page(db, &snapshot, &search, Lang::En, q).await.unwrap().unwrap()
        }
    };
    let exact = run(params(&word)).await;
    assert!(exact.page.total > 0 && !exact.corrected);
    let fuzzy = run(SearchParams { q: typo.clone(), page: 1, ..Default::default() }).await;
    assert!(fuzzy.page.total > 0, "{typo} finds something");
    assert!(!fuzzy.facets.brands.is_empty() && !fuzzy.facets.categories.is_empty());

    // Facet filter: choosing a brand narrows the results to it.
    let brand = exact.facets.brands[0].clone();
    let narrowed = run(SearchParams { brand: Some(brand.value.clone()), ..params(&word) }).await;
    assert_eq!(narrowed.page.total, brand.count);
    assert!(narrowed.products.iter().all(|c| c.brand == brand.value));

    // Sorted by price: non-decreasing.
    let by_price = run(SearchParams { sort: SearchOrder::PriceAsc, ..params(&word) }).await;
    let prices: Vec<i64> = by_price.products.iter().filter_map(|c| c.min_price_cents).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");

    // A price change reaches the index through the change feed.
    let mut poller = Poller::starting_at(Utc::now() - chrono::Duration::seconds(1));
    let cheapest = offer::Entity::find()
        .filter(offer::Column::ProductId.eq(p.id))
        .filter(offer::Column::Active.eq(true))
        .filter(offer::Column::Stock.gt(0))
        .all(db)
        .await
        .unwrap();
    for o in cheapest {
        let mut o: offer::ActiveModel = o.into();
        o.price_cents = Set(1);
        o.update(db).await.unwrap();
    }
    refresh_offer_summary(db, p.id).await.unwrap();
    let changed = poller.poll(db).await.unwrap();
    assert!(changed.iter().any(|c| c.id == p.id), "{changed:?}");
    search.refresh(db, &changed.iter().map(|c| c.id).collect::<Vec<_>>()).await.unwrap();
    let first = run(SearchParams { sort: SearchOrder::PriceAsc, ..params(&word) }).await;
    assert_eq!(first.products[0].slug, p.slug);
    assert_eq!(first.products[0].min_price_cents, Some(1));
}
on_both_engines!(search_finds_misspelt_words_and_follows_changes);

async fn change_poller_reports_each_change_once(db: &DatabaseConnection) {
    seeded(db).await;
    let mut poller = Poller::starting_now();
    assert!(poller.poll(db).await.unwrap().is_empty(), "the seed is older than the poller");
    let ids: Vec<i32> = product::Entity::find().order_by_asc(product::Column::Id).all(db).await.unwrap()[..3]
        .iter()
        .map(|p| p.id)
        .collect();
    touch_products(db, &ids).await.unwrap();
    let mut first: Vec<i32> = poller.poll(db).await.unwrap().into_iter().map(|c| c.id).collect();
    first.sort();
    assert_eq!(first, ids);
    assert!(poller.poll(db).await.unwrap().is_empty(), "reported once");
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    touch_products(db, &ids[..1]).await.unwrap();
    let again: Vec<i32> = poller.poll(db).await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(again, ids[..1]);
}
on_both_engines!(change_poller_reports_each_change_once);
