//! The data layer (server only): connecting, migrating, entities and the demo/scale seeders.
//! `DATABASE_URL` chooses the engine: `sqlite://…` (default, a file under `data/`) or
//! `postgres://…`; the same code runs on both.

pub mod entity;
pub mod migration;
pub mod seed;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// Where Turg keeps its data when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/turg.db?mode=rwc";

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "DATABASE_URL `{url}` is not a database URL Turg understands; use sqlite://data/turg.db?mode=rwc, \
         sqlite::memory: or postgres://user@host:5432/dbname"
    )]
    BadUrl { url: String },
    #[error("cannot create the folder `{dir}` for the SQLite database: {reason}")]
    Folder { dir: String, reason: String },
    #[error("cannot open the database at `{url}`: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("migrating the database at `{url}` failed: {reason}")]
    Migration { url: String, reason: String },
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((creds, host)) = rest.split_once('@') else { return url.to_owned() };
    match creds.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// The SQLite file a URL points at, if it is a file URL (not `:memory:`).
fn sqlite_file(url: &str) -> Option<&str> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next().unwrap_or("");
    (!path.is_empty() && !path.starts_with(":memory:")).then_some(path)
}

fn max_connections(url: &str) -> u32 {
    if url.contains(":memory:") {
        return 1; // every connection would otherwise get its own empty database
    }
    crate::config::get_or_default()
        .database_max_connections
        .unwrap_or(if url.starts_with("sqlite") { 8 } else { 16 })
}

/// For a network database the pool only says it timed out; a plain TCP connection tells
/// whether anything listens at the address at all.
fn probe_server(url: &str) -> Option<String> {
    use std::net::ToSocketAddrs;
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host_port = if host_port.contains(':') { host_port.to_owned() } else { format!("{host_port}:5432") };
    let addr = host_port.to_socket_addrs().ok()?.next()?;
    match std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
        Ok(_) => None,
        Err(e) => Some(format!("nothing answers at {host_port} ({e}); is PostgreSQL running there?")),
    }
}

/// Opens a connection pool, with a message that says what to fix when it cannot.
pub async fn connect(url: &str) -> Result<DatabaseConnection, ConnectError> {
    let shown = redact(url);
    let known = ["sqlite:", "postgres://", "postgresql://"].iter().any(|p| url.starts_with(p));
    if !known {
        return Err(ConnectError::BadUrl { url: shown });
    }
    if let Some(file) = sqlite_file(url) {
        if let Some(dir) = std::path::Path::new(file).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| ConnectError::Folder { dir: dir.display().to_string(), reason: e.to_string() })?;
        }
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections(url))
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options).await.map_err(|e| match e {
        DbErr::Conn(_) | DbErr::ConnectionAcquire(_) => {
            let reason = probe_server(url).unwrap_or_else(|| e.to_string());
            ConnectError::Unreachable { url: shown.clone(), reason }
        }
        other => ConnectError::BadUrl { url: format!("{shown} ({other})") },
    })?;
    if db.get_database_backend() == DbBackend::Sqlite && sqlite_file(url).is_some() {
        // WAL lets readers proceed while a writer commits; the setting is stored in the file.
        db.execute_unprepared("PRAGMA journal_mode = WAL")
            .await
            .map_err(|e| ConnectError::Unreachable { url: shown.clone(), reason: e.to_string() })?;
    }
    Ok(db)
}

/// Begins a transaction. On SQLite it is `BEGIN IMMEDIATE`: it takes the write lock at once
/// (waiting for it up to the busy timeout) instead of at its first write, where SQLite refuses
/// a reader that must become a writer after another writer committed ("database is locked":
/// a read-then-write transaction failed that way under concurrent writes). Transactions here
/// write; reads need none. PostgreSQL is unaffected.
pub async fn begin<C: sea_orm::TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(sea_orm::TransactionOptions {
        isolation_level: None,
        access_mode: None,
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
    })
    .await
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection, url: &str) -> Result<(), ConnectError> {
    migration::Migrator::up(db, None)
        .await
        .map_err(|e| ConnectError::Migration { url: redact(url), reason: e.to_string() })
}

/// Connects and migrates: what the server and the commands do first.
pub async fn open(url: &str) -> Result<DatabaseConnection, ConnectError> {
    let db = connect(url).await?;
    migrate(&db, url).await?;
    Ok(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hidden() {
        assert_eq!(redact("postgres://u:secret@h:5432/d"), "postgres://u:***@h:5432/d");
        assert_eq!(redact("postgres://u@h/d"), "postgres://u@h/d");
        assert_eq!(redact("sqlite://data/turg.db"), "sqlite://data/turg.db");
    }

    #[test]
    fn sqlite_files_are_recognised() {
        assert_eq!(sqlite_file("sqlite://data/turg.db?mode=rwc"), Some("data/turg.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://x"), None);
    }

    #[tokio::test]
    async fn a_bad_url_says_what_to_use() {
        let err = connect("mysql://root@localhost/x").await.unwrap_err();
        assert!(matches!(err, ConnectError::BadUrl { .. }));
        assert!(err.to_string().contains("postgres://"), "{err}");
    }

    #[tokio::test]
    async fn an_unreachable_server_is_reported_as_such() {
        // Port 9 (discard) has no PostgreSQL behind it.
        let err = connect("postgres://postgres@127.0.0.1:9/turg").await.unwrap_err();
        assert!(matches!(err, ConnectError::Unreachable { .. }), "{err:?}");
        assert!(err.to_string().contains("127.0.0.1:9"), "{err}");
    }
}
