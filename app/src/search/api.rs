//! Server functions of search: thin adapters to `service`.

use super::{SearchPageData, SearchParams, Suggestion};
use crate::{errors::AppError, i18n::Lang};
use leptos::prelude::*;
use crate::wire::Wire;

/// One page of results; "unavailable" while the index is still being built after a start.
#[server(prefix = "/api", endpoint = "search", output = Wire)]
pub async fn search(lang: Lang, params: SearchParams) -> Result<SearchPageData, AppError> {
    let (db, search) = (crate::server::db()?, crate::server::search()?);
    let snapshot = crate::server::snapshot()?;
    super::service::search_page(&db, &snapshot, &search, lang, params).await?.ok_or(AppError::Unavailable)
}

/// Suggestions while typing (hydrated pages only).
#[server(prefix = "/api", endpoint = "suggest", output = Wire)]
pub async fn suggest(lang: Lang, q: String) -> Result<Vec<Suggestion>, AppError> {
    let (db, search) = (crate::server::db()?, crate::server::search()?);
    Ok(super::service::suggestions(&db, &search, lang, &q, super::SUGGESTIONS).await?)
}
