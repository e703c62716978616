//! Checkout safety: idempotent checkout, a cart holds at most one order awaiting payment, and
//! pending orders per client address are limited.
//!
//! - `orders.pending_cart_id`: the cart an order was placed from, set only while the order
//!   awaits payment and cleared (NULL) when it is paid or cancelled. Its unique index means a
//!   cart holds at most one order awaiting payment, on SQLite and PostgreSQL alike (NULLs never
//!   collide in a unique index on either engine; a partial unique index would not be portable).
//!   Orders awaiting payment when this runs keep NULL: they are released by the worker within
//!   their 30-minute reservation.
//! - `orders.checkout_digest`: SHA-256 of what the checkout asked for (figures, lines, contact,
//!   payment choice, language): the same post again gives the same order.
//! - `orders.client_hash`: SHA-256 of the client's address (never the address itself), for the
//!   limit on pending orders per address and hour.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for col in [integer_null("pending_cart_id"), string_len_null("checkout_digest", 64), string_len_null("client_hash", 64)] {
            manager.alter_table(Table::alter().table("orders").add_column(col).to_owned()).await?;
        }
        for (name, cols, unique) in [
            ("idx_orders_pending_cart_id", &["pending_cart_id"][..], true),
            ("idx_orders_client_hash_placed_at", &["client_hash", "placed_at"][..], false),
        ] {
            let mut stmt = Index::create();
            stmt.name(name).table("orders");
            if unique {
                stmt.unique();
            }
            for col in cols {
                stmt.col(*col);
            }
            manager.create_index(stmt.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["idx_orders_client_hash_placed_at", "idx_orders_pending_cart_id"] {
            manager.drop_index(Index::drop().name(name).table("orders").to_owned()).await?;
        }
        for col in ["client_hash", "checkout_digest", "pending_cart_id"] {
            manager.alter_table(Table::alter().table("orders").drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
