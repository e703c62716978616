//! The e-mail outbox. Messages are queued in the transaction that causes them (with a key that
//! makes a second queueing a no-op) and sent by a worker on every instance:
//!
//! 1. a due message is **claimed** with a conditional update (`pending` → `sending`, with a
//!    lease), so only one instance sends it;
//! 2. it is handed to the [`Transport`] (SMTP when configured; otherwise `local`: the outbox
//!    itself is the mailbox, read by administrators at `/{lang}/admin/outbox` and by tests);
//! 3. it is marked `sent`, or back to `pending` with a growing delay (`failed` after
//!    [`MAX_ATTEMPTS`]).
//!
//! A sent message is never sent again. Only a crash between handing a message to SMTP and
//! marking it sent can repeat it, after the lease ends: that is the one case SMTP's lack of
//! idempotence leaves open.

use crate::db::entity::outbox;
use crate::i18n::Lang;
use crate::orders::email::Email;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::future::Future;
use std::pin::Pin;

/// Attempts before a message is given up on (then `failed`, visible to administrators).
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claimed message is reserved for the instance sending it, from the moment of the
/// claim. A sender must give up on a message well within it (the server's worker times a send
/// out after [`SEND_TIMEOUT_SECONDS`]), or another instance may send it too.
pub const LEASE_SECONDS: i64 = 120;
/// How long one message may take to send before the attempt counts as failed (and is retried).
pub const SEND_TIMEOUT_SECONDS: u64 = 30;
const _: () = assert!((SEND_TIMEOUT_SECONDS as i64) * 2 < LEASE_SECONDS);

/// Where a message is (`outbox.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, sea_orm::EnumIter, sea_orm::DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::N(16))")]
pub enum OutboxStatus {
    /// Waiting to be sent (again) from `next_attempt_at`.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Claimed by a sender until `locked_until`.
    #[sea_orm(string_value = "sending")]
    Sending,
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Given up on after [`MAX_ATTEMPTS`].
    #[sea_orm(string_value = "failed")]
    Failed,
}

impl OutboxStatus {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }
}

pub struct NewMessage {
    /// Queued at most once per key.
    pub dedupe_key: String,
    pub kind: &'static str,
    pub lang: Lang,
    pub to: String,
    pub email: Email,
}

/// Queues a message (a no-op when its key was queued before).
pub async fn enqueue<C: ConnectionTrait>(db: &C, m: NewMessage, now: DateTime<Utc>) -> Result<(), DbErr> {
    let row = outbox::ActiveModel {
        dedupe_key: Set(m.dedupe_key),
        kind: Set(m.kind.to_owned()),
        lang: Set(m.lang.code().to_owned()),
        to_address: Set(m.to),
        subject: Set(m.email.subject),
        body_text: Set(m.email.text),
        body_html: Set(m.email.html),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        transport: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    outbox::Entity::insert(row)
        .on_conflict(OnConflict::column(outbox::Column::DedupeKey).do_nothing().to_owned())
        .try_insert()
        .exec(db)
        .await?;
    Ok(())
}

/// Where messages go.
pub trait Transport: Send + Sync {
    /// `smtp` or `local`, stored with each sent message.
    fn name(&self) -> &'static str;
    fn send<'a>(&'a self, message: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// The development transport: the outbox table is the mailbox.
pub struct LocalOutbox;

impl Transport for LocalOutbox {
    fn name(&self) -> &'static str {
        "local"
    }

    fn send<'a>(&'a self, _: &'a outbox::Model) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async { Ok(()) })
    }
}

/// The wait after a message's failed attempts: 30 s after the first failure (`failures_before`
/// = 0), then 1 min, 2 min, … up to 1 h.
pub fn retry_delay(failures_before: i32) -> Duration {
    Duration::seconds(Ord::min(30i64 << failures_before.clamp(0, 7), 3600))
}

/// What one round of the sender did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Sends the messages that are due (at most `batch`).
pub async fn deliver_due<C: ConnectionTrait>(
    db: &C,
    transport: &dyn Transport,
    now: DateTime<Utc>,
    batch: u64,
) -> Result<Round, DbErr> {
    // Pending and due, or claimed by an instance whose lease ran out.
    let due = outbox::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(outbox::Column::Status.eq(OutboxStatus::Pending).and(outbox::Column::NextAttemptAt.lte(now)))
                .add(outbox::Column::Status.eq(OutboxStatus::Sending).and(outbox::Column::LockedUntil.lt(now))),
        )
        .order_by_asc(outbox::Column::Id)
        .limit(batch)
        .all(db)
        .await?;
    let mut round = Round::default();
    let started = std::time::Instant::now();
    for message in due {
        // The moment of this claim: a round sends one message after the other, so the round's
        // start would give later messages a lease that is partly (or wholly) used up already.
        let now = now + Duration::from_std(started.elapsed()).unwrap_or_default();
        // Claim: only the instance whose update matched the row as it read it sends it; the
        // lease starts now, in the same statement.
        let claimed = outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Sending))
            .col_expr(outbox::Column::LockedUntil, Expr::value(now + Duration::seconds(LEASE_SECONDS)))
            .col_expr(outbox::Column::Attempts, Expr::col(outbox::Column::Attempts).add(1))
            .filter(outbox::Column::Id.eq(message.id))
            .filter(outbox::Column::Status.eq(message.status))
            .filter(outbox::Column::Attempts.eq(message.attempts))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let attempts = message.attempts + 1;
        match transport.send(&message).await {
            Ok(()) => {
                outbox::Entity::update_many()
                    .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Sent))
                    .col_expr(outbox::Column::SentAt, Expr::value(now))
                    .col_expr(outbox::Column::Transport, Expr::value(transport.name()))
                    .col_expr(outbox::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                    .col_expr(outbox::Column::LastError, Expr::value(Option::<String>::None))
                    .filter(outbox::Column::Id.eq(message.id))
                    .exec(db)
                    .await?;
                round.sent += 1;
            }
            Err(error) => {
                let give_up = attempts >= MAX_ATTEMPTS;
                tracing::warn!(id = message.id, attempts, %error, "sending an e-mail failed");
                outbox::Entity::update_many()
                    .col_expr(outbox::Column::Status, Expr::value(if give_up { OutboxStatus::Failed } else { OutboxStatus::Pending }))
                    .col_expr(outbox::Column::NextAttemptAt, Expr::value(now + retry_delay(message.attempts)))
                    .col_expr(outbox::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                    .col_expr(outbox::Column::LastError, Expr::value(error))
                    .filter(outbox::Column::Id.eq(message.id))
                    .exec(db)
                    .await?;
                if give_up {
                    round.failed += 1;
                } else {
                    round.retried += 1;
                }
            }
        }
    }
    Ok(round)
}

/// How many messages the outbox holds in each status (for `/metrics`).
pub async fn count_by_status<C: ConnectionTrait>(db: &C) -> Result<Vec<(String, i64)>, DbErr> {
    outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Status)
        .column_as(Expr::from(sea_orm::sea_query::Func::count(Expr::col(outbox::Column::Id))), "n")
        .group_by(outbox::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(db)
        .await
}

/// The latest messages, newest first (the administrators' outbox page).
pub async fn latest<C: ConnectionTrait>(db: &C, limit: u64) -> Result<Vec<outbox::Model>, DbErr> {
    outbox::Entity::find().order_by_desc(outbox::Column::Id).limit(limit).all(db).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delays_grow_and_are_capped() {
        assert_eq!(retry_delay(0), Duration::seconds(30));
        assert_eq!(retry_delay(1), Duration::seconds(60));
        assert_eq!(retry_delay(3), Duration::seconds(240));
        assert_eq!(retry_delay(7), Duration::seconds(3600));
        assert_eq!(retry_delay(50), Duration::seconds(3600));
    }
}
