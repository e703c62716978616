//! Server functions for the seller pages: thin adapters to `service`.

use super::{SellerProfile, SellersPageData};
use crate::{errors::AppError, i18n::Lang};
use leptos::prelude::*;
use crate::wire::Wire;

#[server(prefix = "/api", endpoint = "sellers", output = Wire)]
pub async fn get_sellers(q: String, country: Option<String>, page: u64) -> Result<SellersPageData, AppError> {
    let db = crate::server::db()?;
    Ok(super::service::sellers_page(&db, &q, country.as_deref(), page).await?)
}

#[server(prefix = "/api", endpoint = "seller", output = Wire)]
pub async fn get_seller(lang: Lang, slug: String, category: Option<String>, page: u64) -> Result<SellerProfile, AppError> {
    let db = crate::server::db()?;
    let snapshot = crate::server::snapshot()?;
    super::service::seller_profile(&db, &snapshot, lang, &slug, category.as_deref(), page).await?.ok_or(AppError::NotFound)
}
