use crate::vat::VatClass;
use sea_orm::entity::prelude::*;

/// One thing that can be sold; texts per language are in `product_texts`, sellers' terms in
/// `offers`. `min_price_cents` and `offer_count` summarise the buyable offers and are kept in
/// step by `catalog::service::refresh_offer_summary` whenever offers change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub category_id: i32,
    /// EAN-13 / GTIN.
    pub ean: String,
    pub brand: String,
    /// JSON array of image paths under `/img/`.
    pub images: String,
    pub perishable: bool,
    pub cold_chain: bool,
    /// May be bought into a shopper's pantry.
    pub storable: bool,
    pub min_price_cents: Option<i64>,
    pub offer_count: i32,
    pub created_at: DateTimeUtc,
    /// Set whenever the product, its texts or its offers change: the search index and the page
    /// caches of every server instance poll it (see `catalog::changes`).
    pub updated_at: DateTimeUtc,
    pub vat_class: VatClass,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::product_text::Entity")]
    Texts,
}

impl Related<super::product_text::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Texts.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
