//! Server functions of the sandbox bank's page.

use super::SandboxPayment;
use crate::errors::AppError;
use leptos::prelude::*;

/// The payment the sandbox bank is asked to take.
#[server(prefix = "/api", endpoint = "sandbox_payment")]
pub async fn get_sandbox_payment(reference: String) -> Result<SandboxPayment, AppError> {
    let db = crate::server::db()?;
    super::service::sandbox_payment(&db, &reference).await?.ok_or(AppError::NotFound)
}
