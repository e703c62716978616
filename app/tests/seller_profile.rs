//! Service tests of the seller's public profile, each on SQLite and PostgreSQL: the texts a
//! member saves show on the public profile at once, in the reader's language or the fallback;
//! a logo is made from an upload, served by its address, replaced (the old address is gone) and
//! removed; a file that is not an image changes nothing.

mod support;

use app::db::entity::{seller, seller_member};
use app::i18n::Lang;
use app::sellers::area::{for_account, Member};
use app::sellers::profile::{validate_profile, LogoProblem, ProfileForm};
use app::sellers::profile_service::{logo_png, remove_logo, save, set_logo};
use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

async fn a_member(db: &DatabaseConnection) -> Member {
    let m = seller_member::Entity::find().order_by_asc(seller_member::Column::Id).one(db).await.unwrap().unwrap();
    for_account(db, m.user_id).await.unwrap().unwrap()
}

async fn public(db: &DatabaseConnection, slug: &str, lang: Lang) -> app::sellers::SellerProfile {
    let snapshot = support::snapshot(db).await;
    app::sellers::service::seller_profile(db, &snapshot, lang, slug, None, 1).await.unwrap().expect("an active seller")
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, _| image::Rgba([(x % 256) as u8, 20, 200, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

async fn profile_texts_and_logo(db: &DatabaseConnection) {
    support::seeded(db).await;
    let me = a_member(db).await;
    let slug = me.seller().slug.clone();
    let form = ProfileForm {
        about: ["Kohalik pagar".into(), "A local bakery".into(), String::new()],
        terms: ["Ettemaks või arve 14 päeva".into(), String::new(), String::new()],
        email: "pood@pagar.ee".into(),
        phone: "+372 5123 4567".into(),
    };
    save(db, &me, &validate_profile(&form).unwrap()).await.unwrap();
    let et = public(db, &slug, Lang::Et).await;
    assert_eq!((et.about.as_str(), et.payment_terms.as_str()), ("Kohalik pagar", "Ettemaks või arve 14 päeva"));
    assert_eq!(et.requisites.email, "pood@pagar.ee");
    let ru = public(db, &slug, Lang::Ru).await;
    assert_eq!(ru.about, "A local bakery", "Russian falls back to English");
    assert_eq!(ru.payment_terms, "Ettemaks või arve 14 päeva", "then to any language written");
    assert!(et.logo.is_none());

    assert_eq!(set_logo(db, &me, b"not an image".to_vec(), Utc::now()).await.unwrap(), Err(LogoProblem::NotAnImage));
    assert!(public(db, &slug, Lang::En).await.logo.is_none());
    set_logo(db, &me, png(800, 400), Utc::now()).await.unwrap().unwrap();
    let logo = public(db, &slug, Lang::En).await.logo.expect("a logo");
    assert_eq!((logo.width, logo.height), (256, 128));
    let hash = logo.url.rsplit('-').next().unwrap().trim_end_matches(".png").to_owned();
    let served = logo_png(db, me.seller_id(), &hash).await.unwrap().expect("served by its address");
    assert_eq!(image::load_from_memory(&served).unwrap().width(), 256);
    assert!(logo_png(db, me.seller_id() + 1, &hash).await.unwrap().is_none(), "not another seller's address");
    // Replaced: a new address, the old one is gone.
    set_logo(db, &me, png(100, 300), Utc::now()).await.unwrap().unwrap();
    let new = public(db, &slug, Lang::En).await.logo.unwrap();
    assert_ne!(new.url, logo.url);
    assert_eq!((new.width, new.height), (85, 256), "fitted by its height");
    assert!(logo_png(db, me.seller_id(), &hash).await.unwrap().is_none());
    remove_logo(db, &me).await.unwrap();
    assert!(public(db, &slug, Lang::En).await.logo.is_none());
    let stored = seller::Entity::find_by_id(me.seller_id()).one(db).await.unwrap().unwrap();
    assert_eq!(stored.payment_terms, r#"{"et":"Ettemaks või arve 14 päeva"}"#);
}

on_both_engines!(profile_texts_and_logo);
