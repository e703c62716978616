//! Marketplace additions for the buy box, seller profiles and search: seller reviews and the
//! rating summary on sellers, which delivery methods an offer uses, and `products.updated_at`,
//! the change marker that keeps the search index and page caches of every instance in step.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// SQLite takes one column per ALTER TABLE, so each addition is its own statement.
fn add(table: &'static str, column: ColumnDef) -> TableAlterStatement {
    Table::alter().table(table).add_column(column).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A constant default (SQLite cannot add a column with a non-constant one), then the
        // real value for existing rows.
        manager
            .alter_table(add("products", timestamp_with_time_zone("updated_at").default("2026-01-01 00:00:00+00:00").to_owned()))
            .await?;
        manager.get_connection().execute_unprepared("UPDATE products SET updated_at = created_at").await?;
        manager.alter_table(add("sellers", big_integer("rating_stars_total").default(0).to_owned())).await?;
        manager.alter_table(add("sellers", integer("review_count").default(0).to_owned())).await?;
        manager.alter_table(add("offers", text_null("delivery_method_ids").to_owned())).await?;

        manager
            .create_table(
                Table::create()
                    .table("seller_reviews")
                    .col(pk_auto("id"))
                    .col(integer("seller_id"))
                    .col(string("author"))
                    .col(small_integer("stars"))
                    .col(text("body"))
                    .col(string_len("lang", 2))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_seller_reviews_seller_id")
                            .from("seller_reviews", "seller_id")
                            .to("sellers", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table, cols) in [
            ("idx_seller_reviews_seller_id_created_at", "seller_reviews", &["seller_id", "created_at"][..]),
            ("idx_products_updated_at", "products", &["updated_at"][..]),
            // A seller's assortment page: its offers joined to products, paged.
            ("idx_offers_seller_id_product_id", "offers", &["seller_id", "product_id"][..]),
        ] {
            let mut stmt = Index::create();
            stmt.name(name).table(table);
            for col in cols {
                stmt.col(*col);
            }
            manager.create_index(stmt.to_owned()).await?;
        }
        // Superseded by (seller_id, product_id).
        manager.drop_index(Index::drop().name("idx_offers_seller_id").table("offers").to_owned()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("seller_reviews").to_owned()).await?;
        for (table, col) in [
            ("offers", "delivery_method_ids"),
            ("sellers", "review_count"),
            ("sellers", "rating_stars_total"),
            ("products", "updated_at"),
        ] {
            manager.alter_table(Table::alter().table(table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
