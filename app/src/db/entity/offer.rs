use sea_orm::entity::prelude::*;

/// One seller's terms for one product; at most one per (product, seller).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_id: i32,
    pub seller_id: i32,
    /// Price in euro cents, VAT included.
    pub price_cents: i64,
    pub stock: i32,
    /// `new`, `refurbished` or `used`.
    pub condition: String,
    /// Working days before the seller dispatches.
    pub handling_days: i32,
    /// Paused offers are kept but not sold.
    pub active: bool,
    pub created_at: DateTimeUtc,
    /// JSON array of the seller's delivery method ids this offer ships with; `None` means all
    /// of the seller's active methods that suit the product.
    pub delivery_method_ids: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::product::Entity", from = "Column::ProductId", to = "super::product::Column::Id")]
    Product,
    #[sea_orm(belongs_to = "super::seller::Entity", from = "Column::SellerId", to = "super::seller::Column::Id")]
    Seller,
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::seller::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Seller.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
