//! A seller's public profile on the database, for one of its members: the texts and contacts
//! (`sellers`), and the logo (`seller_logos`, migration 15): the uploaded image is decoded with
//! limits (size of the file, then of the picture, before its pixels are read), fitted into
//! [`LOGO_SIDE`] pixels and stored as PNG, so what is served never is the uploaded file.

use super::area::Member;
use super::profile::{fit, logo_url, Logo, LogoProblem, Profile, ProfileForm, ProfilePage, LOGO_DECODE_MAX_SIDE, LOGO_SIDE};
use crate::db::entity::{seller, seller_logo};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set, TransactionSession, TransactionTrait};
use std::collections::HashMap;

fn texts(json: &str) -> [String; 3] {
    let map: HashMap<String, String> = serde_json::from_str(json).unwrap_or_default();
    Lang::ALL.map(|l| map.get(l.code()).cloned().unwrap_or_default())
}

/// A seller's logo as the pages show it (from its row).
pub fn logo_of(s: &seller::Model) -> Option<Logo> {
    s.logo_hash.as_ref().map(|hash| Logo {
        url: logo_url(s.id, hash),
        width: s.logo_width.max(1) as u32,
        height: s.logo_height.max(1) as u32,
    })
}

/// The profile form with what is stored.
pub fn page(me: &Member) -> ProfilePage {
    // The guard read the seller's row for this request.
    let s = me.seller();
    ProfilePage {
        seller_name: s.name.clone(),
        slug: s.slug.clone(),
        form: ProfileForm { about: texts(&s.about), terms: texts(&s.payment_terms), email: s.email.clone(), phone: s.phone.clone() },
        logo: logo_of(s),
        answer: None,
    }
}

/// Stores a valid profile. The products' pages show no profile text, so nothing else changes.
pub async fn save<C: ConnectionTrait>(db: &C, me: &Member, p: &Profile) -> Result<(), DbErr> {
    seller::ActiveModel {
        id: Set(me.seller_id()),
        about: Set(p.about_json.clone()),
        payment_terms: Set(p.terms_json.clone()),
        email: Set(p.email.clone()),
        phone: Set(p.phone.clone()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// A logo made from an uploaded image: PNG bytes, width, height.
pub fn make_logo(bytes: &[u8]) -> Result<(Vec<u8>, u32, u32), LogoProblem> {
    use image::{ImageFormat, ImageReader, Limits};
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().map_err(|_| LogoProblem::NotAnImage)?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) {
        return Err(LogoProblem::NotAnImage);
    }
    let (w, h) = reader.into_dimensions().map_err(|_| LogoProblem::NotAnImage)?;
    if w > LOGO_DECODE_MAX_SIDE || h > LOGO_DECODE_MAX_SIDE {
        return Err(LogoProblem::TooManyPixels);
    }
    reader = ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().map_err(|_| LogoProblem::NotAnImage)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(LOGO_DECODE_MAX_SIDE);
    limits.max_image_height = Some(LOGO_DECODE_MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| LogoProblem::NotAnImage)?;
    let (tw, th) = fit(image.width(), image.height(), LOGO_SIDE);
    let small = if (tw, th) == (image.width(), image.height()) {
        image
    } else {
        image.resize_exact(tw, th, image::imageops::FilterType::Lanczos3)
    };
    let mut png = Vec::new();
    small.write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png).map_err(|_| LogoProblem::NotAnImage)?;
    Ok((png, tw, th))
}

/// Makes and stores the seller's logo from an uploaded image (replacing the one before).
pub async fn set_logo<C: ConnectionTrait + TransactionTrait>(db: &C, me: &Member, bytes: Vec<u8>, now: DateTime<Utc>) -> Result<Result<(), LogoProblem>, DbErr> {
    // Decoding and resizing are CPU work: off the threads that serve requests.
    let made = tokio::task::spawn_blocking(move || make_logo(&bytes)).await.unwrap_or(Err(LogoProblem::NotAnImage));
    let (png, w, h) = match made {
        Ok(m) => m,
        Err(p) => return Ok(Err(p)),
    };
    let hash = crate::server::token_hash_bytes(&png)[..16].to_owned();
    let txn = crate::db::begin(db).await?;
    let row = seller_logo::ActiveModel {
        seller_id: Set(me.seller_id()),
        hash: Set(hash.clone()),
        width: Set(w as i32),
        height: Set(h as i32),
        png: Set(png),
        updated_at: Set(now),
    };
    seller_logo::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(seller_logo::Column::SellerId)
                .update_columns([
                    seller_logo::Column::Hash,
                    seller_logo::Column::Width,
                    seller_logo::Column::Height,
                    seller_logo::Column::Png,
                    seller_logo::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    seller::ActiveModel {
        id: Set(me.seller_id()),
        logo_hash: Set(Some(hash)),
        logo_width: Set(w as i32),
        logo_height: Set(h as i32),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

pub async fn remove_logo<C: ConnectionTrait + TransactionTrait>(db: &C, me: &Member) -> Result<(), DbErr> {
    let txn = crate::db::begin(db).await?;
    seller_logo::Entity::delete_by_id(me.seller_id()).exec(&txn).await?;
    seller::ActiveModel { id: Set(me.seller_id()), logo_hash: Set(None), logo_width: Set(0), logo_height: Set(0), ..Default::default() }
        .update(&txn)
        .await?;
    txn.commit().await
}

/// The PNG of a logo by its address's parts (`None` when the seller has no logo of that hash).
pub async fn logo_png<C: ConnectionTrait>(db: &C, seller_id: i32, hash: &str) -> Result<Option<Vec<u8>>, DbErr> {
    Ok(seller_logo::Entity::find_by_id(seller_id).one(db).await?.filter(|l| l.hash == hash).map(|l| l.png))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255]));
        let mut out = Vec::new();
        image::DynamicImage::ImageRgba8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn logos_are_made_small_and_png() {
        let (made, w, h) = make_logo(&png(1000, 500)).unwrap();
        assert_eq!((w, h), (256, 128));
        let back = image::load_from_memory_with_format(&made, image::ImageFormat::Png).unwrap();
        assert_eq!((back.width(), back.height()), (256, 128));
        let (_, w, h) = make_logo(&png(40, 20)).unwrap();
        assert_eq!((w, h), (40, 20), "a small one is not enlarged");
    }

    #[test]
    fn what_is_not_a_usable_image_is_refused() {
        assert_eq!(make_logo(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), Err(LogoProblem::NotAnImage));
        assert_eq!(make_logo(b"GIF89a......"), Err(LogoProblem::NotAnImage));
        let mut truncated = png(300, 300);
        truncated.truncate(100);
        assert_eq!(make_logo(&truncated), Err(LogoProblem::NotAnImage));
        // A header that claims a picture wider than allowed is refused before decoding.
        assert_eq!(make_logo(&png(LOGO_DECODE_MAX_SIDE + 1, 1)), Err(LogoProblem::TooManyPixels));
    }
}
