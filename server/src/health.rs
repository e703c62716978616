//! The machine-facing endpoints for load balancers and monitoring:
//!
//! - `/healthz/live`: 200 while the process serves requests (touches nothing else), so a stuck
//!   process is restarted but a database outage is not made worse by restarts;
//! - `/healthz/ready`: 200 when the database answers and the search index is built, else 503
//!   with a JSON body that says which (`crate::routes::healthz`; `/healthz` is the same, served
//!   by the main router and kept for existing checks);
//! - `/metrics`: Prometheus text (restrict it at the proxy: it is not for the public).

use crate::observe::{Gauges, METRICS};
use crate::routes::AppState;
use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use serde_json::json;

/// The routes above, with the request tagging of the main router.
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/healthz/ready", get(crate::routes::healthz))
        .route("/healthz/live", get(live))
        .route("/metrics", get(metrics))
        .layer(axum::middleware::from_fn(crate::observe::tag_route))
        .with_state(state)
}

async fn live() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(json!({ "status": "ok" }))).into_response()
}

async fn metrics(State(state): State<AppState>) -> Response {
    let outbox = match app::outbox::count_by_status(&state.db).await {
        Ok(rows) => Some(rows),
        Err(e) => {
            tracing::warn!(error = %e, "metrics: counting the outbox failed");
            None
        }
    };
    let body = METRICS.render(&Gauges { outbox, search_ready: state.search.is_ready() });
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;
    use tower::ServiceExt;

    async fn get_path(app: Router, path: &str) -> (StatusCode, String) {
        let req = axum::http::Request::builder().uri(path).body(axum::body::Body::empty()).unwrap();
        let res = app.oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = http_body_util::BodyExt::collect(res.into_body()).await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn live_ready_and_metrics_answer() {
        let db = app::db::open("sqlite::memory:").await.unwrap();
        let state = crate::routes::app_state(db).await.unwrap();
        let app = crate::observe::layer(routes(state));

        let (status, body) = get_path(app.clone(), "/healthz/live").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        // Ready once the (empty) search index is built.
        let mut ready = StatusCode::SERVICE_UNAVAILABLE;
        for _ in 0..100 {
            ready = get_path(app.clone(), "/healthz/ready").await.0;
            if ready == StatusCode::OK {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(ready, StatusCode::OK);

        let (status, body) = get_path(app.clone(), "/metrics").await;
        assert_eq!(status, StatusCode::OK);
        for name in [
            "turg_http_requests_total{route=\"/healthz/live\",status=\"200\",class=\"2xx\"}",
            "turg_http_request_duration_seconds_bucket",
            "turg_page_cache_requests_total",
            "turg_outbox_messages{status=\"pending\"} 0",
            "turg_outbox_messages{status=\"failed\"} 0",
            "turg_reservations_released_total",
            "turg_search_index_ready 1",
            "turg_database_up 1",
        ] {
            assert!(body.contains(name), "missing {name} in\n{body}");
        }
        // Unknown paths are counted under one label, not by path.
        let (status, _) = get_path(app.clone(), "/no/such/path?key=secret").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let body = get_path(app, "/metrics").await.1;
        assert!(body.contains("turg_http_requests_total{route=\"other\",status=\"404\""), "{body}");
        assert!(!body.contains("/no/such/path"));
    }
}
