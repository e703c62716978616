//! Server functions of the catalog: thin adapters from the page to `service`. They run on the
//! server (directly during SSR, over HTTP after hydration).

use super::{paging::ProductSort, CategoryPageData, HomeData, ProductPageData};
use crate::delivery::County;
use crate::{errors::AppError, i18n::Lang};
use leptos::prelude::*;
use crate::wire::Wire;

#[server(prefix = "/api", endpoint = "home", output = Wire)]
pub async fn get_home(lang: Lang) -> Result<HomeData, AppError> {
    let db = crate::server::db()?;
    let snapshot = crate::server::snapshot()?;
    Ok(super::service::home(&db, &snapshot, lang).await?)
}

#[server(prefix = "/api", endpoint = "category", output = Wire)]
pub async fn get_category(lang: Lang, slug: String, sort: ProductSort, page: u64) -> Result<CategoryPageData, AppError> {
    let db = crate::server::db()?;
    let snapshot = crate::server::snapshot()?;
    super::service::category_page(&db, &snapshot, lang, &slug, sort, page).await?.ok_or(AppError::NotFound)
}

/// The product with its offers evaluated for `county` (the default region when `None`).
#[server(prefix = "/api", endpoint = "product", output = Wire)]
pub async fn get_product(lang: Lang, slug: String, county: Option<County>) -> Result<ProductPageData, AppError> {
    let db = crate::server::db()?;
    let county = county.unwrap_or(County::DEFAULT);
    let snapshot = crate::server::snapshot()?;
    super::service::product_page(&db, &snapshot, lang, &slug, county, chrono::Utc::now()).await?.ok_or(AppError::NotFound)
}
