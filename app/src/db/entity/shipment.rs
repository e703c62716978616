use crate::delivery::DeliveryKind;
use crate::orders::aftersale::{CancelReason, CancelledBy};
use crate::orders::ShipmentStatus;
use sea_orm::entity::prelude::*;

/// One seller's part of an order, with its own delivery and status.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub seller_id: i32,
    pub delivery_method_id: i32,
    pub method_kind: DeliveryKind,
    /// JSON `{"et": …, "en": …, "ru": …}` as when ordered.
    pub method_name: String,
    pub goods_cents: i64,
    pub fee_cents: i64,
    pub earliest: Date,
    pub latest: Date,
    pub status: ShipmentStatus,
    pub status_at: DateTimeUtc,
    /// Why it was cancelled, the buyer's own words for "other", and who cancelled.
    pub cancel_reason: Option<CancelReason>,
    pub cancel_note: Option<String>,
    pub cancelled_by: Option<CancelledBy>,
    /// When it reached the buyer: the withdrawal and complaint periods run from this day.
    pub delivered_at: Option<DateTimeUtc>,
    /// Who carries it and its tracking number, told by the seller when shipping.
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub shipped_at: Option<DateTimeUtc>,
    /// The goods go into the buyer's pantry: no delivery, no fee, nothing for the seller to send.
    pub to_pantry: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
