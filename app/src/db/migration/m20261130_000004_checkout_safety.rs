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
//! - **The order key is kept hashed**, like cart tokens: `orders.token_hash` (unique) is the
//!   SHA-256 of the guest's key. The plain key is needed after placement only until the order
//!   is paid (the shopper's way back from the bank, the confirmation e-mail's link), so it stays
//!   in `orders.pending_key` while the order awaits payment and is erased when it is paid or
//!   cancelled. `orders.token` cannot be dropped on SQLite (a UNIQUE column): it now holds the
//!   first 32 hex digits of `token_hash`, which opens nothing. Existing orders are converted
//!   here, row by row in Rust (the same code on both engines).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        for col in [
            integer_null("pending_cart_id"),
            string_len_null("checkout_digest", 64),
            string_len_null("client_hash", 64),
            string_len_null("token_hash", 64),
            string_len_null("pending_key", 32),
        ] {
            manager.alter_table(Table::alter().table("orders").add_column(col).to_owned()).await?;
        }
        hash_order_keys(manager).await?;
        for (name, cols, unique) in [
            ("idx_orders_token_hash", &["token_hash"][..], true),
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
        // The plain keys of paid and cancelled orders are gone for good; down keeps the hashes.
        for name in ["idx_orders_client_hash_placed_at", "idx_orders_pending_cart_id", "idx_orders_token_hash"] {
            manager.drop_index(Index::drop().name(name).table("orders").to_owned()).await?;
        }
        for col in ["pending_key", "token_hash", "client_hash", "checkout_digest", "pending_cart_id"] {
            manager.alter_table(Table::alter().table("orders").drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}

/// Replaces every order's plain key by its hash (keeping it as the pending key while the order
/// awaits payment).
async fn hash_order_keys(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let select = Query::select().columns(["id", "token", "status"]).from("orders").to_owned();
    for row in db.query_all(&select).await? {
        let id: i32 = row.try_get("", "id")?;
        let token: String = row.try_get("", "token")?;
        let status: String = row.try_get("", "status")?;
        let hash = crate::server::token_hash(&token);
        let pending_key = (status == "awaiting_payment").then_some(token);
        let update = Query::update()
            .table("orders")
            .value("token", crate::server::legacy_token_column(&hash))
            .value("token_hash", hash)
            .value("pending_key", pending_key)
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db.execute(&update).await?;
    }
    Ok(())
}
