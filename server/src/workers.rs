//! Background work every instance runs, as two tasks that cannot hold each other up: releasing
//! the stock of unpaid orders whose reservation ended (and, hourly, deleting carts idle for 90
//! days with their drafts; and taking up sellers' offer files whose instance stopped working on
//! them), and sending the outbox (each send
//! bounded by a timeout, which counts as a failed attempt and is retried). Both are safe to run
//! on many instances at once (each change is a conditional update), so there is no leader to
//! elect. On shutdown both stop between jobs; [`Workers::join`] waits for them.

use crate::observe::METRICS;
use app::db::entity::outbox;
use app::outbox::{deliver_due, LocalOutbox, Transport, SEND_TIMEOUT_SECONDS};
use sea_orm::DatabaseConnection;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// How often the workers look for work.
const TICK: Duration = Duration::from_secs(2);
/// Messages claimed per round: a round ends (and shutdown is noticed) after at most this many.
const MAIL_BATCH: u64 = 10;

/// The e-mail transport: SMTP when `TURG_SMTP_URL` is set, else the local outbox.
pub fn transport(config: &app::config::Config) -> Result<Arc<dyn Transport>, String> {
    match &config.smtp_url {
        Some(url) => Ok(Arc::new(crate::mail::Smtp::new(url, &config.mail_from).map_err(|e| e.to_string())?)),
        None => Ok(Arc::new(LocalOutbox)),
    }
}

/// A transport whose sends fail after `limit` instead of hanging on a dead server.
struct WithTimeout {
    inner: Arc<dyn Transport>,
    limit: Duration,
}

impl Transport for WithTimeout {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn send<'a>(&'a self, message: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            match tokio::time::timeout(self.limit, self.inner.send(message)).await {
                Ok(result) => result,
                Err(_) => Err(format!("timed out after {} s", self.limit.as_secs())),
            }
        })
    }
}

/// The running workers.
pub struct Workers {
    handles: Vec<(&'static str, JoinHandle<()>)>,
}

impl Workers {
    /// Waits for every worker to stop (after `shutdown` was cancelled), at most `bound`. Says
    /// which did not stop in time (they are dropped with the runtime; a message being sent is
    /// retried by another instance when its lease ends).
    pub async fn join(self, bound: Duration) -> Result<(), String> {
        let deadline = tokio::time::Instant::now() + bound;
        let mut late = Vec::new();
        for (name, mut handle) in self.handles {
            if tokio::time::timeout_at(deadline, &mut handle).await.is_err() {
                handle.abort();
                late.push(name);
            }
        }
        if late.is_empty() {
            Ok(())
        } else {
            Err(format!("{} did not stop within {} s", late.join(", "), bound.as_secs()))
        }
    }
}

/// Starts both workers; they stop between jobs once `shutdown` is cancelled.
pub fn spawn(db: DatabaseConnection, transport: Arc<dyn Transport>, shutdown: CancellationToken) -> Workers {
    let release = tokio::spawn(release_loop(db.clone(), shutdown.clone()));
    let transport: Arc<dyn Transport> =
        Arc::new(WithTimeout { inner: transport, limit: Duration::from_secs(SEND_TIMEOUT_SECONDS) });
    let mail = tokio::spawn(mail_loop(db, transport, shutdown));
    Workers { handles: vec![("the reservation releaser", release), ("the e-mail sender", mail)] }
}

/// Waits for the next tick; `false` when shutdown came first.
async fn next_tick(tick: &mut tokio::time::Interval, shutdown: &CancellationToken) -> bool {
    tokio::select! {
        biased;
        _ = shutdown.cancelled() => false,
        _ = tick.tick() => true,
    }
}

fn interval() -> tokio::time::Interval {
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick
}

/// How often carts idle for 90 days (and their checkout drafts) are deleted, and pantry expiry
/// reminders queued.
const IDLE_CARTS_EVERY: Duration = Duration::from_secs(3600);

async fn release_loop(db: DatabaseConnection, shutdown: CancellationToken) {
    let mut tick = interval();
    let mut idle_carts_checked: Option<tokio::time::Instant> = None;
    while next_tick(&mut tick, &shutdown).await {
        if idle_carts_checked.is_none_or(|at| at.elapsed() >= IDLE_CARTS_EVERY) {
            idle_carts_checked = Some(tokio::time::Instant::now());
            match app::cart::service::delete_idle(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(carts = n, "deleted carts idle for 90 days"),
                Err(e) => tracing::warn!(error = %e, "deleting idle carts failed"),
            }
            // Pantry items expiring in 30 and 7 days: reminded once each (the outbox's key
            // keeps two instances from sending one reminder twice).
            match app::pantry::service::send_reminders(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(emails = n, "queued pantry expiry reminders"),
                Err(e) => tracing::warn!(error = %e, "queueing pantry reminders failed"),
            }
        }
        match app::payment::service::release_expired(&db, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => {
                METRICS.reservations_released.fetch_add(n as u64, Relaxed);
                tracing::info!(orders = n, "released the stock of unpaid orders");
            }
            Err(e) => tracing::warn!(error = %e, "releasing unpaid orders failed"),
        }
        // Sellers' offer files whose instance stopped working on them.
        if let Err(e) = app::sellers::import_service::resume_stale(&db, chrono::Utc::now()).await {
            tracing::warn!(error = %e, "taking up stopped offer files failed");
        }
    }
    tracing::debug!("the reservation releaser stopped");
}

async fn mail_loop(db: DatabaseConnection, transport: Arc<dyn Transport>, shutdown: CancellationToken) {
    let mut tick = interval();
    while next_tick(&mut tick, &shutdown).await {
        // Rounds follow each other while there is a backlog, checking for shutdown in between.
        loop {
            let round = match deliver_due(&db, transport.as_ref(), chrono::Utc::now(), MAIL_BATCH).await {
                Ok(r) => r,
                Err(e) => {
                    tracing::warn!(error = %e, "sending the outbox failed");
                    break;
                }
            };
            let handled = round.sent + round.retried + round.failed;
            if handled > 0 {
                METRICS.emails_sent.fetch_add(round.sent as u64, Relaxed);
                METRICS.email_attempts_failed.fetch_add((round.retried + round.failed) as u64, Relaxed);
                tracing::info!(sent = round.sent, retried = round.retried, failed = round.failed, transport = transport.name(), "outbox");
            }
            if (handled as u64) < MAIL_BATCH || shutdown.is_cancelled() {
                break;
            }
        }
    }
    tracing::debug!("the e-mail sender stopped");
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Never;

    impl Transport for Never {
        fn name(&self) -> &'static str {
            "never"
        }

        fn send<'a>(&'a self, _: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
            Box::pin(std::future::pending())
        }
    }

    #[tokio::test]
    async fn a_hanging_send_times_out_as_a_failure() {
        let t = WithTimeout { inner: Arc::new(Never), limit: Duration::from_millis(20) };
        let m = outbox::Model {
            id: 1,
            dedupe_key: "k".into(),
            kind: "test".into(),
            lang: "et".into(),
            to_address: "a@b.ee".into(),
            subject: "s".into(),
            body_text: "t".into(),
            body_html: "h".into(),
            status: app::outbox::OutboxStatus::Sending,
            attempts: 1,
            next_attempt_at: chrono::Utc::now(),
            locked_until: None,
            last_error: None,
            transport: None,
            created_at: chrono::Utc::now(),
            sent_at: None,
        };
        let e = t.send(&m).await.unwrap_err();
        assert!(e.contains("timed out"), "{e}");
        assert_eq!(t.name(), "never");
    }

    #[tokio::test]
    async fn workers_stop_on_shutdown() {
        let db = app::db::open("sqlite::memory:").await.unwrap();
        let shutdown = CancellationToken::new();
        let workers = spawn(db, Arc::new(LocalOutbox), shutdown.clone());
        tokio::time::sleep(Duration::from_millis(50)).await;
        shutdown.cancel();
        workers.join(Duration::from_secs(5)).await.unwrap();
    }
}
