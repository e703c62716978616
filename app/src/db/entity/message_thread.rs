use sea_orm::entity::prelude::*;

/// The buyer's and the seller's messages about one shipment (see migration 16).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "message_threads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub shipment_id: i32,
    pub order_id: i32,
    pub seller_id: i32,
    pub created_at: DateTimeUtc,
    pub last_message_at: DateTimeUtc,
    pub buyer_read_at: Option<DateTimeUtc>,
    pub seller_read_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
