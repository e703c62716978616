//! Test databases: SQLite in memory, and a fresh PostgreSQL database per test on the local
//! server (`TEST_POSTGRES_URL`, default postgres://postgres@127.0.0.1:5432/postgres), dropped
//! when the test ends.

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use std::sync::atomic::{AtomicU32, Ordering};

pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub async fn sqlite() -> DatabaseConnection {
    app::db::open("sqlite::memory:").await.expect("in-memory SQLite")
}

/// A PostgreSQL database that exists for one test.
pub struct TempPostgres {
    pub db: DatabaseConnection,
    name: String,
}

impl TempPostgres {
    pub async fn new() -> TempPostgres {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!("turg_test_{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst), nanos);
        let admin_url = postgres_admin_url();
        let admin = Database::connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is needed for these tests: {e}"));
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
        admin.close().await.ok();
        let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
        let db = app::db::open(&format!("{base}/{name}")).await.expect("open test database");
        TempPostgres { db, name }
    }

    pub async fn drop_database(self) {
        self.db.close().await.ok();
        let admin = Database::connect(&postgres_admin_url()).await.expect("admin connection");
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).await.ok();
    }
}

/// Runs one async check on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_engines {
    ($check:ident) => {
        mod $check {
            #[tokio::test]
            async fn sqlite() {
                let db = super::support::sqlite().await;
                super::$check(&db).await;
            }

            #[tokio::test]
            async fn postgres() {
                let pg = super::support::TempPostgres::new().await;
                super::$check(&pg.db).await;
                pg.drop_database().await;
            }
        }
    };
}

/// Runs one async check on a SQLite file (a pool of connections, as the server has) and on
/// PostgreSQL, each on a multi-thread runtime: for checks that race transactions.
#[macro_export]
macro_rules! on_both_engines_racing {
    ($check:ident) => {
        mod $check {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite_file() {
                let file = super::support::TempSqliteFile::new();
                let db = app::db::open(&file.url()).await.unwrap();
                super::$check(&db).await;
                db.close().await.ok();
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                let pg = super::support::TempPostgres::new().await;
                super::$check(&pg.db).await;
                pg.drop_database().await;
            }
        }
    };
}

/// A SQLite database file for one test, with a pool of several connections like the
/// server's (the in-memory database has a single connection); removed when dropped.
#[allow(dead_code)] // used by some test crates only
pub struct TempSqliteFile {
    path: std::path::PathBuf,
}

#[allow(dead_code)]
impl TempSqliteFile {
    pub fn new() -> TempSqliteFile {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir()
            .join(format!("turg_test_{}_{}.db", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst)));
        TempSqliteFile { path }
    }

    pub fn url(&self) -> String {
        format!("sqlite://{}?mode=rwc", self.path.display())
    }
}

impl Drop for TempSqliteFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}

/// The demo catalog in an empty database.
#[allow(dead_code)] // used by some test crates only
pub async fn seeded(db: &DatabaseConnection) {
    app::db::seed::seed_demo(db).await.expect("seed").expect("empty database gets seeded");
}

/// A confirmed account of that address, without a password (quicker than hashing one): its id.
#[allow(dead_code)] // used by some test crates only
pub async fn confirmed_account(db: &DatabaseConnection, email: &str) -> i32 {
    use sea_orm::{ActiveModelTrait, Set};
    let now = chrono::Utc::now();
    app::db::entity::user::ActiveModel {
        email: Set(email.to_owned()),
        email_confirmed_at: Set(Some(now)),
        password_hash: Set(None),
        name: Set("Test Person".into()),
        phone: Set(String::new()),
        lang: Set("et".into()),
        created_at: Set(now),
        deleted_at: Set(None),
        standing: Set(Default::default()),
        standing_reason: Set(String::new()),
        standing_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

/// Sunday 2026-11-22, 12:00 in Tallinn: the cold courier then comes on Tuesday.
#[allow(dead_code)]
pub fn sunday() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// A valid checkout contact (Mari in Tallinn, Harju County, no comment).
#[allow(dead_code)] // used by some test crates only
pub fn contact() -> app::checkout::validate::Contact {
    app::checkout::validate::validate(&app::checkout::validate::ContactForm {
        name: "Mari Maasikas".into(),
        email: "mari@example.ee".into(),
        phone: "5123 4567".into(),
        street: "Pikk 1".into(),
        city: "Tallinn".into(),
        postal_code: "10123".into(),
        county: "harju".into(),
        comment: String::new(),
        paper_invoice: false,
    })
    .expect("a valid form")
}

/// The catalog snapshot (categories, sellers, methods) as the database holds it now.
#[allow(dead_code)] // used by some test crates only
pub async fn snapshot(db: &sea_orm::DatabaseConnection) -> app::catalog::snapshot::Snapshot {
    app::catalog::snapshot::Snapshot::load(db).await.expect("the snapshot loads")
}

/// A paid order (in the sandbox bank, on Sunday) of two of each of two offers from two
/// sellers, the first in stock by id: (order id, key, the two offers).
#[allow(dead_code)] // used by some test crates only
pub async fn paid_order(db: &DatabaseConnection) -> (i32, String, Vec<app::db::entity::offer::Model>) {
    use app::cart::service::{self as cart, CartOwner};
    use app::db::entity::offer;
    use app::i18n::Lang;
    use app::ids::{CartId, OfferId};
    use app::payment::provider::{Callback, Outcome};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let now = sunday();
    let all = offer::Entity::find().filter(offer::Column::Active.eq(true)).filter(offer::Column::Stock.gte(5)).order_by_asc(offer::Column::Id).all(db).await.unwrap();
    let mut picked: Vec<offer::Model> = Vec::new();
    for o in all {
        if picked.len() < 2 && picked.iter().all(|p| p.seller_id != o.seller_id) {
            picked.push(o);
        }
    }
    let (c, _) = cart::find_or_create(db, CartOwner::Guest(None), now).await.unwrap();
    for o in &picked {
        cart::add(db, CartId(c.id), OfferId(o.id), 2, now).await.unwrap();
    }
    let view = cart::cart_view(db, CartOwner::Account(-1), Lang::En, now).await.unwrap();
    assert!(view.groups.is_empty(), "an account's cart is not a guest's");
    let placed = app::checkout::service::place_order(db, &c, &contact(), app::checkout::PayChoice::Bank(app::orders::Bank::Lhv), Lang::En, None, None, now)
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let paid = Callback { reference: placed.payment_reference.clone(), outcome: Outcome::Paid, amount_cents: placed.total_cents };
    app::payment::service::apply_callback(db, &paid, now).await.unwrap();
    (placed.order_id, placed.token, picked)
}
