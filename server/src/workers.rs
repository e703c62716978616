//! Background work every instance runs: sending the outbox and releasing the stock of unpaid
//! orders whose reservation ended. Both are safe to run on many instances at once (each
//! change is a conditional update), so there is no leader to elect.

use app::outbox::{deliver_due, LocalOutbox, Transport};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use std::time::Duration;

/// How often the workers look for work.
const TICK: Duration = Duration::from_secs(2);

/// The e-mail transport: SMTP when `TURG_SMTP_URL` is set, else the local outbox.
pub fn transport_from_env() -> Result<Arc<dyn Transport>, String> {
    match std::env::var("TURG_SMTP_URL").ok().filter(|u| !u.is_empty()) {
        Some(url) => Ok(Arc::new(crate::mail::Smtp::from_url(&url)?)),
        None => Ok(Arc::new(LocalOutbox)),
    }
}

pub fn spawn(db: DatabaseConnection, transport: Arc<dyn Transport>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let now = chrono::Utc::now();
            match app::payment::service::release_expired(&db, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(orders = n, "released the stock of unpaid orders"),
                Err(e) => tracing::warn!(error = %e, "releasing unpaid orders failed"),
            }
            match deliver_due(&db, transport.as_ref(), now, 50).await {
                Ok(r) if r.sent + r.retried + r.failed > 0 => {
                    tracing::info!(sent = r.sent, retried = r.retried, failed = r.failed, transport = transport.name(), "outbox")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "sending the outbox failed"),
            }
        }
    });
}
