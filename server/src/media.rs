//! Images kept in the database: sellers' logos, `/media/sellers/{seller}-{hash}.png`. The hash
//! is of the stored bytes, so an address always means the same picture: cached for a year.

use crate::routes::AppState;
use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};

/// `{seller}-{hash}.png` into its parts (a hash is 16 lower-case hex digits).
fn parse(file: &str) -> Option<(i32, &str)> {
    let (seller, hash) = file.strip_suffix(".png")?.split_once('-')?;
    let ok = hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    Some((seller.parse().ok().filter(|id: &i32| *id > 0)?, hash)).filter(|_| ok)
}

pub async fn seller_logo(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((seller, hash)) = parse(&file) else { return StatusCode::NOT_FOUND.into_response() };
    match app::sellers::profile_service::logo_png(&state.db, seller, hash).await {
        Ok(Some(png)) => (
            [(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
            png,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading a logo");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn logo_addresses() {
        assert_eq!(parse("12-0123456789abcdef.png"), Some((12, "0123456789abcdef")));
        assert_eq!(parse("12-0123456789ABCDEF.png"), None);
        assert_eq!(parse("12-0123.png"), None);
        assert_eq!(parse("-1-0123456789abcdef.png"), None);
        assert_eq!(parse("x-0123456789abcdef.png"), None);
        assert_eq!(parse("12-0123456789abcdef.svg"), None);
    }
}
