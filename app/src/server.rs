//! Server-side glue for server functions: what the axum server provides through context.

use crate::errors::AppError;
use leptos::prelude::use_context;
use sea_orm::DatabaseConnection;

/// The database pool the server put into context for this request.
pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<DatabaseConnection>().ok_or_else(|| {
        tracing::error!("no database connection in context");
        AppError::Unavailable
    })
}

/// Sets the HTTP status of the page being rendered (a no-op outside a request).
pub fn set_status(code: u16) {
    if let (Some(options), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code))
    {
        options.set_status(status);
    }
}

/// The search index the server put into context.
pub fn search() -> Result<std::sync::Arc<crate::search::service::Search>, AppError> {
    use_context::<std::sync::Arc<crate::search::service::Search>>().ok_or_else(|| {
        tracing::error!("no search index in context");
        AppError::Unavailable
    })
}

impl From<crate::search::service::IndexError> for AppError {
    fn from(e: crate::search::service::IndexError) -> AppError {
        tracing::error!("search failed: {e}");
        AppError::Unavailable
    }
}
