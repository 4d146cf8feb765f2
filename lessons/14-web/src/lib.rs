//! Lesson 14 — a web service with axum, FastAPI's counterpart.
//!
//! - [`db`]: an `sqlx` pool (SQLite by default, PostgreSQL by URL) opened
//!   at start and closed at shutdown;
//! - [`mail`]: the welcome mail, sent as tracked background work;
//! - [`error`]: errors as JSON with the right status;
//! - [`paging`]: the query string of `GET /users?page=2&per_page=10`;
//! - [`routes`]: `GET /users/{id}`, `GET /users`, `POST /signup`;
//! - [`app`] and [`serve`]: the router with request tracing, and a
//!   graceful shutdown that finishes requests and mail in flight.
//!
//! `cargo run -p lesson-14-web` runs it; `-- --tour` walks through it.

use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower_http::trace::TraceLayer;

pub mod db;
pub mod error;
pub mod mail;
pub mod paging;
pub mod routes;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod error_json;
    pub mod pagination;
    pub mod todos;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod error_json;
    pub mod pagination;
    pub mod todos;
}

use db::Db;
use mail::Mailer;

// ANCHOR: state
/// What every handler can reach. Cloned per request, so its parts are
/// cheap handles: the pool and the mailer are `Arc`s inside.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub mailer: Mailer,
}
// ANCHOR_END: state

// ANCHOR: app
/// The routes, the tracing layer and the state, as one `Router`.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/users", get(routes::list_users))
        .route("/users/{id}", get(routes::get_user))
        .route("/signup", post(routes::signup))
        .route("/health", get(routes::health))
        .fallback(routes::no_route)
        // One span per request: method, path, status, latency.
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
// ANCHOR_END: app

/// How a run of the service ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Every request and every mail finished.
    Clean,
    /// The drain deadline passed with work still open; it was dropped.
    DeadlinePassed,
}

// ANCHOR: serve
/// Serves until `shutdown` completes; then stops accepting, finishes the
/// requests in flight, waits for background mail, and closes the pool.
/// Each wait is bounded by `deadline`.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
    deadline: Duration,
) -> std::io::Result<Stopped> {
    let stopping = CancellationToken::new();
    let signal = stopping.clone();
    let server = axum::serve(listener, app(state.clone()))
        .with_graceful_shutdown(async move {
            shutdown.await;
            tracing::info!("shutting down: no new connections");
            signal.cancel();
        });
    let mut outcome = Stopped::Clean;
    tokio::select! {
        served = server => served?,
        () = async {
            stopping.cancelled().await;
            tokio::time::sleep(deadline).await;
        } => outcome = Stopped::DeadlinePassed,
    }
    // No request is left that could start a mail: wait for those sent.
    let mail = tokio::time::timeout(deadline, state.mailer.finish()).await;
    if mail.is_err() {
        outcome = Stopped::DeadlinePassed;
    }
    // Closing waits for every connection to come back; a request cut off
    // by the deadline may still hold one, so this wait is bounded too.
    if tokio::time::timeout(deadline, state.db.close())
        .await
        .is_err()
    {
        outcome = Stopped::DeadlinePassed;
    }
    tracing::info!(?outcome, "stopped");
    Ok(outcome)
}
// ANCHOR_END: serve
