//! Administrators manage categories and roles (`admin::categories`, `admin::users`).
//!
//! - `categories.hidden`: the category and everything under it are hidden from shoppers (the
//!   navigation, its page, the sitemap); its products stay sellable by their own links and
//!   search. The flag is the category's own; being under a hidden one is worked out from the
//!   tree (`catalog::tree::Tree::hidden_below`).
//! - Two rows of `counters`, written first by the transactions they guard, so those take turns:
//!   `category_tree`, advanced by every category change (it is also the tree's version: each
//!   instance's change poller watches it and reloads what keeps categories, see
//!   `catalog::changes`), and `roles`, advanced by every grant and revoke of a role (of two
//!   administrators revoking each other at once, the second sees it is no longer one).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table("categories").add_column(boolean("hidden").default(false)).to_owned())
            .await?;
        manager
            .get_connection()
            .execute_unprepared("INSERT INTO counters (name, value) VALUES ('category_tree', 0), ('roles', 0)")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared("DELETE FROM counters WHERE name IN ('category_tree', 'roles')").await?;
        manager.alter_table(Table::alter().table("categories").drop_column("hidden").to_owned()).await
    }
}
