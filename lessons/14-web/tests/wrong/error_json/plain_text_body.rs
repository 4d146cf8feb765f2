//! Wrong answer: the right statuses, but the message is sent as plain text, not JSON
//! Expect: should have a JSON body

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

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
                let body = format!("no {kind} with id {id}");
                (StatusCode::NOT_FOUND, body).into_response()
            }
            LookupError::Invalid(message) => {
                (StatusCode::BAD_REQUEST, message).into_response()
            }
            LookupError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "5")],
                "try again later",
            )
                .into_response(),
        }
    }
}
