//! Server functions of the sandbox bank's page.

use super::SandboxPayment;
use crate::errors::AppError;
use leptos::prelude::*;
use crate::wire::Wire;

/// The payment the sandbox bank is asked to take.
#[server(prefix = "/api", endpoint = "sandbox_payment", output = Wire)]
pub async fn get_sandbox_payment(reference: String) -> Result<SandboxPayment, AppError> {
    // The sandbox bank exists only where it is the configured provider.
    crate::payment::provider::sandbox().ok_or(AppError::NotFound)?;
    let db = crate::server::db()?;
    super::service::sandbox_payment(&db, &reference).await?.ok_or(AppError::NotFound)
}
