use sea_orm::entity::prelude::*;

/// A seller's logo as the server made it (see migration 15).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seller_logos")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub seller_id: i32,
    /// The first 16 hex digits of the PNG's SHA-256: part of its address.
    pub hash: String,
    pub width: i32,
    pub height: i32,
    #[sea_orm(column_type = "Blob")]
    pub png: Vec<u8>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
