use crate::orders::aftersale::{ClaimKind, ClaimStatus, Remedy};
use sea_orm::entity::prelude::*;

/// A buyer's withdrawal from, or complaint about, one shipment (one of each kind per shipment).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "claims")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub shipment_id: i32,
    pub kind: ClaimKind,
    /// What a complaint asks for; `None` for a withdrawal.
    pub remedy: Option<Remedy>,
    /// The defect, in the buyer's words; `None` for a withdrawal (it needs no reason).
    pub description: Option<String>,
    pub status: ClaimStatus,
    /// A complaint: the seller's answer is due. A withdrawal: the goods are to be sent back by.
    pub due_on: Date,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
