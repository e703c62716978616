use sea_orm::entity::prelude::*;

/// Units one line of a transport order took from one pantry lot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pantry_takes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub order_line_id: i32,
    pub lot_id: i32,
    pub quantity: i32,
    /// When the units went back to the lot (the transport order was cancelled or not paid).
    pub returned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
