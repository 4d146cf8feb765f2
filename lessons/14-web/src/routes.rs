//! The handlers: FastAPI's path operations.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderName, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::db::{InsertError, User};
use crate::error::ApiError;
use crate::paging::Paging;

// ANCHOR: get_user
/// `GET /users/{id}`: 200 and the user, 404 if there is none, 400 if the
/// id is not a number.
pub async fn get_user(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    // Taking the rejection ourselves turns axum's plain-text 400 into ours.
    let Path(id) = id.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    match state.db.user(id).await? {
        Some(user) => Ok(Json(user)),
        None => Err(ApiError::NotFound(format!("no user with id {id}"))),
    }
}
// ANCHOR_END: get_user

// ANCHOR: list_users
/// `GET /users?page=2&per_page=10`: one page of users, by id.
pub async fn list_users(
    State(state): State<AppState>,
    paging: Result<Query<Paging>, QueryRejection>,
) -> Result<Json<Vec<User>>, ApiError> {
    // As with the path: axum's plain-text 400 becomes our JSON one.
    let Query(paging) =
        paging.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    Ok(Json(state.db.users(&paging).await?))
}
// ANCHOR_END: list_users

// ANCHOR: signup
/// The body of `POST /signup`.
#[derive(Debug, Deserialize)]
pub struct Signup {
    pub name: String,
    pub email: String,
}

impl Signup {
    /// FastAPI does this with pydantic; here it is plain code.
    fn validate(&self) -> Result<(), ApiError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 50 {
            return Err(ApiError::BadRequest(
                "name must be 1 to 50 characters".into(),
            ));
        }
        let valid_email = match self.email.split_once('@') {
            Some((user, host)) => !user.is_empty() && host.contains('.'),
            None => false,
        };
        if !valid_email {
            let m = format!("`{}` is not an email address", self.email);
            return Err(ApiError::BadRequest(m));
        }
        Ok(())
    }
}

/// `POST /signup`: stores the user, answers 201 at once, and sends the
/// welcome mail in the background.
pub async fn signup(
    State(state): State<AppState>,
    body: Result<Json<Signup>, JsonRejection>,
) -> Result<(StatusCode, [(HeaderName, String); 1], Json<User>), ApiError> {
    let Json(form) = body.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    form.validate()?;
    let user = match state.db.insert(form.name.trim(), &form.email).await {
        Ok(user) => user,
        Err(InsertError::EmailTaken) => {
            let m = format!("{} is already signed up", form.email);
            return Err(ApiError::Conflict(m));
        }
        Err(InsertError::Other(e)) => return Err(e.into()),
    };
    state.mailer.send_welcome(&user.email); // not awaited: runs on
    // A status, headers, a body: a tuple is a response, read in order.
    let location = format!("/users/{}", user.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(user),
    ))
}
// ANCHOR_END: signup

/// `GET /health`: the service is up; what it is doing.
pub async fn health(State(state): State<AppState>) -> Json<Value> {
    Json(json!({
        "status": "ok",
        "queries_in_flight": state.db.queries_in_flight(),
        "mail_sending": state.mailer.sending(),
    }))
}

/// Any other path: a JSON 404 like the rest.
pub async fn no_route() -> ApiError {
    ApiError::NotFound("no such route".into())
}
