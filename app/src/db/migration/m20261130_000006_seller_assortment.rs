//! Seller profiles at scale: a seller may offer tens of thousands of products, so its profile
//! must not count or group them per request.
//!
//! - `seller_categories` holds, per seller and category, how many of its offers are on sale
//!   (active) there: the profile's category filter and its page count read it instead of
//!   grouping the seller's offers (`sellers::service::refresh_assortment` keeps it in step).
//! - `offers (seller_id, active, product_id, price_cents)` pages through a seller's assortment
//!   from the index alone; it supersedes `(seller_id, product_id)`.
//! - `products (offer_count DESC, id)` gives the home page's featured products in their full
//!   order (ties by id), so the database reads twelve rows instead of sorting every tied
//!   product; it supersedes `products (offer_count)`.
//! - `products (category_id, <sort>, id)` for each category-page order, in full (the price
//!   orders put unsold products last with the expression `(offer_count = 0)`, which both
//!   engines index): a category page reads its page from each sub-category's index and merges
//!   them (`catalog::service::category_page_sql`). They supersede `(category_id, offer_count)`,
//!   `(category_id, min_price_cents)` and `(category_id, created_at)`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The category pages' orders (`catalog::service::sort_key`, ties by id), one index each.
const CATEGORY_ORDERS: [(&str, &str); 4] = [
    ("idx_products_category_popular", "offer_count DESC, id"),
    ("idx_products_category_price", "(offer_count = 0), min_price_cents, id"),
    ("idx_products_category_price_desc", "(offer_count = 0), min_price_cents DESC, id"),
    ("idx_products_category_newest", "created_at DESC, id"),
];

/// Every seller's counts from the offers, in one portable statement.
pub const FILL: &str = "INSERT INTO seller_categories (seller_id, category_id, offer_count) \
    SELECT o.seller_id, p.category_id, COUNT(*) FROM offers o JOIN products p ON p.id = o.product_id \
    WHERE o.active = TRUE GROUP BY o.seller_id, p.category_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("seller_categories")
                    .col(integer("seller_id"))
                    .col(integer("category_id"))
                    .col(integer("offer_count"))
                    .primary_key(Index::create().col("seller_id").col("category_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_seller_categories_seller_id")
                            .from("seller_categories", "seller_id")
                            .to("sellers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_seller_categories_category_id")
                            .from("seller_categories", "category_id")
                            .to("categories", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager.get_connection().execute_unprepared(FILL).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_offers_seller_id_active_product_id_price_cents")
                    .table("offers")
                    .col("seller_id")
                    .col("active")
                    .col("product_id")
                    .col("price_cents")
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name("idx_offers_seller_id_product_id").table("offers").to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_products_offer_count_desc_id")
                    .table("products")
                    .col(("offer_count", IndexOrder::Desc))
                    .col("id")
                    .to_owned(),
            )
            .await?;
        // Raw statements: the expression must read exactly as the pages' ORDER BY spells it.
        for (name, key) in CATEGORY_ORDERS {
            manager.get_connection().execute_unprepared(&format!("CREATE INDEX {name} ON products (category_id, {key})")).await?;
        }
        for name in [
            "idx_products_offer_count",
            "idx_products_category_id_offer_count",
            "idx_products_category_id_min_price_cents",
            "idx_products_category_id_created_at",
        ] {
            manager.drop_index(Index::drop().name(name).table("products").to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_index(Index::create().name("idx_products_offer_count").table("products").col("offer_count").to_owned()).await?;
        for col in ["offer_count", "min_price_cents", "created_at"] {
            manager
                .create_index(
                    Index::create().name(format!("idx_products_category_id_{col}")).table("products").col("category_id").col(col).to_owned(),
                )
                .await?;
        }
        manager.drop_index(Index::drop().name("idx_products_offer_count_desc_id").table("products").to_owned()).await?;
        for (name, _) in CATEGORY_ORDERS {
            manager.drop_index(Index::drop().name(name).table("products").to_owned()).await?;
        }
        manager
            .create_index(
                Index::create().name("idx_offers_seller_id_product_id").table("offers").col("seller_id").col("product_id").to_owned(),
            )
            .await?;
        manager
            .drop_index(Index::drop().name("idx_offers_seller_id_active_product_id_price_cents").table("offers").to_owned())
            .await?;
        manager.drop_table(Table::drop().table("seller_categories").to_owned()).await
    }
}
