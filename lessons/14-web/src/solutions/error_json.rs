//! Reference solution for 14-error-json.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What a lookup can fail with.
#[derive(Debug)]
pub enum LookupError {
    NotFound { kind: &'static str, id: i64 },
    Invalid(String),
    Unavailable,
}

impl IntoResponse for LookupError {
    fn into_response(self) -> Response {
        match self {
            LookupError::NotFound { kind, id } => {
                let body =
                    json!({ "error": format!("no {kind} with id {id}") });
                (StatusCode::NOT_FOUND, Json(body)).into_response()
            }
            LookupError::Invalid(message) => {
                (StatusCode::BAD_REQUEST, Json(json!({ "error": message })))
                    .into_response()
            }
            // A tuple may carry headers between the status and the body.
            LookupError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "5")],
                Json(json!({ "error": "try again later" })),
            )
                .into_response(),
        }
    }
}
