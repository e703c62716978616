//! The catalog core: categories (a tree), products with texts per language, sellers, their
//! delivery methods and offers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(from: &'static str, col: &'static str, to: &'static str, on_delete: ForeignKeyAction) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from}_{col}"))
        .from(from, col)
        .to(to, "id")
        .on_delete(on_delete)
        .to_owned()
}

fn index(table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!("idx_{table}_{}", cols.join("_"))).table(table);
    for col in cols {
        stmt.col(*col);
    }
    stmt.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict};

        manager
            .create_table(
                Table::create()
                    .table("categories")
                    .col(pk_auto("id"))
                    .col(integer_null("parent_id"))
                    .col(string_uniq("slug"))
                    .col(integer("position").default(0))
                    .col(string_null("image"))
                    .foreign_key(&mut fk("categories", "parent_id", "categories", Restrict))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("category_texts")
                    .col(integer("category_id"))
                    .col(string_len("lang", 2))
                    .col(string("name"))
                    .primary_key(Index::create().col("category_id").col("lang"))
                    .foreign_key(&mut fk("category_texts", "category_id", "categories", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("products")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(integer("category_id"))
                    .col(string_len("ean", 14))
                    .col(string("brand"))
                    .col(text("images"))
                    .col(boolean("perishable").default(false))
                    .col(boolean("cold_chain").default(false))
                    .col(boolean("storable").default(false))
                    .col(big_integer_null("min_price_cents"))
                    .col(integer("offer_count").default(0))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("products", "category_id", "categories", Restrict))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("product_texts")
                    .col(integer("product_id"))
                    .col(string_len("lang", 2))
                    .col(string("title"))
                    .col(text("description"))
                    .col(text("attributes"))
                    .primary_key(Index::create().col("product_id").col("lang"))
                    .foreign_key(&mut fk("product_texts", "product_id", "products", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("sellers")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("name"))
                    .col(string("legal_name"))
                    .col(string("registry_code"))
                    .col(string("vat_number"))
                    .col(string_len("country", 2))
                    .col(string("street"))
                    .col(string("city"))
                    .col(string("postal_code"))
                    .col(string("email"))
                    .col(string("phone"))
                    .col(text("about"))
                    .col(date("trading_since"))
                    .col(string_len("status", 16).default("pending"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("delivery_methods")
                    .col(pk_auto("id"))
                    .col(integer("seller_id"))
                    .col(string_len("kind", 16))
                    .col(text("name"))
                    .col(big_integer("price_cents"))
                    .col(big_integer_null("free_over_cents"))
                    .col(text("regions"))
                    .col(integer("days_min"))
                    .col(integer("days_max"))
                    .col(boolean("active").default(true))
                    .foreign_key(&mut fk("delivery_methods", "seller_id", "sellers", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("offers")
                    .col(pk_auto("id"))
                    .col(integer("product_id"))
                    .col(integer("seller_id"))
                    .col(big_integer("price_cents"))
                    .col(integer("stock").default(0))
                    .col(string_len("condition", 16).default("new"))
                    .col(integer("handling_days").default(0))
                    .col(boolean("active").default(true))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("offers", "product_id", "products", Cascade))
                    .foreign_key(&mut fk("offers", "seller_id", "sellers", Cascade))
                    .to_owned(),
            )
            .await?;

        let mut offers_unique = index("offers", &["product_id", "seller_id"]);
        offers_unique.unique();
        for stmt in [
            index("categories", &["parent_id"]),
            index("products", &["category_id", "offer_count"]),
            index("products", &["category_id", "min_price_cents"]),
            index("products", &["category_id", "created_at"]),
            index("products", &["offer_count"]),
            offers_unique,
            index("offers", &["seller_id"]),
            index("delivery_methods", &["seller_id"]),
        ] {
            manager.create_index(stmt).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in
            ["offers", "delivery_methods", "sellers", "product_texts", "products", "category_texts", "categories"]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
