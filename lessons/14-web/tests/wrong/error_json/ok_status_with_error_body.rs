//! Wrong answer: the error goes out as a JSON body with the default status, 200 OK
//! Expect: an error sent with a 200 looks like a success

use axum::Json;
use axum::http::header;
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
                Json(body).into_response()
            }
            LookupError::Invalid(message) => {
                Json(json!({ "error": message })).into_response()
            }
            // A tuple may carry headers between the status and the body.
            LookupError::Unavailable => (
                [(header::RETRY_AFTER, "5")],
                Json(json!({ "error": "try again later" })),
            )
                .into_response(),
        }
    }
}
