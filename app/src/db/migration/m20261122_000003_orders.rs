//! Cart, checkout, orders and payment: guest carts bound to a cookie, orders split into one
//! shipment per seller with snapshotted lines, payments and instalment schedules, gap-free
//! counters (invoice numbers) and the e-mail outbox. Products get a VAT class.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(table: &'static str, col: &'static str, to: &'static str, cascade: bool) -> ForeignKeyCreateStatement {
    let mut fk = ForeignKey::create();
    fk.name(format!("fk_{table}_{col}")).from(table, col).to(to, "id");
    if cascade {
        fk.on_delete(ForeignKeyAction::Cascade);
    }
    fk.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table("products").add_column(string_len("vat_class", 16).default("standard")).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("carts")
                    .col(pk_auto("id"))
                    // SHA-256 of the cookie's random token: a leaked table does not open carts.
                    .col(string_len_uniq("token_hash", 64))
                    .col(string_len("county", 16).default("harju"))
                    // The checkout form as last typed (JSON), so nothing typed is lost.
                    .col(text_null("draft"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("cart_lines")
                    .col(pk_auto("id"))
                    .col(integer("cart_id"))
                    .col(integer("offer_id"))
                    .col(integer("quantity"))
                    // `deliver` (home delivery) or `store` (into the pantry; needs an account).
                    .col(string_len("mode", 16).default("deliver"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("cart_lines", "cart_id", "carts", true))
                    .foreign_key(&mut fk("cart_lines", "offer_id", "offers", true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("cart_methods")
                    .col(integer("cart_id"))
                    .col(integer("seller_id"))
                    .col(integer("delivery_method_id"))
                    .primary_key(Index::create().col("cart_id").col("seller_id"))
                    .foreign_key(&mut fk("cart_methods", "cart_id", "carts", true))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("orders")
                    .col(pk_auto("id"))
                    // Random, unguessable: the guest's key to the order page.
                    .col(string_len_uniq("token", 32))
                    .col(integer_null("cart_id"))
                    .col(string_len("lang", 2))
                    // `awaiting_payment`, `paid` or `cancelled` (the payment side; shipments carry
                    // the delivery statuses).
                    .col(string_len("status", 24))
                    .col(string_len("name", 80))
                    .col(string_len("email", 254))
                    .col(string_len("phone", 16))
                    .col(string_len("street", 120))
                    .col(string_len("city", 60))
                    .col(string_len("postal_code", 5))
                    .col(string_len("county", 16))
                    .col(text_null("courier_comment"))
                    .col(boolean("paper_invoice"))
                    .col(big_integer("goods_cents"))
                    .col(big_integer("delivery_cents"))
                    .col(big_integer("total_cents"))
                    .col(big_integer("vat_cents"))
                    // `bank_link` or `pay_later`; the bank code, or the plan (`in_30_days`, `monthly_2`, `monthly_3`).
                    .col(string_len("payment_method", 16))
                    .col(string_len_null("bank", 16))
                    .col(string_len_null("pay_later_plan", 16))
                    .col(timestamp_with_time_zone("placed_at"))
                    // Unpaid orders give their stock back after this moment.
                    .col(timestamp_with_time_zone("reserved_until"))
                    .col(timestamp_with_time_zone_null("paid_at"))
                    .col(big_integer_null("invoice_number"))
                    .col(date_null("invoiced_on"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("shipments")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(integer("seller_id"))
                    .col(integer("delivery_method_id"))
                    .col(string_len("method_kind", 16))
                    // The method's names when ordered (JSON per language).
                    .col(text("method_name"))
                    .col(big_integer("goods_cents"))
                    .col(big_integer("fee_cents"))
                    .col(date("earliest"))
                    .col(date("latest"))
                    // placed → paid → processing → shipped → delivered; cancelled; returned.
                    .col(string_len("status", 16))
                    .col(timestamp_with_time_zone("status_at"))
                    .foreign_key(&mut fk("shipments", "order_id", "orders", true))
                    .foreign_key(&mut fk("shipments", "seller_id", "sellers", false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("order_lines")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(integer("shipment_id"))
                    .col(integer("offer_id"))
                    .col(integer("product_id"))
                    .col(string("product_slug"))
                    // The title in the order's language, as it was when ordered.
                    .col(string("title"))
                    .col(integer("quantity"))
                    .col(big_integer("unit_price_cents"))
                    .col(big_integer("total_cents"))
                    .col(integer("vat_rate_bp"))
                    .col(big_integer("vat_cents"))
                    .foreign_key(&mut fk("order_lines", "order_id", "orders", true))
                    .foreign_key(&mut fk("order_lines", "shipment_id", "shipments", true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("payments")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(string_len("provider", 16))
                    // The provider's reference for this attempt, random and unique.
                    .col(string_len_uniq("reference", 32))
                    .col(string_len("method", 16))
                    .col(string_len_null("bank", 16))
                    .col(big_integer("amount_cents"))
                    // `pending`, then `paid`, `failed` or `abandoned`; never changes after that.
                    .col(string_len("status", 16))
                    // Verified callbacks received, repeated ones included.
                    .col(integer("callbacks").default(0))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("payments", "order_id", "orders", true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("instalments")
                    .col(pk_auto("id"))
                    .col(integer("order_id"))
                    .col(small_integer("seq"))
                    .col(date("due_on"))
                    .col(big_integer("amount_cents"))
                    .foreign_key(&mut fk("instalments", "order_id", "orders", true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("counters")
                    .col(string_len("name", 32).primary_key())
                    .col(big_integer("value"))
                    .to_owned(),
            )
            .await?;
        manager.get_connection().execute_unprepared("INSERT INTO counters (name, value) VALUES ('invoice', 0)").await?;
        manager
            .create_table(
                Table::create()
                    .table("outbox")
                    .col(pk_auto("id"))
                    // What the message is about, e.g. `order-confirmation:17`: it is queued once.
                    .col(string_len_uniq("dedupe_key", 64))
                    .col(string_len("kind", 32))
                    .col(string_len("lang", 2))
                    .col(string_len("to_address", 254))
                    .col(string("subject"))
                    .col(text("body_text"))
                    .col(text("body_html"))
                    // `pending`, `sending` (claimed by a sender until `locked_until`), `sent`, `failed`.
                    .col(string_len("status", 16))
                    .col(integer("attempts").default(0))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    .col(timestamp_with_time_zone_null("locked_until"))
                    .col(text_null("last_error"))
                    // `smtp` or `local` (kept here for administrators and tests).
                    .col(string_len_null("transport", 16))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .to_owned(),
            )
            .await?;

        for (name, table, cols, unique) in [
            ("idx_cart_lines_cart_offer_mode", "cart_lines", &["cart_id", "offer_id", "mode"][..], true),
            ("idx_carts_updated_at", "carts", &["updated_at"][..], false),
            ("idx_orders_status_reserved_until", "orders", &["status", "reserved_until"][..], false),
            ("idx_orders_invoice_number", "orders", &["invoice_number"][..], true),
            ("idx_shipments_order_id", "shipments", &["order_id"][..], false),
            ("idx_shipments_seller_id_status", "shipments", &["seller_id", "status"][..], false),
            ("idx_order_lines_order_id", "order_lines", &["order_id"][..], false),
            ("idx_payments_order_id", "payments", &["order_id"][..], false),
            ("idx_instalments_order_id", "instalments", &["order_id"][..], false),
            ("idx_outbox_status_next_attempt_at", "outbox", &["status", "next_attempt_at"][..], false),
        ] {
            let mut stmt = Index::create();
            stmt.name(name).table(table);
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
        for table in
            ["outbox", "counters", "instalments", "payments", "order_lines", "shipments", "orders", "cart_methods", "cart_lines", "carts"]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table("products").drop_column("vat_class").to_owned()).await?;
        Ok(())
    }
}
