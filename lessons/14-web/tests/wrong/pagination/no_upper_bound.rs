//! Wrong answer: a limit of 0 is refused, but any limit above 100 is served
//! Expect: is there an upper bound on limit

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

/// The query string; absent fields take their defaults.
#[derive(Debug, Deserialize)]
struct Page {
    #[serde(default)]
    offset: usize,
    #[serde(default = "ten")]
    limit: usize,
}

fn ten() -> usize {
    10
}

type Reply = Result<Json<Value>, (StatusCode, Json<Value>)>;

fn bad_request(message: String) -> (StatusCode, Json<Value>) {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": message })))
}

async fn list_items(
    State(items): State<Arc<Vec<String>>>,
    page: Result<Query<Page>, QueryRejection>,
) -> Reply {
    let Query(page) = page.map_err(|e| bad_request(e.body_text()))?;
    if page.limit < 1 {
        return Err(bad_request("limit must be between 1 and 100".into()));
    }
    let shown: Vec<_> =
        items.iter().skip(page.offset).take(page.limit).collect();
    Ok(Json(json!({ "items": shown, "total": items.len() })))
}

/// `GET /items` over `items`.
pub fn router(items: Vec<String>) -> Router {
    Router::new()
        .route("/items", get(list_items))
        .with_state(Arc::new(items))
}
