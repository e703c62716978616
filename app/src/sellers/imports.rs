//! Bulk update of a seller's offers by CSV: what the pages show and the server functions (thin
//! adapters to `import_service`). A file is uploaded, checked in the background (every row
//! against the catalogue and the seller's offers; the page shows the progress, then the errors
//! per row or a preview of the changes), and applied on request, all or nothing. The format is
//! `csv.rs`'s.

use super::csv::{Column, FileProblem, RowError};
use crate::errors::AppError;
use crate::wire::Wire;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use sea_orm::sea_query::StringLen;

/// At most this many row errors are kept and shown (the count is always exact).
pub const ERRORS_KEPT: usize = 1000;
/// Lines of the preview of changes.
pub const PREVIEW_ROWS: u64 = 50;
/// Imports listed on the upload page.
pub const RECENT_IMPORTS: u64 = 10;

/// The server functions that take a multipart body (the server refuses any other body for
/// them: server_fn would panic on it).
pub const MULTIPART_ENDPOINTS: &[&str] = &["/api/seller_upload_offers", "/api/seller_upload_logo"];

/// Where an import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(StringLen::N(20))"))]
pub enum ImportStatus {
    /// Being read and checked in the background.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "checking"))]
    Checking,
    /// The file or some rows are wrong: nothing can be applied.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "invalid"))]
    Invalid,
    /// Checked without errors: its changes wait to be applied.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "ready"))]
    Ready,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "applying"))]
    Applying,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "applied"))]
    Applied,
    /// Applying failed and changed nothing.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "failed"))]
    Failed,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "discarded"))]
    Discarded,
}

impl ImportStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Checking => "checking",
            Self::Invalid => "invalid",
            Self::Ready => "ready",
            Self::Applying => "applying",
            Self::Applied => "applied",
            Self::Failed => "failed",
            Self::Discarded => "discarded",
        }
    }

    /// Whether the server is still working on it (the page refreshes itself).
    pub fn running(self) -> bool {
        matches!(self, Self::Checking | Self::Applying)
    }
}

/// The change one line makes, for the preview: the offer's terms now and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub line: u32,
    pub product_title: String,
    pub product_slug: String,
    pub ean: String,
    /// The seller's offer now, or `None`: the line makes a new one.
    pub offer_id: Option<i32>,
    pub price: (Option<i64>, Option<i64>),
    pub stock: (Option<i32>, Option<i32>),
    pub active: (Option<bool>, Option<bool>),
    pub handling_days: (Option<i32>, Option<i32>),
}

/// One import as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: i32,
    pub file_name: String,
    pub status: ImportStatus,
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub columns: Vec<Column>,
    pub ignored: Vec<String>,
    pub records: u32,
    pub checked: u32,
    pub error_count: u32,
    pub errors: Vec<RowError>,
    pub updates: u32,
    pub creates: u32,
    pub unchanged: u32,
    /// What was wrong with the file as a whole.
    pub file_problem: Option<FileProblem>,
    /// Applying failed (and changed nothing).
    pub failed: bool,
    #[serde(with = "crate::wire::instant")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::wire::instant_opt")]
    pub finished_at: Option<DateTime<Utc>>,
    /// The first changes (only while `ready`).
    pub changes: Vec<ChangeRow>,
}

/// `/{lang}/seller/imports`: the upload form and the latest imports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportsPage {
    pub seller_name: String,
    pub recent: Vec<ImportView>,
}

/// Why an upload was not taken (the page says so; nothing is stored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadProblem {
    NoFile,
    TooLarge,
}

impl UploadProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::NoFile => "no_file",
            Self::TooLarge => "too_large",
        }
    }

    pub fn from_code(code: &str) -> Option<UploadProblem> {
        [Self::NoFile, Self::TooLarge].into_iter().find(|p| p.code() == code)
    }
}

#[server(prefix = "/api", endpoint = "seller_imports", output = Wire)]
pub async fn get_imports() -> Result<ImportsPage, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    Ok(super::import_service::recent(&db, &me).await?)
}

#[server(prefix = "/api", endpoint = "seller_import", output = Wire)]
pub async fn get_import(lang: crate::i18n::Lang, id: i32) -> Result<ImportView, AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    super::import_service::view(&db, &me, lang, id).await?.ok_or(AppError::NotFound)
}

/// Takes an uploaded file (a plain multipart form: `lang`, then `file`), stores it and starts
/// checking it; answers with a redirect to the import's page.
#[server(prefix = "/api", endpoint = "seller_upload_offers", input = leptos::server_fn::codec::MultipartFormData)]
pub async fn upload_offers(data: leptos::server_fn::codec::MultipartData) -> Result<(), AppError> {
    use super::csv::MAX_BYTES;
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let mut form = data.into_inner().ok_or_else(|| AppError::BadRequest("no multipart body".into()))?;
    let Upload { lang, file_name, bytes, too_large } = read_upload(&mut form, MAX_BYTES).await?;
    let page = format!("/{}/seller/imports", lang.code());
    let problem = if too_large {
        Some(UploadProblem::TooLarge)
    } else if bytes.is_empty() {
        Some(UploadProblem::NoFile)
    } else {
        None
    };
    if let Some(p) = problem {
        leptos_axum::redirect(&format!("{page}?problem={}", p.code()));
        return Ok(());
    }
    let name = if file_name.trim().is_empty() { "offers.csv".to_owned() } else { file_name };
    let id = super::import_service::create(&db, &me, &name, bytes, Utc::now()).await?;
    super::import_service::spawn_check(db, id);
    leptos_axum::redirect(&format!("{page}/{id}"));
    Ok(())
}

/// A file posted by a plain form: the page's language (`lang`, before the file) and the file.
#[cfg(feature = "ssr")]
pub(crate) struct Upload {
    pub lang: crate::i18n::Lang,
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Larger than allowed: `bytes` holds only the start, and the rest was not read.
    pub too_large: bool,
}

/// Reads a multipart form's `lang` and `file` fields, the file up to `max` bytes.
#[cfg(feature = "ssr")]
pub(crate) async fn read_upload(form: &mut multer::Multipart<'static>, max: usize) -> Result<Upload, AppError> {
    let bad = |e: multer::Error| AppError::BadRequest(format!("multipart: {e}"));
    let mut up = Upload { lang: crate::i18n::Lang::default(), file_name: String::new(), bytes: Vec::new(), too_large: false };
    while let Some(mut field) = form.next_field().await.map_err(bad)? {
        match field.name() {
            Some("lang") => {
                let code = field.text().await.unwrap_or_default();
                up.lang = crate::i18n::Lang::from_code(code.trim()).unwrap_or_default();
            }
            Some("file") => {
                up.file_name = field.file_name().unwrap_or("").chars().take(200).collect();
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if up.bytes.len() + chunk.len() > max {
                        up.too_large = true;
                        return Ok(up);
                    }
                    up.bytes.extend_from_slice(&chunk);
                }
            }
            _ => {}
        }
    }
    Ok(up)
}

/// Applies a checked import (in the background; its page shows when it is done).
#[server(prefix = "/api", endpoint = "seller_apply_import", output = Wire)]
pub async fn apply_import(lang: String, id: i32) -> Result<(), AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    if super::import_service::start_applying(&db, &me, id, Utc::now()).await? {
        super::import_service::spawn_apply(db, id);
    }
    crate::server::redirect_form_post(&format!("/{}/seller/imports/{id}", lang.code()));
    Ok(())
}

/// Drops a checked import that will not be applied.
#[server(prefix = "/api", endpoint = "seller_discard_import", output = Wire)]
pub async fn discard_import(lang: String, id: i32) -> Result<(), AppError> {
    let db = crate::server::db()?;
    let me = super::area::member(&db).await?;
    let lang = crate::accounts::api::server_side::lang_of(&lang);
    super::import_service::discard(&db, &me, id, Utc::now()).await?;
    crate::server::redirect_form_post(&format!("/{}/seller/imports/{id}", lang.code()));
    Ok(())
}
