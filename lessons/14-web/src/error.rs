//! Errors as JSON, with the status that says what happened.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

// ANCHOR: error
/// Everything a handler can fail with. Each becomes a status and a body
/// `{"error": "..."}`.
#[derive(Debug)]
pub enum ApiError {
    /// 400: the request is malformed or breaks a rule.
    BadRequest(String),
    /// 404: no such thing.
    NotFound(String),
    /// 409: it conflicts with what is stored (a taken email).
    Conflict(String),
    /// 500: our fault. The detail goes to the log, not to the client.
    Internal(sqlx::Error),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::Conflict(m) => (StatusCode::CONFLICT, m),
            ApiError::Internal(error) => {
                tracing::error!(%error, "database error");
                let m = "internal error".to_string();
                (StatusCode::INTERNAL_SERVER_ERROR, m)
            }
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}

/// `?` on a sqlx call in a handler gives a 500.
impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        ApiError::Internal(error)
    }
}
// ANCHOR_END: error
