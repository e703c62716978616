//! Hostile texts for the markup-injection tests (`server seed --hostile`, the server's
//! rendering test and the end-to-end spec): a seller with a review and delivery methods, a
//! category and a product whose texts try to leave their context in every way a page could
//! write them: closing the title, breaking out of an attribute, opening a comment before a
//! script, closing a script. Nothing in these texts may reach a page as markup.

use crate::db::entity::{category, category_text, delivery_method, offer, product, product_text, seller, seller_review};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};
use serde::Serialize;

/// Every way a text could try to become markup. `alert` marks each so a test can tell which
/// one ran; the end-to-end spec fails on any dialog.
pub const PAYLOADS: [&str; 4] = [
    "</title><script>alert('title')</script>",
    "\"><img src=x onerror=alert('attr')>",
    "<!--<script>alert('comment')</script>",
    "</script><script>alert('script')</script>",
];

/// The hostile text for one field: a readable label and every payload.
pub fn text(label: &str) -> String {
    format!("{label} {}", PAYLOADS.join(" "))
}

/// Markers that would appear in a page only if a payload was written unescaped (an escaped
/// payload has `&lt;` for every `<`; `"` alone is harmless in text, and every attribute is
/// quoted and escaped).
pub const RAW_MARKERS: [&str; 4] = ["<script>alert(", "<img src=x", "<!--<script", "</title><script"];

/// The rows made for the hostile texts.
#[derive(Debug, Clone, Serialize)]
pub struct HostileFixture {
    pub product_slug: String,
    pub seller_slug: String,
    pub category_slug: String,
    pub offer_id: i32,
}

/// Slugs of the rows this fixture makes (plain: slugs are checked and URL-safe).
pub const PRODUCT_SLUG: &str = "hostile-product";
pub const SELLER_SLUG: &str = "hostile-seller";
pub const CATEGORY_SLUG: &str = "hostile-category";

/// Adds a seller (with a review and delivery methods), a category and a product with an offer
/// whose every text is hostile, made as copies of the demo catalog's first rows so they are
/// complete; the demo rows themselves are left as they are (other tests read them). Running it
/// again changes nothing and returns the same rows.
pub async fn seed_hostile(db: &DatabaseConnection) -> Result<HostileFixture, DbErr> {
    let txn = crate::db::begin(db).await?;
    if let Some(product) = product::Entity::find().filter(product::Column::Slug.eq(PRODUCT_SLUG)).one(&txn).await? {
        let offer = offer::Entity::find()
            .filter(offer::Column::ProductId.eq(product.id))
            .one(&txn)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("the hostile offer".into()))?;
        return Ok(HostileFixture {
            product_slug: PRODUCT_SLUG.into(),
            seller_slug: SELLER_SLUG.into(),
            category_slug: CATEGORY_SLUG.into(),
            offer_id: offer.id,
        });
    }
    let missing = |what: &str| DbErr::RecordNotFound(format!("{what} (seed the demo catalog first)"));
    let template_seller = seller::Entity::find()
        .filter(seller::Column::Status.eq(crate::catalog::SellerStatus::Active))
        .order_by_asc(seller::Column::Id)
        .one(&txn)
        .await?
        .ok_or_else(|| missing("an active seller"))?;
    let template_offer = offer::Entity::find()
        .filter(offer::Column::SellerId.eq(template_seller.id))
        .filter(offer::Column::Active.eq(true))
        .order_by_asc(offer::Column::Id)
        .one(&txn)
        .await?
        .ok_or_else(|| missing("an offer"))?;
    let template_product =
        product::Entity::find_by_id(template_offer.product_id).one(&txn).await?.ok_or_else(|| missing("a product"))?;
    let template_category = category::Entity::find_by_id(template_product.category_id)
        .one(&txn)
        .await?
        .ok_or_else(|| missing("a category"))?;
    let now = chrono::Utc::now();

    let mut c = template_category.clone().into_active_model();
    c.id = NotSet;
    c.slug = Set(CATEGORY_SLUG.into());
    c.position = Set(999);
    let category_id = category::Entity::insert(c).exec(&txn).await?.last_insert_id;
    for lang in ["et", "en", "ru"] {
        category_text::Entity::insert(category_text::ActiveModel {
            category_id: Set(category_id),
            lang: Set(lang.into()),
            name: Set(text("Category")),
        })
        .exec(&txn)
        .await?;
    }

    let mut s = template_seller.clone().into_active_model();
    s.id = NotSet;
    s.slug = Set(SELLER_SLUG.into());
    s.name = Set(text("Seller"));
    s.legal_name = Set(text("Legal"));
    // `about` is JSON with one text per language (as sellers write it).
    s.about = Set(serde_json::json!({ "et": text("About"), "en": text("About"), "ru": text("About") }).to_string());
    s.payment_terms = Set(serde_json::json!({ "et": text("Terms"), "en": text("Terms"), "ru": text("Terms") }).to_string());
    s.street = Set(text("Street"));
    s.city = Set(text("City"));
    s.email = Set(text("mail"));
    s.phone = Set(text("phone"));
    s.registry_code = Set(text("code"));
    s.vat_number = Set(text("vat"));
    s.rating_stars_total = Set(5);
    s.review_count = Set(1);
    s.created_at = Set(now);
    let seller_id = seller::Entity::insert(s).exec(&txn).await?.last_insert_id;
    seller_review::Entity::insert(seller_review::ActiveModel {
        seller_id: Set(seller_id),
        author: Set(text("Author")),
        stars: Set(5),
        body: Set(text("Review")),
        lang: Set("en".into()),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    for method in delivery_method::Entity::find()
        .filter(delivery_method::Column::SellerId.eq(template_seller.id))
        .order_by_asc(delivery_method::Column::Id)
        .all(&txn)
        .await?
    {
        let mut m = method.into_active_model();
        m.id = NotSet;
        m.seller_id = Set(seller_id);
        m.name = Set(text("Method"));
        delivery_method::Entity::insert(m).exec(&txn).await?;
    }

    let mut p = template_product.clone().into_active_model();
    p.id = NotSet;
    p.slug = Set(PRODUCT_SLUG.into());
    p.category_id = Set(category_id);
    p.ean = Set(super::ean13(474, 999_999_999));
    p.brand = Set(text("Brand"));
    p.created_at = Set(now);
    p.updated_at = Set(now);
    let product_id = product::Entity::insert(p).exec(&txn).await?.last_insert_id;
    let attributes = serde_json::json!([{ "name": text("Attribute"), "value": text("Value") }]).to_string();
    for lang in ["et", "en", "ru"] {
        product_text::Entity::insert(product_text::ActiveModel {
            product_id: Set(product_id),
            lang: Set(lang.into()),
            title: Set(text("Title")),
            description: Set(text("Description")),
            attributes: Set(attributes.clone()),
        })
        .exec(&txn)
        .await?;
    }
    let mut o = template_offer.into_active_model();
    o.id = NotSet;
    o.product_id = Set(product_id);
    o.seller_id = Set(seller_id);
    o.stock = Set(1000);
    o.active = Set(true);
    o.delivery_method_ids = Set(None);
    o.created_at = Set(now);
    let offer_id = offer::Entity::insert(o).exec(&txn).await?.last_insert_id;
    // The buy box, search and the sitemap follow (through the change feed).
    crate::catalog::service::refresh_offer_summaries(&txn, &[product_id]).await?;
    crate::sellers::service::refresh_assortment(&txn, Some(&[seller_id])).await?;
    txn.commit().await?;
    Ok(HostileFixture {
        product_slug: PRODUCT_SLUG.into(),
        seller_slug: SELLER_SLUG.into(),
        category_slug: CATEGORY_SLUG.into(),
        offer_id,
    })
}
