//! Wrong answer: the 503 has its status and body but no retry-after header
//! Expect: the retry-after header of the 503 was None

use axum::Json;
use axum::http::StatusCode;
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
                Json(json!({ "error": "try again later" })),
            )
                .into_response(),
        }
    }
}
