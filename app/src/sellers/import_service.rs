//! Bulk offer updates by CSV, on the database: an upload is stored (`offer_imports`), checked
//! in the background against the catalogue and the seller's offers (its changes staged in
//! `offer_import_rows`, its progress and heartbeat written every chunk so any instance's page
//! shows them), and applied on request in one transaction of set-based statements: the file
//! changes every offer it names or none. A job whose instance went away (no heartbeat for
//! [`STALE_AFTER_SECONDS`]) is taken up by another ([`resume_stale`]).

use super::area::Member;
use super::csv::{self, Column, Key, Row, RowError, RowProblem};
use super::imports::{ChangeRow, ImportStatus, ImportView, ImportsPage, ERRORS_KEPT, PREVIEW_ROWS, RECENT_IMPORTS};
use crate::db::entity::{offer, offer_import, offer_import_row, product};
use crate::i18n::Lang;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement, TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// Rows looked up, staged and reported per round of the check.
const CHUNK: usize = 1000;
/// A running job without a heartbeat for this long is taken up again.
pub const STALE_AFTER_SECONDS: i64 = 120;
/// A new offer made by a file without these terms: no stock, dispatched the next working day.
const NEW_STOCK: i32 = 0;
const NEW_HANDLING_DAYS: i32 = 1;

/// Why an import cannot be applied or discarded now.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<ImportError> for crate::errors::AppError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::NotFound => crate::errors::AppError::NotFound,
            ImportError::Db(e) => e.into(),
        }
    }
}

/// Stores an uploaded file as a new import, to be checked.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    me: &Member,
    file_name: &str,
    content: Vec<u8>,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let row = offer_import::ActiveModel {
        seller_id: Set(me.seller_id()),
        user_id: Set(me.user_id()),
        file_name: Set(file_name.chars().take(200).collect()),
        status: Set(ImportStatus::Checking),
        columns: Set("[]".into()),
        ignored: Set("[]".into()),
        errors: Set("[]".into()),
        content: Set(Some(content)),
        created_at: Set(now),
        heartbeat_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Attempts at a background step before it is given up (a check starts over; applying is one
/// transaction): a busy database must not leave a file waiting for the stale-job timeout.
const ATTEMPTS: u32 = 3;

/// Checks an import in the background of this instance.
pub fn spawn_check(db: DatabaseConnection, id: i32) {
    tokio::spawn(async move {
        for attempt in 1..=ATTEMPTS {
            match check(&db, id).await {
                Ok(()) => return,
                Err(e) if attempt < ATTEMPTS => {
                    tracing::warn!(import = id, attempt, error = %e, "checking an offer file failed; trying again");
                    tokio::time::sleep(std::time::Duration::from_millis(500 * u64::from(attempt))).await;
                }
                Err(e) => {
                    tracing::error!(import = id, error = %e, "checking an offer file failed");
                    let failed = offer_import::ActiveModel {
                        id: Set(id),
                        status: Set(ImportStatus::Failed),
                        problem: Set(Some("failed".into())),
                        content: Set(None),
                        finished_at: Set(Some(Utc::now())),
                        ..Default::default()
                    };
                    if let Err(e) = finish(&db, id, failed).await {
                        tracing::error!(import = id, error = %e, "marking an offer file failed");
                    }
                }
            }
        }
    });
}

/// Applies an import in the background of this instance (after [`start_applying`]).
pub fn spawn_apply(db: DatabaseConnection, id: i32) {
    tokio::spawn(async move {
        if let Err(e) = apply(&db, id, Utc::now()).await {
            tracing::error!(import = id, error = %e, "applying an offer file failed");
        }
    });
}

async fn heartbeat<C: ConnectionTrait>(db: &C, id: i32, checked: usize) -> Result<(), DbErr> {
    offer_import::Entity::update_many()
        .col_expr(offer_import::Column::Checked, Expr::value(checked as i32))
        .col_expr(offer_import::Column::HeartbeatAt, Expr::value(Utc::now()))
        .filter(offer_import::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The seller's offers of these products, by product.
async fn own_offers<C: ConnectionTrait>(db: &C, seller_id: i32, product_ids: &[i32]) -> Result<HashMap<i32, offer::Model>, DbErr> {
    Ok(offer::Entity::find()
        .filter(offer::Column::SellerId.eq(seller_id))
        .filter(offer::Column::ProductId.is_in(product_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.product_id, o))
        .collect())
}

/// The catalogue's products for a chunk of rows' keys: by EAN (a 12-digit UPC also as its
/// 13-digit EAN) and by id.
async fn products_of<C: ConnectionTrait>(db: &C, rows: &[Row]) -> Result<(HashMap<String, i32>, Vec<i32>), DbErr> {
    let mut eans = Vec::new();
    let mut ids = Vec::new();
    for r in rows {
        match &r.key {
            Key::Ean(e) => {
                eans.push(e.clone());
                if e.len() == 12 {
                    eans.push(format!("0{e}"));
                }
            }
            Key::ProductId(id) => ids.push(*id),
        }
    }
    let by_ean: HashMap<String, i32> = if eans.is_empty() {
        HashMap::new()
    } else {
        product::Entity::find()
            .select_only()
            .column(product::Column::Ean)
            .column(product::Column::Id)
            .filter(product::Column::Ean.is_in(eans))
            .into_tuple::<(String, i32)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let known_ids: Vec<i32> = if ids.is_empty() {
        Vec::new()
    } else {
        product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .filter(product::Column::Id.is_in(ids))
            .into_tuple()
            .all(db)
            .await?
    };
    Ok((by_ean, known_ids))
}

fn lookup(key: &Key, by_ean: &HashMap<String, i32>, known_ids: &[i32]) -> Option<i32> {
    match key {
        Key::Ean(e) => by_ean.get(e).or_else(|| by_ean.get(&format!("0{e}"))).copied(),
        Key::ProductId(id) => known_ids.contains(id).then_some(*id),
    }
}

/// Whether a row changes nothing of the offer.
fn unchanged(r: &Row, o: &offer::Model) -> bool {
    r.price_cents.is_none_or(|p| p == o.price_cents)
        && r.stock.is_none_or(|s| s == o.stock)
        && r.active.is_none_or(|a| a == o.active)
        && r.handling_days.is_none_or(|h| h == o.handling_days)
}

/// Reads and checks an import that is `checking`: every row against the catalogue and the
/// seller's offers. Ends `invalid` (with the errors) or `ready` (its changes staged).
pub async fn check<C: ConnectionTrait>(db: &C, id: i32) -> Result<(), DbErr> {
    let Some(job) = offer_import::Entity::find_by_id(id).one(db).await? else { return Ok(()) };
    if job.status != ImportStatus::Checking {
        return Ok(());
    }
    // A run taken up again starts over.
    offer_import_row::Entity::delete_many().filter(offer_import_row::Column::ImportId.eq(id)).exec(db).await?;
    let parsed = match csv::parse(job.content.as_deref().unwrap_or_default()) {
        Ok(p) => p,
        Err(problem) => {
            let done = offer_import::ActiveModel {
                id: Set(id),
                status: Set(ImportStatus::Invalid),
                problem: Set(Some(serde_json::to_string(&problem).unwrap_or_default())),
                content: Set(None),
                finished_at: Set(Some(Utc::now())),
                ..Default::default()
            };
            return finish(db, id, done).await;
        }
    };
    offer_import::Entity::update_many()
        .col_expr(offer_import::Column::Encoding, Expr::value(parsed.encoding.code()))
        .col_expr(offer_import::Column::Separator, Expr::value(parsed.separator.code()))
        .col_expr(offer_import::Column::Columns, Expr::value(serde_json::to_string(&parsed.columns).unwrap_or_default()))
        .col_expr(offer_import::Column::Ignored, Expr::value(serde_json::to_string(&parsed.ignored).unwrap_or_default()))
        .col_expr(offer_import::Column::Records, Expr::value(parsed.records as i32))
        .filter(offer_import::Column::Id.eq(id))
        .exec(db)
        .await?;
    let mut errors: Vec<RowError> = parsed.errors;
    let (mut updates, mut creates, mut unchanged_rows) = (0i32, 0i32, 0i32);
    // The first line naming each product (by EAN or by id: the same product twice is an error).
    let mut first_line: HashMap<i32, u32> = HashMap::new();
    let mut done_rows = errors.len();
    for chunk in parsed.rows.chunks(CHUNK) {
        let (by_ean, known_ids) = products_of(db, chunk).await?;
        let resolved: Vec<Option<i32>> = chunk.iter().map(|r| lookup(&r.key, &by_ean, &known_ids)).collect();
        let product_ids: Vec<i32> = resolved.iter().flatten().copied().collect();
        let offers = own_offers(db, job.seller_id, &product_ids).await?;
        let mut staged = Vec::new();
        for (r, product_id) in chunk.iter().zip(resolved) {
            let Some(product_id) = product_id else {
                errors.push(RowError { line: r.line, column: Some(r.key.column()), problem: RowProblem::UnknownProduct });
                continue;
            };
            if let Some(first) = first_line.get(&product_id) {
                errors.push(RowError {
                    line: r.line,
                    column: Some(r.key.column()),
                    problem: RowProblem::Duplicate { first_line: *first },
                });
                continue;
            }
            first_line.insert(product_id, r.line);
            let existing = offers.get(&product_id);
            match existing {
                None if r.price_cents.is_none() => {
                    errors.push(RowError { line: r.line, column: Some(Column::Price), problem: RowProblem::PriceForNewOffer });
                    continue;
                }
                None => creates += 1,
                Some(o) if unchanged(r, o) => {
                    unchanged_rows += 1;
                    continue;
                }
                Some(_) => updates += 1,
            }
            // Once a row is wrong nothing will be applied: the rest is only checked.
            if errors.is_empty() {
                staged.push(offer_import_row::ActiveModel {
                    import_id: Set(id),
                    line: Set(r.line as i32),
                    product_id: Set(product_id),
                    offer_id: Set(existing.map(|o| o.id)),
                    price_cents: Set(r.price_cents),
                    stock: Set(r.stock),
                    active: Set(r.active),
                    handling_days: Set(r.handling_days),
                });
            }
        }
        if errors.is_empty() && !staged.is_empty() {
            offer_import_row::Entity::insert_many(staged).exec(db).await?;
        }
        done_rows += chunk.len();
        heartbeat(db, id, done_rows).await?;
    }
    errors.sort_by_key(|e| e.line);
    let invalid = !errors.is_empty();
    if invalid {
        offer_import_row::Entity::delete_many().filter(offer_import_row::Column::ImportId.eq(id)).exec(db).await?;
    }
    let done = offer_import::ActiveModel {
        id: Set(id),
        status: Set(if invalid { ImportStatus::Invalid } else { ImportStatus::Ready }),
        checked: Set(parsed.records as i32),
        error_count: Set(errors.len() as i32),
        errors: Set(serde_json::to_string(&errors[..errors.len().min(ERRORS_KEPT)]).unwrap_or_default()),
        updates: Set(updates),
        creates: Set(creates),
        unchanged: Set(unchanged_rows),
        content: Set(None),
        finished_at: Set(invalid.then(Utc::now)),
        ..Default::default()
    };
    finish(db, id, done).await
}

/// Writes a check's outcome if the import is still being checked (a discarded or a finished
/// one stays as it is).
async fn finish<C: ConnectionTrait>(db: &C, id: i32, mut done: offer_import::ActiveModel) -> Result<(), DbErr> {
    done.heartbeat_at = Set(Utc::now());
    offer_import::Entity::update_many()
        .set(done)
        .filter(offer_import::Column::Id.eq(id))
        .filter(offer_import::Column::Status.eq(ImportStatus::Checking))
        .exec(db)
        .await?;
    Ok(())
}

/// Moves the member's `ready` import to `applying`; `false` when it is not ready (applied
/// already, by another click or another member).
pub async fn start_applying<C: ConnectionTrait>(db: &C, me: &Member, id: i32, now: DateTime<Utc>) -> Result<bool, ImportError> {
    let job = own(db, me, id).await?;
    let moved = offer_import::Entity::update_many()
        .col_expr(offer_import::Column::Status, Expr::value(ImportStatus::Applying))
        .col_expr(offer_import::Column::HeartbeatAt, Expr::value(now))
        .filter(offer_import::Column::Id.eq(job.id))
        .filter(offer_import::Column::Status.eq(ImportStatus::Ready))
        .exec(db)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// The member's seller's import, or "not found".
async fn own<C: ConnectionTrait>(db: &C, me: &Member, id: i32) -> Result<offer_import::Model, ImportError> {
    offer_import::Entity::find_by_id(id)
        .filter(offer_import::Column::SellerId.eq(me.seller_id()))
        .one(db)
        .await?
        .ok_or(ImportError::NotFound)
}

/// Applies an `applying` import: every staged change in one transaction, with the products'
/// summaries, the seller's assortment and the change feed. On a failure nothing changes and
/// the import is `failed`.
pub async fn apply<C: ConnectionTrait + TransactionTrait>(db: &C, id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let Some(job) = offer_import::Entity::find_by_id(id).one(db).await? else { return Ok(()) };
    if job.status != ImportStatus::Applying {
        return Ok(());
    }
    let mut outcome = apply_in_one_transaction(db, &job, now).await;
    for attempt in 1..ATTEMPTS {
        match &outcome {
            Err(e) => {
                tracing::warn!(import = id, attempt, error = %e, "applying an offer file failed; trying again");
                tokio::time::sleep(std::time::Duration::from_millis(500 * u64::from(attempt))).await;
                outcome = apply_in_one_transaction(db, &job, now).await;
            }
            Ok(()) => break,
        }
    }
    match outcome {
        Ok(()) => {
            offer_import_row::Entity::delete_many().filter(offer_import_row::Column::ImportId.eq(id)).exec(db).await?;
            Ok(())
        }
        Err(e) => {
            tracing::error!(import = id, error = %e, "applying an offer file failed; nothing was changed");
            offer_import::Entity::update_many()
                .col_expr(offer_import::Column::Status, Expr::value(ImportStatus::Failed))
                .col_expr(offer_import::Column::Problem, Expr::value("failed"))
                .col_expr(offer_import::Column::FinishedAt, Expr::value(Utc::now()))
                .filter(offer_import::Column::Id.eq(id))
                .filter(offer_import::Column::Status.eq(ImportStatus::Applying))
                .exec(db)
                .await?;
            offer_import_row::Entity::delete_many().filter(offer_import_row::Column::ImportId.eq(id)).exec(db).await?;
            Err(e)
        }
    }
}

async fn apply_in_one_transaction<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    job: &offer_import::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let txn = crate::db::begin(db).await?;
    let backend = txn.get_database_backend();
    let (id, seller) = (job.id, job.seller_id);
    let run = |sql: &str, values: Vec<sea_orm::Value>| Statement::from_sql_and_values(backend, placeholders(backend, sql), values);
    // An offer the seller made by hand since the check is changed, not made twice.
    txn.execute_raw(run(
        "UPDATE offer_import_rows SET offer_id = (SELECT o.id FROM offers o \
           WHERE o.seller_id = ? AND o.product_id = offer_import_rows.product_id) \
         WHERE import_id = ? AND offer_id IS NULL",
        vec![seller.into(), id.into()],
    ))
    .await?;
    txn.execute_raw(run(
        "UPDATE offers SET \
           price_cents = COALESCE(r.price_cents, offers.price_cents), \
           stock = COALESCE(r.stock, offers.stock), \
           active = COALESCE(r.active, offers.active), \
           handling_days = COALESCE(r.handling_days, offers.handling_days) \
         FROM offer_import_rows r \
         WHERE r.import_id = ? AND r.offer_id = offers.id AND offers.seller_id = ?",
        vec![id.into(), seller.into()],
    ))
    .await?;
    txn.execute_raw(run(
        "INSERT INTO offers (product_id, seller_id, price_cents, stock, condition, handling_days, active, created_at, delivery_method_ids) \
         SELECT r.product_id, ?, r.price_cents, COALESCE(r.stock, ?), 'new', COALESCE(r.handling_days, ?), COALESCE(r.active, TRUE), ?, NULL \
         FROM offer_import_rows r WHERE r.import_id = ? AND r.offer_id IS NULL AND r.price_cents IS NOT NULL \
         ORDER BY r.line",
        vec![seller.into(), NEW_STOCK.into(), NEW_HANDLING_DAYS.into(), now.into(), id.into()],
    ))
    .await?;
    crate::catalog::service::refresh_offer_summaries_in(
        &txn,
        &format!("SELECT product_id FROM offer_import_rows WHERE import_id = {id}"),
    )
    .await?;
    crate::sellers::service::refresh_assortment(&txn, Some(&[seller][..])).await?;
    let moved = offer_import::Entity::update_many()
        .col_expr(offer_import::Column::Status, Expr::value(ImportStatus::Applied))
        .col_expr(offer_import::Column::FinishedAt, Expr::value(Utc::now()))
        .col_expr(offer_import::Column::HeartbeatAt, Expr::value(Utc::now()))
        .filter(offer_import::Column::Id.eq(id))
        .filter(offer_import::Column::Status.eq(ImportStatus::Applying))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        // Applied by another instance meanwhile: this run changes nothing.
        return Ok(());
    }
    txn.commit().await
}

/// `?` placeholders as the engine writes them (`$1, $2, …` for PostgreSQL).
fn placeholders(backend: DbBackend, sql: &str) -> String {
    if backend != DbBackend::Postgres {
        return sql.to_owned();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// Drops a `ready` or `invalid` import of the member's seller (nothing else can be dropped).
pub async fn discard<C: ConnectionTrait>(db: &C, me: &Member, id: i32, now: DateTime<Utc>) -> Result<(), ImportError> {
    let job = own(db, me, id).await?;
    let moved = offer_import::Entity::update_many()
        .col_expr(offer_import::Column::Status, Expr::value(ImportStatus::Discarded))
        .col_expr(offer_import::Column::FinishedAt, Expr::value(now))
        .filter(offer_import::Column::Id.eq(job.id))
        .filter(offer_import::Column::Status.is_in([ImportStatus::Ready, ImportStatus::Invalid]))
        .exec(db)
        .await?;
    if moved.rows_affected == 1 {
        offer_import_row::Entity::delete_many().filter(offer_import_row::Column::ImportId.eq(id)).exec(db).await?;
    }
    Ok(())
}

/// Takes up the jobs whose instance stopped working on them (no heartbeat for
/// [`STALE_AFTER_SECONDS`]): each is claimed by moving its heartbeat (one instance wins), then
/// checked or applied again here. Returns how many were taken up.
pub async fn resume_stale(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let stale = offer_import::Entity::find()
        .select_only()
        .column(offer_import::Column::Id)
        .column(offer_import::Column::Status)
        .column(offer_import::Column::HeartbeatAt)
        .filter(offer_import::Column::Status.is_in([ImportStatus::Checking, ImportStatus::Applying]))
        .filter(offer_import::Column::HeartbeatAt.lt(now - Duration::seconds(STALE_AFTER_SECONDS)))
        .into_tuple::<(i32, ImportStatus, DateTime<Utc>)>()
        .all(db)
        .await?;
    let mut taken = 0;
    for (id, status, beat) in stale {
        let claimed = offer_import::Entity::update_many()
            .col_expr(offer_import::Column::HeartbeatAt, Expr::value(now))
            .filter(offer_import::Column::Id.eq(id))
            .filter(offer_import::Column::HeartbeatAt.eq(beat))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        taken += 1;
        tracing::warn!(import = id, status = status.code(), "taking up an offer file whose instance stopped");
        match status {
            ImportStatus::Checking => spawn_check(db.clone(), id),
            _ => spawn_apply(db.clone(), id),
        }
    }
    Ok(taken)
}

fn json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn view_of(job: offer_import::Model, changes: Vec<ChangeRow>) -> ImportView {
    ImportView {
        id: job.id,
        file_name: job.file_name,
        status: job.status,
        encoding: job.encoding,
        separator: job.separator,
        columns: json(&job.columns),
        ignored: json(&job.ignored),
        records: job.records.max(0) as u32,
        checked: job.checked.max(0) as u32,
        error_count: job.error_count.max(0) as u32,
        errors: json(&job.errors),
        updates: job.updates.max(0) as u32,
        creates: job.creates.max(0) as u32,
        unchanged: job.unchanged.max(0) as u32,
        file_problem: job.problem.as_deref().and_then(|p| serde_json::from_str(p).ok()),
        failed: job.status == ImportStatus::Failed,
        created_at: job.created_at,
        finished_at: job.finished_at,
        changes,
    }
}

/// The upload page: the member's seller's latest imports.
pub async fn recent<C: ConnectionTrait>(db: &C, me: &Member) -> Result<ImportsPage, DbErr> {
    let jobs = offer_import::Entity::find()
        .filter(offer_import::Column::SellerId.eq(me.seller_id()))
        .order_by_desc(offer_import::Column::Id)
        .limit(RECENT_IMPORTS)
        .all(db)
        .await?;
    Ok(ImportsPage {
        seller_name: me.seller().name.clone(),
        recent: jobs.into_iter().map(|j| ImportView { errors: Vec::new(), ..view_of(j, Vec::new()) }).collect(),
    })
}

/// One import of the member's seller, with the first changes while it is `ready`.
pub async fn view<C: ConnectionTrait>(db: &C, me: &Member, lang: Lang, id: i32) -> Result<Option<ImportView>, DbErr> {
    let job = match own(db, me, id).await {
        Ok(j) => j,
        Err(ImportError::NotFound) => return Ok(None),
        Err(ImportError::Db(e)) => return Err(e),
    };
    let mut changes = Vec::new();
    if job.status == ImportStatus::Ready {
        let rows = offer_import_row::Entity::find()
            .filter(offer_import_row::Column::ImportId.eq(id))
            .order_by_asc(offer_import_row::Column::Line)
            .limit(PREVIEW_ROWS)
            .all(db)
            .await?;
        let product_ids: Vec<i32> = rows.iter().map(|r| r.product_id).collect();
        let products = crate::catalog::service::products_by_id(db, product_ids.clone()).await?;
        let titles = crate::catalog::service::titles(db, &product_ids, lang).await?;
        let offers = own_offers(db, me.seller_id(), &product_ids).await?;
        for r in rows {
            let Some(p) = products.get(&r.product_id) else { continue };
            let o = offers.get(&r.product_id);
            changes.push(ChangeRow {
                line: r.line.max(0) as u32,
                product_title: titles.get(&p.id).cloned().unwrap_or_else(|| p.slug.clone()),
                product_slug: p.slug.clone(),
                ean: p.ean.clone(),
                offer_id: o.map(|o| o.id),
                price: (o.map(|o| o.price_cents), r.price_cents),
                stock: (o.map(|o| o.stock), r.stock),
                active: (o.map(|o| o.active), r.active),
                handling_days: (o.map(|o| o.handling_days), r.handling_days),
            });
        }
    }
    Ok(Some(view_of(job, changes)))
}
