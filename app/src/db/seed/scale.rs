//! The scale generator: `server seed --products 100000 --offers-per-product 10` adds that many
//! synthetic products (texts in et/en/ru, real category tree) with that many offers each, in
//! batched multi-row inserts, on either engine. Deterministic for the same arguments.

use super::demo::{demo_products, epoch, tr_json, write_categories_and_sellers};
use super::{demo_data as data, ean13, shelf_price, slugify, Rng};
use crate::db::entity::{category, delivery_method, offer, product, product_text, seller};
use chrono::{Duration, NaiveDate};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, PaginatorTrait,
    QueryOrder, Statement,
};
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration as StdDuration, Instant};

const PRODUCTS_PER_BATCH: usize = 1000;
const OFFERS_PER_INSERT: usize = 2000;

#[derive(Debug)]
pub struct ScaleReport {
    pub products: usize,
    pub offers: usize,
    pub sellers_added: usize,
    pub elapsed: StdDuration,
}

async fn max_id(db: &DatabaseConnection, table: &str) -> Result<i32, DbErr> {
    let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {table}");
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    row.map_or(Ok(0), |r| r.try_get_by_index::<i32>(0))
}

/// Adds `products` products with `offers_per_product` offers each. Creates the demo categories
/// and sellers first when the database is empty, and extra sellers when there are too few.
pub async fn seed_scale(
    db: &DatabaseConnection,
    products: usize,
    offers_per_product: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<ScaleReport, DbErr> {
    let started = Instant::now();
    if category::Entity::find().count(db).await? == 0 {
        let txn = crate::db::begin(db).await?;
        write_categories_and_sellers(&txn).await?;
        txn.commit().await?;
    }
    let category_ids: HashMap<String, i32> =
        category::Entity::find().all(db).await?.into_iter().map(|c| (c.slug, c.id)).collect();

    // Enough sellers to give every product `offers_per_product` distinct ones.
    let mut seller_ids: Vec<i32> =
        seller::Entity::find().order_by_asc(seller::Column::Id).all(db).await?.into_iter().map(|s| s.id).collect();
    let mut sellers_added = 0;
    while seller_ids.len() < offers_per_product {
        let n = seller_ids.len() + 1;
        let row = seller::ActiveModel {
            slug: Set(format!("scale-seller-{n:04}")),
            name: Set(format!("Scale Seller {n:04}")),
            legal_name: Set(format!("Scale Seller {n:04} OÜ")),
            registry_code: Set(format!("{:08}", 16_000_000 + n)),
            vat_number: Set(format!("EE{:09}", 102_000_000 + n)),
            country: Set("EE".into()),
            street: Set(format!("Tööstuse {n}")),
            city: Set("Tallinn".into()),
            postal_code: Set("10416".into()),
            email: Set(format!("shop{n}@scale.example")),
            phone: Set(format!("+372 5{:07}", n)),
            about: Set(json!({"et": "", "en": "", "ru": ""}).to_string()),
            trading_since: Set(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
            status: Set(crate::catalog::SellerStatus::Active),
            created_at: Set(epoch()),
            ..Default::default()
        };
        let id = seller::Entity::insert(row).exec(db).await?.last_insert_id;
        let method = delivery_method::ActiveModel {
            seller_id: Set(id),
            kind: Set(crate::delivery::DeliveryKind::ParcelLocker),
            name: Set(tr_json(&data::Tr { et: "Pakiautomaat", en: "Parcel locker", ru: "Пакоматы" })),
            price_cents: Set(299),
            free_over_cents: Set(Some(5000)),
            regions: Set("[]".into()),
            days_min: Set(2),
            days_max: Set(4),
            active: Set(true),
            ..Default::default()
        };
        delivery_method::Entity::insert(method).exec_without_returning(db).await?;
        super::reviews::write_reviews(db, &[id]).await?;
        seller_ids.push(id);
        sellers_added += 1;
    }

    let templates = demo_products();
    let first_product = max_id(db, "products").await? + 1;
    let first_offer = max_id(db, "offers").await? + 1;
    let mut next_offer = first_offer;
    let mut offers_done = 0;
    let mut done = 0;
    while done < products {
        let batch = PRODUCTS_PER_BATCH.min(products - done);
        let (mut product_rows, mut text_rows, mut offer_rows) =
            (Vec::with_capacity(batch), Vec::with_capacity(batch * 3), Vec::with_capacity(batch * offers_per_product));
        for i in 0..batch {
            let id = first_product + (done + i) as i32;
            let t = &templates[id as usize % templates.len()];
            let mut rng = Rng::new(0x5ca1e ^ id as u64);
            let created_at = epoch() + Duration::minutes(id as i64);
            let mut sellers = seller_ids.clone();
            rng.shuffle(&mut sellers);
            let mut min_price: Option<i64> = None;
            let mut buyable = 0;
            for &seller_id in &sellers[..offers_per_product] {
                let base = t.line.base_price_cents * (100 + 45 * t.variant_index as i64) / 100;
                let price = shelf_price(base * (rng.range(90, 115)) / 100);
                let stock = if rng.chance(8) { 0 } else { rng.range(1, 250) as i32 };
                let active = !rng.chance(4);
                if active && stock > 0 {
                    buyable += 1;
                    min_price = Some(min_price.map_or(price, |m| m.min(price)));
                }
                offer_rows.push(offer::ActiveModel {
                    id: Set(next_offer),
                    product_id: Set(id),
                    seller_id: Set(seller_id),
                    price_cents: Set(price),
                    stock: Set(stock),
                    condition: Set("new".into()),
                    handling_days: Set(rng.range(0, 2) as i32),
                    active: Set(active),
                    created_at: Set(created_at),
                    delivery_method_ids: Set(None),
                });
                next_offer += 1;
            }
            product_rows.push(product::ActiveModel {
                id: Set(id),
                slug: Set(format!("{}-{id}", slugify(&t.title("en")))),
                category_id: Set(category_ids[t.line.category]),
                ean: Set(ean13(475, id as u64)),
                brand: Set(t.brand.to_owned()),
                images: Set(json!([format!("/img/products/{}", t.line.image)]).to_string()),
                perishable: Set(t.line.perishable || t.line.cold_chain),
                cold_chain: Set(t.line.cold_chain),
                storable: Set(t.line.storable),
                min_price_cents: Set(min_price),
                offer_count: Set(buyable),
                created_at: Set(created_at),
                updated_at: Set(created_at),
                vat_class: Set(crate::vat::VatClass::Standard),
            });
            for lang in ["et", "en", "ru"] {
                text_rows.push(product_text::ActiveModel {
                    product_id: Set(id),
                    lang: Set(lang.to_owned()),
                    title: Set(format!("{} #{id}", t.title(lang))),
                    description: Set(t.line.description.pick(lang).to_owned()),
                    attributes: Set("[]".into()),
                });
            }
        }
        let txn = crate::db::begin(db).await?;
        product::Entity::insert_many(product_rows).exec_without_returning(&txn).await?;
        product_text::Entity::insert_many(text_rows).exec_without_returning(&txn).await?;
        offers_done += offer_rows.len();
        let mut offer_rows = offer_rows.into_iter().peekable();
        while offer_rows.peek().is_some() {
            let chunk: Vec<_> = offer_rows.by_ref().take(OFFERS_PER_INSERT).collect();
            offer::Entity::insert_many(chunk).exec_without_returning(&txn).await?;
        }
        txn.commit().await?;
        done += batch;
        progress(done, products);
    }

    crate::sellers::service::refresh_assortment(db, None).await?;
    // Explicit ids leave PostgreSQL's sequences behind; move them past the new rows.
    if db.get_database_backend() == DbBackend::Postgres {
        for table in ["products", "offers", "sellers", "categories", "delivery_methods", "seller_reviews"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .await?;
        }
        db.execute_unprepared("ANALYZE").await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
    }
    Ok(ScaleReport { products: done, offers: offers_done, sellers_added, elapsed: started.elapsed() })
}
