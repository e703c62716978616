//! What a seller tells buyers on its public profile (`sellers::profile`).
//!
//! - `sellers.payment_terms`: the seller's payment terms, JSON `{"et": …, "en": …, "ru": …}`
//!   like `sellers.about` (empty for the demo sellers).
//! - `seller_logos`: the seller's logo as the server made it from the uploaded image (resized,
//!   PNG), one per seller, in the database so every instance serves it. `hash` (of the stored
//!   bytes) names the file in its address, so the address changes with the logo and it can be
//!   cached for good.
//! - `sellers.logo_hash`, `logo_width`, `logo_height`: the same hash and size on the seller's
//!   row, which the profile page reads anyway (no second query for the `<img>`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table("sellers").add_column(text("payment_terms").default("{}")).to_owned())
            .await?;
        // SQLite adds one column per statement.
        manager.alter_table(Table::alter().table("sellers").add_column(string_len_null("logo_hash", 16)).to_owned()).await?;
        manager.alter_table(Table::alter().table("sellers").add_column(integer("logo_width").default(0)).to_owned()).await?;
        manager.alter_table(Table::alter().table("sellers").add_column(integer("logo_height").default(0)).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table("seller_logos")
                    .col(integer("seller_id").primary_key())
                    .col(string_len("hash", 16))
                    .col(integer("width"))
                    .col(integer("height"))
                    .col(blob("png"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(ForeignKey::create().name("fk_seller_logos_seller_id").from("seller_logos", "seller_id").to("sellers", "id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("seller_logos").to_owned()).await?;
        for column in ["logo_height", "logo_width", "logo_hash"] {
            manager.alter_table(Table::alter().table("sellers").drop_column(column).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table("sellers").drop_column("payment_terms").to_owned()).await
    }
}
