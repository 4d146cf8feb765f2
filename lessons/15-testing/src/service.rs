//! A small axum service to test: `GET /users/{id}` through a [`UserClient`].
//!
//! The handler is generic over the client, so a test can build the same
//! router around a `MockUserClient` (no user API needed) and send it a
//! request with `tower::ServiceExt::oneshot` (no network needed either),
//! or start it on a real port and call it with reqwest
//! ([`crate::fixtures::TestApp`]).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::users::{ApiError, User, UserClient};

/// The JSON body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
}

/// An error answer: a status and a JSON body saying what went wrong.
type Failure = (StatusCode, Json<ErrorBody>);

// ANCHOR: app
/// The service's routes around `client`.
pub fn app<C>(client: C) -> Router
where
    C: UserClient + Send + Sync + 'static,
{
    Router::new()
        .route("/users/{id}", get(get_user::<C>))
        .with_state(Arc::new(client))
}

async fn get_user<C>(
    State(client): State<Arc<C>>,
    Path(id): Path<u32>,
) -> Result<Json<User>, Failure>
where
    C: UserClient + Send + Sync + 'static,
{
    client.get_user(id).await.map(Json).map_err(|error| {
        let status = match error {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        };
        let error = error.to_string();
        (status, Json(ErrorBody { error }))
    })
}
// ANCHOR_END: app
