//! Withdrawals and complaints about a delivered shipment, by its buyer (the same access as
//! cancelling: the order's key, its cart or its account). The rules are in `aftersale`; this
//! applies them to the stored shipment, records the claim (one of each kind per shipment) and
//! e-mails the buyer and the seller in the same transaction.

use super::aftersale::{
    check_complaint, check_withdrawal, complaint_answer_due, AfterDelivery, CannotComplain, CannotWithdraw, ClaimKind,
    ClaimStatus, ClaimView, Remedy, WITHDRAWAL_DAYS,
};
use super::cancel::OrderAccess;
use super::ShipmentStatus;
use crate::db::entity::{claim, order, order_line, product, seller, shipment};
use crate::delivery::local_time::to_tallinn;
use crate::i18n::{fill, format_date, Lang};
use crate::ids::ShipmentId;
use crate::orders::email::Email;
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr,
    TransactionSession, TransactionTrait,
};

/// What the buyer asks for.
#[derive(Clone, Copy, Debug)]
pub enum ClaimRequest<'a> {
    /// Withdraw from the purchase (no reason needed).
    Withdrawal,
    /// A defect, described, with the remedy asked for.
    Complaint { remedy: Remedy, description: &'a str },
}

/// Why a claim was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// No such shipment for this visitor (a wrong key reads the same as a missing order).
    #[error("not found")]
    NotFound,
    #[error("cannot withdraw: {0:?}")]
    Withdraw(CannotWithdraw),
    #[error("cannot complain: {0:?}")]
    Complain(CannotComplain),
    #[error("already made: {0:?}")]
    AlreadyMade(ClaimKind),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The day a shipment reached its buyer (Tallinn date), while it counts as delivered.
pub fn delivered_on(s: &shipment::Model) -> Option<NaiveDate> {
    (s.status == ShipmentStatus::Delivered)
        .then(|| to_tallinn(s.delivered_at.unwrap_or(s.status_at)).date())
}

/// Marks a shipment that is on its way as delivered at `at` (the seller's or carrier's report).
/// Returns whether it changed (a second report changes nothing).
pub async fn record_delivery<C: ConnectionTrait>(db: &C, shipment_id: ShipmentId, at: DateTime<Utc>) -> Result<bool, DbErr> {
    let done = shipment::Entity::update_many()
        .col_expr(shipment::Column::Status, Expr::value(ShipmentStatus::Delivered))
        .col_expr(shipment::Column::StatusAt, Expr::value(at))
        .col_expr(shipment::Column::DeliveredAt, Expr::value(at))
        .filter(shipment::Column::Id.eq(shipment_id.0))
        .filter(shipment::Column::Status.eq(ShipmentStatus::Shipped))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Whether any line of these shipments is perishable, per shipment id.
pub async fn perishable_shipments<C: ConnectionTrait>(db: &C, lines: &[order_line::Model]) -> Result<Vec<i32>, DbErr> {
    let ids: Vec<i32> = lines.iter().map(|l| l.product_id).collect();
    let perishable: Vec<i32> = product::Entity::find()
        .filter(product::Column::Id.is_in(ids))
        .filter(product::Column::Perishable.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut out: Vec<i32> = lines.iter().filter(|l| perishable.contains(&l.product_id)).map(|l| l.shipment_id).collect();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Records a withdrawal or a complaint for one shipment. Of two racing requests of one kind,
/// one is recorded and the other gets `AlreadyMade`.
pub async fn make_claim<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: OrderAccess<'_>,
    shipment_id: ShipmentId,
    request: ClaimRequest<'_>,
    now: DateTime<Utc>,
) -> Result<claim::Model, ClaimError> {
    let today = to_tallinn(now).date();
    let txn = crate::db::begin(db).await?;
    let s = shipment::Entity::find_by_id(shipment_id.0).one(&txn).await?.ok_or(ClaimError::NotFound)?;
    let o = order::Entity::find_by_id(s.order_id).one(&txn).await?.ok_or(ClaimError::NotFound)?;
    if !access.opens(&o) {
        return Err(ClaimError::NotFound);
    }
    let delivered = delivered_on(&s);
    let (kind, remedy, description, due_on) = match request {
        ClaimRequest::Withdrawal => {
            let lines = order_line::Entity::find().filter(order_line::Column::ShipmentId.eq(s.id)).all(&txn).await?;
            let perishable = !perishable_shipments(&txn, &lines).await?.is_empty();
            check_withdrawal(delivered, perishable, today).map_err(ClaimError::Withdraw)?;
            (ClaimKind::Withdrawal, None, None, today + Days::new(WITHDRAWAL_DAYS))
        }
        ClaimRequest::Complaint { remedy, description } => {
            check_complaint(delivered, today, description).map_err(ClaimError::Complain)?;
            (ClaimKind::Complaint, Some(remedy), Some(description.trim().to_owned()), complaint_answer_due(today))
        }
    };
    let before = claim::Entity::find()
        .filter(claim::Column::ShipmentId.eq(s.id))
        .filter(claim::Column::Kind.eq(kind))
        .one(&txn)
        .await?;
    if before.is_some() {
        return Err(ClaimError::AlreadyMade(kind));
    }
    let made = claim::ActiveModel {
        order_id: Set(o.id),
        shipment_id: Set(s.id),
        kind: Set(kind),
        remedy: Set(remedy),
        description: Set(description),
        status: Set(ClaimStatus::Open),
        due_on: Set(due_on),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => ClaimError::AlreadyMade(kind),
        _ => ClaimError::Db(e),
    })?;
    let seller = seller::Entity::find_by_id(s.seller_id).one(&txn).await?;
    queue_notices(&txn, &o, &made, seller.as_ref(), now).await?;
    txn.commit().await.map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => ClaimError::AlreadyMade(kind),
        _ => ClaimError::Db(e),
    })?;
    Ok(made)
}

/// The claims of an order, oldest first.
pub async fn claims_of_order<C: ConnectionTrait>(db: &C, order_id: i32) -> Result<Vec<claim::Model>, DbErr> {
    claim::Entity::find().filter(claim::Column::OrderId.eq(order_id)).order_by_asc(claim::Column::Id).all(db).await
}

/// A stored claim as the order page shows it.
pub fn claim_view(c: &claim::Model) -> ClaimView {
    ClaimView { kind: c.kind, remedy: c.remedy, status: c.status, made_on: to_tallinn(c.created_at).date(), due_on: c.due_on }
}

/// What may still be done with a shipment on `now`'s day.
pub fn after_delivery(s: &shipment::Model, perishable: bool, now: DateTime<Utc>) -> AfterDelivery {
    AfterDelivery::for_day(delivered_on(s), perishable, to_tallinn(now).date())
}

/// The buyer's receipt and the seller's notice of a claim (queued once each).
async fn queue_notices<C: ConnectionTrait>(
    db: &C,
    o: &order::Model,
    c: &claim::Model,
    seller: Option<&seller::Model>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let seller_name = seller.map(|x| x.name.clone()).unwrap_or_default();
    let notice = |lang: Lang, to_seller: bool| {
        let t = lang.texts();
        let values = [
            ("order", o.id.to_string()),
            ("seller", seller_name.clone()),
            ("date", format_date(c.due_on, lang)),
            ("remedy", c.remedy.map(|r| r.text(t)).unwrap_or_default().to_owned()),
        ];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (subject, body) = match (c.kind, to_seller) {
            (ClaimKind::Withdrawal, false) => (t.mail_withdrawal_subject, t.mail_withdrawal_buyer),
            (ClaimKind::Withdrawal, true) => (t.mail_withdrawal_subject, t.mail_withdrawal_seller),
            (ClaimKind::Complaint, false) => (t.mail_complaint_subject, t.mail_complaint_buyer),
            (ClaimKind::Complaint, true) => (t.mail_complaint_subject, t.mail_complaint_seller),
        };
        let mut paragraphs = vec![fill(body, &values)];
        if let Some(d) = c.description.as_ref().filter(|_| to_seller) {
            paragraphs.push(format!("{}: {d}", t.mail_complaint_described));
        }
        Email::paragraphs(lang, fill(subject, &values), &paragraphs, None)
    };
    let kind = match c.kind {
        ClaimKind::Withdrawal => "withdrawal",
        ClaimKind::Complaint => "complaint",
    };
    super::service::tell_buyer_and_seller(db, kind, c.shipment_id, o, seller, notice, now).await
}
