//! Service tests of the sellers' bulk update by CSV, each on SQLite and PostgreSQL: a valid
//! file (semicolons, Windows-1257, Estonian headers) is checked, previewed and applied, offers
//! and the products' summaries follow; one bad row leaves everything as it was and is reported
//! with its line and column; 100,000 rows are checked and applied well under a minute; another
//! seller's import is "not found"; a job whose instance stopped is taken up again.

mod support;

use app::catalog::SellerStatus;
use app::db::entity::{offer, offer_import_row, product, seller, seller_member};
use app::i18n::Lang;
use app::sellers::area::{for_account, Member};
use app::sellers::csv::{Column, RowProblem};
use app::sellers::import_service::{apply, check, create, discard, resume_stale, start_applying, view, ImportError};
use app::sellers::imports::ImportStatus;
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

async fn members(db: &DatabaseConnection) -> (Member, Member) {
    let sellers =
        seller::Entity::find().filter(seller::Column::Status.eq(SellerStatus::Active)).order_by_asc(seller::Column::Id).all(db).await.unwrap();
    let mut out = Vec::new();
    for s in &sellers[1..3] {
        let m = seller_member::Entity::find().filter(seller_member::Column::SellerId.eq(s.id)).one(db).await.unwrap().unwrap();
        out.push(for_account(db, m.user_id).await.unwrap().expect("a member"));
    }
    let b = out.pop().unwrap();
    (out.pop().unwrap(), b)
}

async fn offers_of(db: &DatabaseConnection, seller_id: i32) -> Vec<offer::Model> {
    offer::Entity::find().filter(offer::Column::SellerId.eq(seller_id)).order_by_asc(offer::Column::Id).all(db).await.unwrap()
}

/// A product the seller does not offer.
async fn not_offered(db: &DatabaseConnection, seller_id: i32) -> product::Model {
    let mine: Vec<i32> = offers_of(db, seller_id).await.iter().map(|o| o.product_id).collect();
    product::Entity::find().filter(product::Column::Id.is_not_in(mine)).order_by_asc(product::Column::Id).one(db).await.unwrap().unwrap()
}

async fn ean_of(db: &DatabaseConnection, product_id: i32) -> String {
    product::Entity::find_by_id(product_id).one(db).await.unwrap().unwrap().ean
}

async fn status(db: &DatabaseConnection, me: &Member, id: i32) -> ImportStatus {
    view(db, me, Lang::En, id).await.unwrap().unwrap().status
}

async fn valid_file_is_applied(db: &DatabaseConnection) {
    support::seeded(db).await;
    let (me, _) = members(db).await;
    let mine = offers_of(db, me.seller_id()).await;
    let (a, b) = (&mine[0], &mine[1]);
    let new = not_offered(db, me.seller_id()).await;
    // What Excel saves in Estonia: semicolons, decimal commas, Windows-1257, Estonian headers,
    // a column it does not know, and a line that changes nothing.
    let text = format!(
        "EAN;Hind;Laoseis;Aktiivne;Toote nimi\r\n{};12,34;5;jah;Õunamahl\r\n{};;0;ei;Šokolaad\r\n{};9,99;;;Žele\r\n{};{};{};;same\r\n",
        ean_of(db, a.product_id).await,
        ean_of(db, b.product_id).await,
        new.ean,
        ean_of(db, mine[2].product_id).await,
        app::sellers::offers::euros_for_input(mine[2].price_cents),
        mine[2].stock,
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1257.encode(&text);
    assert!(!unmappable);
    let id = create(db, &me, "hinnad.csv", bytes.into_owned(), Utc::now()).await.unwrap();
    assert_eq!(status(db, &me, id).await, ImportStatus::Checking);
    check(db, id).await.unwrap();
    let v = view(db, &me, Lang::En, id).await.unwrap().unwrap();
    assert_eq!(v.status, ImportStatus::Ready, "{:?}", v.errors);
    assert_eq!((v.encoding.as_deref(), v.separator.as_deref()), (Some("Windows-1257"), Some(";")));
    assert_eq!(v.columns, vec![Column::Ean, Column::Price, Column::Stock, Column::Active]);
    assert_eq!(v.ignored, vec!["Toote nimi".to_owned()]);
    assert_eq!((v.records, v.checked, v.updates, v.creates, v.unchanged, v.error_count), (4, 4, 2, 1, 1, 0));
    assert_eq!(v.changes.len(), 3);
    assert_eq!(v.changes[0].price, (Some(a.price_cents), Some(1234)));
    assert_eq!(v.changes[2].offer_id, None, "the third line makes a new offer");
    // Nothing changed yet.
    assert_eq!(offers_of(db, me.seller_id()).await, mine);

    assert!(start_applying(db, &me, id, Utc::now()).await.unwrap());
    assert!(!start_applying(db, &me, id, Utc::now()).await.unwrap(), "a second click applies nothing more");
    apply(db, id, Utc::now()).await.unwrap();
    let after = offers_of(db, me.seller_id()).await;
    let a2 = after.iter().find(|o| o.id == a.id).unwrap();
    assert_eq!((a2.price_cents, a2.stock, a2.active, a2.handling_days), (1234, 5, true, a.handling_days));
    let b2 = after.iter().find(|o| o.id == b.id).unwrap();
    assert_eq!((b2.price_cents, b2.stock, b2.active), (b.price_cents, 0, false), "empty cells leave terms as they were");
    let made = after.iter().find(|o| o.product_id == new.id).expect("the new offer");
    assert_eq!((made.price_cents, made.stock, made.active, made.handling_days, made.delivery_method_ids.clone()), (999, 0, true, 1, None));
    assert_eq!(after.len(), mine.len() + 1);
    // The product's summary follows (buyable offers: the new one has no stock, so not counted).
    let pa = product::Entity::find_by_id(a.product_id).one(db).await.unwrap().unwrap();
    assert!(pa.min_price_cents.unwrap() <= 1234);
    let v = view(db, &me, Lang::En, id).await.unwrap().unwrap();
    assert_eq!(v.status, ImportStatus::Applied);
    assert!(v.finished_at.is_some());
    assert_eq!(offer_import_row::Entity::find().filter(offer_import_row::Column::ImportId.eq(id)).count(db).await.unwrap(), 0);
    // An applied file cannot be discarded or applied again.
    discard(db, &me, id, Utc::now()).await.unwrap();
    assert_eq!(status(db, &me, id).await, ImportStatus::Applied);
}

on_both_engines!(valid_file_is_applied);

async fn one_bad_row_changes_nothing(db: &DatabaseConnection) {
    support::seeded(db).await;
    let (me, _) = members(db).await;
    let mine = offers_of(db, me.seller_id()).await;
    let new = not_offered(db, me.seller_id()).await;
    let text = format!(
        "ean,price,stock\n{},\"1,00\",1\n{},\"12,345\",2\n4740000000000,1.00,3\n{},,4\n{},2.00,x\n",
        ean_of(db, mine[0].product_id).await,
        ean_of(db, mine[1].product_id).await,
        new.ean,
        ean_of(db, mine[0].product_id).await,
    );
    let id = create(db, &me, "bad.csv", text.into_bytes(), Utc::now()).await.unwrap();
    check(db, id).await.unwrap();
    let v = view(db, &me, Lang::En, id).await.unwrap().unwrap();
    assert_eq!(v.status, ImportStatus::Invalid);
    let got: Vec<(u32, Option<Column>, RowProblem)> = v.errors.iter().map(|e| (e.line, e.column, e.problem)).collect();
    assert!(got.contains(&(3, Some(Column::Price), RowProblem::Value(app::sellers::offers::OfferProblem::NotANumber))), "{got:?}");
    assert!(got.iter().any(|(l, c, _)| *l == 4 && *c == Some(Column::Ean)), "a wrong check digit or no such product: {got:?}");
    assert!(got.contains(&(5, Some(Column::Price), RowProblem::PriceForNewOffer)), "{got:?}");
    assert!(got.iter().any(|(l, c, _)| *l == 6 && *c == Some(Column::Stock)), "{got:?}");
    assert_eq!(v.error_count as usize, got.len());
    assert!(!start_applying(db, &me, id, Utc::now()).await.unwrap(), "a file with problems is not applied");
    apply(db, id, Utc::now()).await.unwrap();
    assert_eq!(offers_of(db, me.seller_id()).await, mine, "the good first line was not applied either");
    assert_eq!(offer_import_row::Entity::find().filter(offer_import_row::Column::ImportId.eq(id)).count(db).await.unwrap(), 0);
    // A file that is not CSV at all.
    let id = create(db, &me, "book.xlsx", b"PK\x03\x04rest".to_vec(), Utc::now()).await.unwrap();
    check(db, id).await.unwrap();
    let v = view(db, &me, Lang::En, id).await.unwrap().unwrap();
    assert_eq!((v.status, v.file_problem), (ImportStatus::Invalid, Some(app::sellers::csv::FileProblem::NotText)));
    discard(db, &me, id, Utc::now()).await.unwrap();
    assert_eq!(status(db, &me, id).await, ImportStatus::Discarded);
}

on_both_engines!(one_bad_row_changes_nothing);

async fn another_sellers_import_is_not_found(db: &DatabaseConnection) {
    support::seeded(db).await;
    let (me, other) = members(db).await;
    let mine = offers_of(db, me.seller_id()).await;
    let text = format!("ean;price\n{};1,23\n", ean_of(db, mine[0].product_id).await);
    let id = create(db, &me, "a.csv", text.into_bytes(), Utc::now()).await.unwrap();
    check(db, id).await.unwrap();
    assert!(view(db, &other, Lang::En, id).await.unwrap().is_none());
    assert!(matches!(start_applying(db, &other, id, Utc::now()).await, Err(ImportError::NotFound)));
    assert!(matches!(discard(db, &other, id, Utc::now()).await, Err(ImportError::NotFound)));
    assert_eq!(status(db, &me, id).await, ImportStatus::Ready, "the other seller changed nothing");
    assert!(app::sellers::import_service::recent(db, &other).await.unwrap().recent.is_empty());
    assert_eq!(app::sellers::import_service::recent(db, &me).await.unwrap().recent.len(), 1);
}

on_both_engines!(another_sellers_import_is_not_found);

async fn stale_jobs_are_taken_up(db: &DatabaseConnection) {
    use app::db::entity::offer_import;
    support::seeded(db).await;
    let (me, _) = members(db).await;
    let mine = offers_of(db, me.seller_id()).await;
    let text = format!("ean;price\n{};1,23\n", ean_of(db, mine[0].product_id).await);
    let id = create(db, &me, "a.csv", text.into_bytes(), Utc::now()).await.unwrap();
    // Its instance stopped three minutes ago, before checking it.
    offer_import::Entity::update(offer_import::ActiveModel { id: Set(id), heartbeat_at: Set(Utc::now() - chrono::Duration::minutes(3)), ..Default::default() })
        .exec(db)
        .await
        .unwrap();
    assert_eq!(resume_stale(db, Utc::now()).await.unwrap(), 1);
    assert_eq!(resume_stale(db, Utc::now()).await.unwrap(), 0, "taken up once");
    for _ in 0..100 {
        if status(db, &me, id).await == ImportStatus::Ready {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the job was not checked again");
}

on_both_engines!(stale_jobs_are_taken_up);

/// 100,000 products the seller does not offer yet (EANs with the 475 prefix), in batches.
async fn many_products(db: &DatabaseConnection, n: u64) -> Vec<String> {
    let category = app::db::entity::category::Entity::find().one(db).await.unwrap().unwrap().id;
    let now = Utc::now();
    let mut eans = Vec::with_capacity(n as usize);
    let mut batch = Vec::new();
    for i in 0..n {
        let ean = app::db::seed::ean13(475, i);
        batch.push(product::ActiveModel {
            slug: Set(format!("bulk-{i}")),
            category_id: Set(category),
            ean: Set(ean.clone()),
            brand: Set("Bulk".into()),
            images: Set("[]".into()),
            perishable: Set(false),
            cold_chain: Set(false),
            storable: Set(false),
            min_price_cents: Set(None),
            offer_count: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            vat_class: Set(app::vat::VatClass::Standard),
            ..Default::default()
        });
        eans.push(ean);
        if batch.len() == 2000 {
            product::Entity::insert_many(std::mem::take(&mut batch)).exec(db).await.unwrap();
        }
    }
    if !batch.is_empty() {
        product::Entity::insert_many(batch).exec(db).await.unwrap();
    }
    eans
}

async fn hundred_thousand_rows(db: &DatabaseConnection) {
    support::seeded(db).await;
    let (me, _) = members(db).await;
    let before = offers_of(db, me.seller_id()).await.len();
    let eans = many_products(db, 100_000).await;
    let mut text = String::from("ean;price;stock;active;handling_days\n");
    for (i, e) in eans.iter().enumerate() {
        text.push_str(&format!("{e};{},{:02};{};yes;{}\n", 1 + i % 50, i % 100, i % 20, i % 3));
    }
    let started = std::time::Instant::now();
    let id = create(db, &me, "big.csv", text.into_bytes(), Utc::now()).await.unwrap();
    check(db, id).await.unwrap();
    let checked = started.elapsed();
    let v = view(db, &me, Lang::En, id).await.unwrap().unwrap();
    assert_eq!((v.status, v.records, v.creates, v.error_count), (ImportStatus::Ready, 100_000, 100_000, 0), "{:?}", v.errors.first());
    assert!(start_applying(db, &me, id, Utc::now()).await.unwrap());
    apply(db, id, Utc::now()).await.unwrap();
    let total = started.elapsed();
    assert_eq!(status(db, &me, id).await, ImportStatus::Applied);
    assert_eq!(offers_of(db, me.seller_id()).await.len(), before + 100_000);
    let last = product::Entity::find().filter(product::Column::Ean.eq(eans[99_999].clone())).one(db).await.unwrap().unwrap();
    assert_eq!((last.min_price_cents, last.offer_count), (Some(5099), 1), "the summary of the last product follows");
    println!(
        "offer import of 100,000 rows ({:?}): checked in {:.1} s, applied in {:.1} s, {:.1} s in all",
        db.get_database_backend(),
        checked.as_secs_f64(),
        (total - checked).as_secs_f64(),
        total.as_secs_f64()
    );
    assert!(total.as_secs() < 60, "100,000 rows took {total:?}");
}

on_both_engines!(hundred_thousand_rows);
