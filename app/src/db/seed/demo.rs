//! Turns `demo_data` into rows: categories, sellers with delivery methods, products built as
//! brand × variant of each product line, and offers from the sellers of each category.

use super::{demo_data as data, ean13, shelf_price, slugify, Rng};
use crate::catalog::service::refresh_all_offer_summaries;
use crate::db::entity::{category, category_text, delivery_method, offer, product, product_text, seller};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryOrder,
};
use serde_json::json;
use std::collections::HashMap;

/// What the demo seeder made.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub categories: usize,
    pub sellers: usize,
    pub products: usize,
    pub offers: usize,
}

impl data::Tr {
    /// The text in the language with this code (English for any other code).
    pub fn pick(&self, lang: &str) -> &'static str {
        match lang {
            "et" => self.et,
            "ru" => self.ru,
            _ => self.en,
        }
    }
}

pub(crate) fn tr_json(t: &data::Tr) -> String {
    json!({ "et": t.et, "en": t.en, "ru": t.ru }).to_string()
}

/// The moment the demo catalog "was created"; everything else is dated from it.
pub(crate) fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 6, 8, 0, 0).unwrap()
}

/// A product of the demo catalog, before it is written.
pub(crate) struct DemoProduct {
    pub line: &'static data::DemoProductLine,
    pub brand: &'static str,
    pub variant_index: usize,
    pub variant: &'static data::Tr,
}

impl DemoProduct {
    pub fn title(&self, lang: &str) -> String {
        format!("{} {}, {}", self.brand, self.line.name.pick(lang), self.variant.pick(lang))
    }
}

/// Every demo product, in a stable order.
pub(crate) fn demo_products() -> Vec<DemoProduct> {
    let mut out = Vec::new();
    for line in data::PRODUCT_LINES {
        for brand in line.brands {
            for (variant_index, variant) in line.variants.iter().enumerate() {
                out.push(DemoProduct { line, brand, variant_index, variant });
            }
        }
    }
    out
}

/// The top-level category of each category slug.
pub(crate) fn top_level_of(slug: &str) -> &'static str {
    let mut current = data::CATEGORIES.iter().find(|c| c.slug == slug).expect("known category");
    while let Some(parent) = current.parent {
        current = data::CATEGORIES.iter().find(|c| c.slug == parent).expect("known parent");
    }
    current.slug
}

/// Seeds the demo catalog into an empty database. Returns `None` when a catalog is already
/// there (nothing is changed then).
pub async fn seed_demo(db: &DatabaseConnection) -> Result<Option<DemoReport>, DbErr> {
    if category::Entity::find().count(db).await? > 0 {
        return Ok(None);
    }
    let txn = crate::db::begin(db).await?;
    let report = write_demo(&txn).await?;
    txn.commit().await?;
    refresh_all_offer_summaries(db).await?;
    crate::sellers::service::refresh_assortment(db, None).await?;
    seed_demo_accounts(db).await?;
    Ok(Some(report))
}

/// The demo accounts (README, "Demo accounts"): a shopper, an administrator and a support
/// agent, confirmed, with known passwords. Seeded only with the demo catalog, which a
/// production configuration refuses (`TURG_DEMO` with an https address needs `TURG_DEV`).
pub const DEMO_ACCOUNTS: [(&str, &str, &str, &[crate::accounts::Role]); 3] = [
    ("shopper@demo.turg.ee", "ostan-kirsse-2026", "Mari Demo", &[]),
    ("admin@demo.turg.ee", "halda-poodi-2026", "Admin Demo", &[crate::accounts::Role::Administrator]),
    ("support@demo.turg.ee", "aitan-ostjaid-2026", "Tugi Demo", &[crate::accounts::Role::Support]),
];

/// Every demo seller has one member account, `<seller slug>@sellers.demo.turg.ee`, with this
/// password (README, "Demo accounts").
pub const DEMO_SELLER_PASSWORD: &str = "muun-kaupa-2026";
/// An account whose company's application waits for an administrator.
pub const DEMO_APPLICANT: (&str, &str) = ("applicant@demo.turg.ee", "taotlen-muuki-2026");

async fn demo_account(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    name: &str,
    roles: &[crate::accounts::Role],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i32, DbErr> {
    match crate::accounts::service::ensure_account(db, email, password, name, roles, now).await {
        Ok(user) => Ok(user.id),
        Err(crate::accounts::service::AccountError::Db(e)) => Err(e),
        Err(crate::accounts::service::AccountError::Form(state)) => {
            Err(DbErr::Custom(format!("demo account {email} refused: {state:?}")))
        }
    }
}

async fn seed_demo_accounts(db: &DatabaseConnection) -> Result<(), DbErr> {
    use crate::db::entity::seller_member;
    let now = chrono::Utc::now();
    for (email, password, name, roles) in DEMO_ACCOUNTS {
        demo_account(db, email, password, name, roles, now).await?;
    }
    // One hash for all of them: the same password, and argon2 costs ~25 ms a hash.
    let hash = crate::accounts::service::hash_password(DEMO_SELLER_PASSWORD.to_owned()).await;
    for s in seller::Entity::find().order_by_asc(seller::Column::Id).all(db).await? {
        let user = crate::db::entity::user::ActiveModel {
            email: Set(format!("{}@sellers.demo.turg.ee", s.slug)),
            email_confirmed_at: Set(Some(now)),
            password_hash: Set(Some(hash.clone())),
            name: Set(s.name.clone()),
            phone: Set(String::new()),
            lang: Set(crate::i18n::Lang::Et.code().to_owned()),
            created_at: Set(now),
            deleted_at: Set(None),
            standing: Set(Default::default()),
            standing_reason: Set(String::new()),
            standing_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        seller_member::ActiveModel { seller_id: Set(s.id), user_id: Set(user.id), added_at: Set(now), ..Default::default() }
            .insert(db)
            .await?;
    }
    let (email, password) = DEMO_APPLICANT;
    let user_id = demo_account(db, email, password, "Liga Demo", &[], now).await?;
    let form = crate::sellers::onboarding::ApplicationForm {
        company_name: "Rīgas Garšas SIA".into(),
        country: "LV".into(),
        registry_code: "40003032065".into(),
        vat_number: String::new(),
        street: "Brīvības iela 100".into(),
        city: "Rīga".into(),
        postal_code: "LV-1011".into(),
        contact_name: "Līga Demo".into(),
        email: "liga@garsas.example.lv".into(),
        phone: "+371 2000 0000".into(),
        iban: "LV80 BANK 0000 4351 9500 1".into(),
        certified: true,
    };
    let a = crate::sellers::onboarding::validate(&form)
        .map_err(|e| DbErr::Custom(format!("the demo application is invalid: {e:?}")))?;
    let mut row = crate::sellers::applications::submitted_row(user_id, a, now);
    row.created_at = Set(now);
    row.insert(db).await?;
    Ok(())
}

/// Writes categories and sellers (what the scale generator also needs) and returns their ids.
pub(crate) async fn write_categories_and_sellers<C: ConnectionTrait>(
    db: &C,
) -> Result<(HashMap<&'static str, i32>, Vec<i32>), DbErr> {
    let mut category_ids = HashMap::new();
    for (position, cat) in data::CATEGORIES.iter().enumerate() {
        let image = data::PRODUCT_LINES
            .iter()
            .find(|l| l.category == cat.slug || top_level_of(l.category) == cat.slug)
            .map(|l| format!("/img/products/{}", l.image));
        let row = category::ActiveModel {
            parent_id: Set(cat.parent.map(|p| category_ids[p])),
            slug: Set(cat.slug.to_owned()),
            position: Set(position as i32),
            image: Set(image),
            ..Default::default()
        };
        let id = category::Entity::insert(row).exec(db).await?.last_insert_id;
        category_ids.insert(cat.slug, id);
        let texts = [("et", cat.name.et), ("en", cat.name.en), ("ru", cat.name.ru)].map(|(lang, name)| {
            category_text::ActiveModel {
                category_id: Set(id),
                lang: Set(lang.to_owned()),
                name: Set(name.to_owned()),
            }
        });
        category_text::Entity::insert_many(texts).exec_without_returning(db).await?;
    }

    let mut seller_ids = Vec::new();
    for (i, s) in data::SELLERS.iter().enumerate() {
        let (y, m, d) = s.trading_since;
        let row = seller::ActiveModel {
            slug: Set(s.slug.to_owned()),
            name: Set(s.name.to_owned()),
            legal_name: Set(s.legal_name.to_owned()),
            registry_code: Set(s.registry_code.to_owned()),
            vat_number: Set(s.vat_number.to_owned()),
            country: Set(s.country.to_owned()),
            street: Set(s.street.to_owned()),
            city: Set(s.city.to_owned()),
            postal_code: Set(s.postal_code.to_owned()),
            email: Set(s.email.to_owned()),
            phone: Set(s.phone.to_owned()),
            about: Set(tr_json(&s.about)),
            trading_since: Set(NaiveDate::from_ymd_opt(y, m, d).expect("valid trading_since")),
            status: Set(crate::catalog::SellerStatus::Active),
            created_at: Set(epoch() + Duration::minutes(i as i64)),
            ..Default::default()
        };
        let id = seller::Entity::insert(row).exec(db).await?.last_insert_id;
        seller_ids.push(id);
        let methods = s.deliveries.iter().map(|m| delivery_method::ActiveModel {
            seller_id: Set(id),
            kind: Set(m.kind),
            name: Set(tr_json(&m.name)),
            price_cents: Set(m.price_cents),
            free_over_cents: Set(m.free_over_cents),
            regions: Set(json!(m.regions).to_string()),
            days_min: Set(m.days_min),
            days_max: Set(m.days_max),
            active: Set(true),
            ..Default::default()
        });
        delivery_method::Entity::insert_many(methods).exec_without_returning(db).await?;
    }
    super::reviews::write_reviews(db, &seller_ids).await?;
    Ok((category_ids, seller_ids))
}

/// Which sellers may offer a product of this line: those selling in its top-level category,
/// and for cold-chain goods only those with a cold courier.
pub(crate) fn eligible_sellers(line: &data::DemoProductLine) -> Vec<usize> {
    let top = top_level_of(line.category);
    data::SELLERS
        .iter()
        .enumerate()
        .filter(|(_, s)| s.categories.contains(&top))
        .filter(|(_, s)| !line.cold_chain || s.deliveries.iter().any(|d| d.kind == crate::delivery::DeliveryKind::ColdCourier))
        .map(|(i, _)| i)
        .collect()
}

/// How many offers a product gets: a few products many (10+), most 3–8, some 1–2.
pub(crate) fn offer_count(rng: &mut Rng, eligible: usize) -> usize {
    let wanted = match rng.next_u64() % 100 {
        0..=17 => rng.range(10, 16) as usize,
        18..=94 => rng.range(3, 8) as usize,
        _ => rng.range(1, 2) as usize,
    };
    wanted.min(eligible)
}

/// One seller's offer terms for a product: price around the line's base price (bigger
/// variants cost more), stock (sometimes none), sometimes paused.
pub(crate) fn offer_terms(rng: &mut Rng, p: &DemoProduct, seller: &data::DemoSeller) -> (i64, i32, bool) {
    let base = p.line.base_price_cents * (100 + 45 * p.variant_index as i64) / 100;
    let jitter = rng.range(-6, 6);
    let price = shelf_price(base * seller.price_permille / 1000 * (100 + jitter) / 100);
    let stock = if rng.chance(8) { 0 } else { rng.range(1, 250) as i32 };
    let active = !rng.chance(4);
    (price, stock, active)
}

async fn write_demo<C: ConnectionTrait>(db: &C) -> Result<DemoReport, DbErr> {
    let (category_ids, seller_ids) = write_categories_and_sellers(db).await?;
    let products = demo_products();
    let mut used_slugs = HashMap::<String, usize>::new();
    let mut offers = 0;
    for (n, p) in products.iter().enumerate() {
        let mut slug = slugify(&p.title("en"));
        let seen = used_slugs.entry(slug.clone()).or_default();
        *seen += 1;
        if *seen > 1 {
            slug = format!("{slug}-{seen}");
        }
        let created_at = epoch() + Duration::hours(n as i64 * 7);
        let row = product::ActiveModel {
            slug: Set(slug),
            category_id: Set(category_ids[p.line.category]),
            ean: Set(ean13(474, 100_000 + n as u64)),
            brand: Set(p.brand.to_owned()),
            images: Set(json!([format!("/img/products/{}", p.line.image)]).to_string()),
            perishable: Set(p.line.perishable || p.line.cold_chain),
            cold_chain: Set(p.line.cold_chain),
            storable: Set(p.line.storable),
            min_price_cents: Set(None),
            offer_count: Set(0),
            created_at: Set(created_at),
            updated_at: Set(created_at),
            ..Default::default()
        };
        let product_id = product::Entity::insert(row).exec(db).await?.last_insert_id;
        let texts = ["et", "en", "ru"].map(|lang| {
            let attributes: Vec<_> = p
                .line
                .attributes
                .iter()
                .map(|(name, value)| json!({ "name": name.pick(lang), "value": value.pick(lang) }))
                .collect();
            product_text::ActiveModel {
                product_id: Set(product_id),
                lang: Set(lang.to_owned()),
                title: Set(p.title(lang)),
                description: Set(p.line.description.pick(lang).to_owned()),
                attributes: Set(serde_json::Value::Array(attributes).to_string()),
            }
        });
        product_text::Entity::insert_many(texts).exec_without_returning(db).await?;

        let mut rng = Rng::new(0x7475_7267 ^ n as u64);
        let mut eligible = eligible_sellers(p.line);
        rng.shuffle(&mut eligible);
        let count = offer_count(&mut rng, eligible.len());
        let rows: Vec<_> = eligible[..count]
            .iter()
            .map(|&s| {
                let seller = &data::SELLERS[s];
                let (price, stock, active) = offer_terms(&mut rng, p, seller);
                offer::ActiveModel {
                    product_id: Set(product_id),
                    seller_id: Set(seller_ids[s]),
                    price_cents: Set(price),
                    stock: Set(stock),
                    condition: Set("new".to_owned()),
                    handling_days: Set(seller.handling_days),
                    active: Set(active),
                    created_at: Set(created_at + Duration::days(s as i64 + 1)),
                    ..Default::default()
                }
            })
            .collect();
        offers += rows.len();
        if !rows.is_empty() {
            offer::Entity::insert_many(rows).exec_without_returning(db).await?;
        }
    }
    Ok(DemoReport {
        categories: data::CATEGORIES.len(),
        sellers: data::SELLERS.len(),
        products: products.len(),
        offers,
    })
}
