//! Wrong answer: the page is a slice, which panics for an offset past the end
//! Expect: a slice past the end

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
    if !(1..=100).contains(&page.limit) {
        return Err(bad_request("limit must be between 1 and 100".into()));
    }
    let end = (page.offset + page.limit).min(items.len());
    let shown = &items[page.offset..end];
    Ok(Json(json!({ "items": shown, "total": items.len() })))
}

/// `GET /items` over `items`.
pub fn router(items: Vec<String>) -> Router {
    Router::new()
        .route("/items", get(list_items))
        .with_state(Arc::new(items))
}
