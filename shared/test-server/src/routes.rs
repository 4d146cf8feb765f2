//! The axum `Router`: every route the test server answers, one handler each.
//!
//! Numbers in paths are taken as strings and parsed here, not by axum's
//! `Path<u64>`, so that a bad number gets our JSON 400 instead of axum's
//! plain-text rejection.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::state::AppState;
use crate::{MAX_BYTES, MAX_DELAY_MS};

/// `/flaky` fails this many calls per key unless `fail=` says otherwise.
const DEFAULT_FLAKY_FAILURES: u64 = 2;

/// Builds the router with all routes, JSON 404/405 fallbacks and the
/// middleware that counts requests and applies `?delay_ms=`.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/delay/{ms}", get(delay))
        .route("/status/{code}", get(status))
        .route("/json", get(document))
        .route("/post", post(echo))
        .route("/users/{name}", get(user))
        .route("/flaky", get(flaky))
        .route("/bytes/{n}", get(bytes))
        .route("/stats", get(stats))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Added last so it wraps the fallbacks too: every request counts.
        .layer(middleware::from_fn_with_state(Arc::clone(&state), track))
        .with_state(state)
}

/// Counts every request from arrival to answer, and applies `?delay_ms=N`
/// (any route, any status) before the handler runs.
///
/// hyper drops this future when the client gives up on the request (HTTP/1.1:
/// the connection closes; HTTP/2: the stream is reset), so a request that
/// never reaches the end of this function was abandoned, and [`Tracked`]'s
/// `Drop` says so.
async fn track(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
    req: Request,
    next: Next,
) -> Response {
    let mut tracked = Tracked::arrive(Arc::clone(&state));
    let response = match params.get("delay_ms").map(|raw| parse_delay(raw)) {
        Some(Err(err)) => err.into_response(),
        Some(Ok(delay)) => {
            tokio::time::sleep(delay).await;
            next.run(req).await
        }
        None => next.run(req).await,
    };
    tracked.finish();
    response
}

/// One request being worked on; counted out of `in_flight` when dropped,
/// and counted as abandoned if it never finished.
struct Tracked {
    state: Arc<AppState>,
    finished: bool,
}

impl Tracked {
    fn arrive(state: Arc<AppState>) -> Self {
        state.requests.fetch_add(1, Ordering::SeqCst);
        let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        state.max_in_flight.fetch_max(now, Ordering::SeqCst);
        Self {
            state,
            finished: false,
        }
    }

    fn finish(&mut self) {
        self.finished = true;
        self.state.finished.fetch_add(1, Ordering::SeqCst);
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if !self.finished {
            self.state.abandoned.fetch_add(1, Ordering::SeqCst);
        }
        self.state.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A delay in milliseconds, at most [`MAX_DELAY_MS`].
fn parse_delay(raw: &str) -> Result<Duration, ApiError> {
    let ms: u64 = parse_number(raw, "delay in milliseconds")?;
    if ms > MAX_DELAY_MS {
        return Err(ApiError::bad_request(format!(
            "delay of {ms} ms is over the limit of {MAX_DELAY_MS} ms"
        )));
    }
    Ok(Duration::from_millis(ms))
}

/// Parses a number from a path segment, or explains in a 400 what was wrong.
fn parse_number<T: FromStr>(raw: &str, what: &str) -> Result<T, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::bad_request(format!("{what} must be a whole number, got {raw:?}")))
}

/// `GET /delay/{ms}`: an answer that takes `ms` milliseconds. The sleep is
/// tokio's, so thousands of concurrent delays cost no threads.
async fn delay(Path(raw): Path<String>) -> Result<Json<Value>, ApiError> {
    let delay = parse_delay(&raw)?;
    tokio::time::sleep(delay).await;
    Ok(Json(json!({ "delay_ms": delay.as_millis() as u64 })))
}

/// `GET /status/{code}`: answers with any final status code, 200..=999.
///
/// 1xx codes are refused: they are interim answers and can't end a request.
async fn status(Path(raw): Path<String>) -> Result<Response, ApiError> {
    let code: u16 = parse_number(&raw, "status code")?;
    if !(200..=999).contains(&code) {
        return Err(ApiError::bad_request(format!(
            "status code must be between 200 and 999, got {code}"
        )));
    }
    let status = StatusCode::from_u16(code)
        .map_err(|_| ApiError::bad_request(format!("invalid status code {code}")))?;
    // 204 and 304 must not carry a body; HTTP/2 would reject one.
    if status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED {
        return Ok(status.into_response());
    }
    Ok((status, Json(json!({ "status": code }))).into_response())
}

/// `GET /stats`: what the server holds now. A benchmark waits for
/// `open_connections` to fall before its next run, so that one run's
/// closing connections do not take the cores from the next.
async fn stats(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(json!({
        "open_connections": state.open_connections.load(Ordering::Relaxed),
        "in_flight": state.in_flight.load(Ordering::Relaxed),
    }))
}

/// `GET /json`: a fixed document, for lessons that deserialise a response.
async fn document() -> Json<Value> {
    Json(json!({
        "course": {
            "title": "Async I/O in Rust",
            "runtime": "tokio",
            "lessons": [
                { "id": 1, "title": "Coroutines and futures", "minutes": 30 },
                { "id": 2, "title": "Wakers and the executor", "minutes": 45 },
                { "id": 3, "title": "Concurrent HTTP requests", "minutes": 40 },
                { "id": 4, "title": "Timeouts, retries and cancellation", "minutes": 50 }
            ],
            "published": true
        }
    }))
}

/// `POST /post`: echoes a JSON body back as `{"json": body}`.
///
/// The body is parsed whatever the content type says, so a lesson can't trip
/// over a forgotten header; only invalid JSON is an error.
async fn echo(body: Bytes) -> Result<Json<Value>, ApiError> {
    let value: Value = serde_json::from_slice(&body)
        .map_err(|err| ApiError::bad_request(format!("body is not valid JSON: {err}")))?;
    Ok(Json(json!({ "json": value })))
}

/// `GET /users/{name}`: a made-up user whose `id` is the same for the same
/// name in every run, so tests can assert on it.
async fn user(Path(name): Path<String>) -> Json<Value> {
    let id = user_id(&name);
    Json(json!({ "name": name, "id": id, "greeting": format!("hello, {name}") }))
}

/// 32-bit FNV-1a of the name: tiny, stable across Rust versions (unlike
/// `DefaultHasher`) and fits in any client's JSON number.
fn user_id(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// `GET /flaky?key=K&fail=N`: 503 for the first `N` calls with key `K`, 200
/// from then on, for lessons about retrying. Each key counts separately, so
/// concurrent tests pick their own key.
async fn flaky(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let key = params
        .get("key")
        .cloned()
        .unwrap_or_else(|| "default".to_owned());
    let fail = match params.get("fail") {
        Some(raw) => parse_number(raw, "fail")?,
        None => DEFAULT_FLAKY_FAILURES,
    };
    let attempt = {
        // Poisoning needs a panic while holding the lock, and nothing in this
        // block can panic; recover anyway rather than fail every later call.
        let mut calls = state
            .flaky_calls
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = calls.entry(key.clone()).or_insert(0);
        *count += 1;
        *count
    };
    if attempt <= fail {
        let body = json!({
            "key": key,
            "attempt": attempt,
            "error": format!("flaky: attempt {attempt} of the {fail} that fail"),
            "status": 503,
        });
        return Ok((StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response());
    }
    Ok(Json(json!({ "key": key, "attempt": attempt })).into_response())
}

/// `GET /bytes/{n}`: `n` bytes where byte `i` is `i % 256`, so a client can
/// check every byte it received.
async fn bytes(Path(raw): Path<String>) -> Result<Response, ApiError> {
    let n: usize = parse_number(&raw, "byte count")?;
    if n > MAX_BYTES {
        return Err(ApiError::bad_request(format!(
            "{n} bytes is over the limit of {MAX_BYTES} bytes"
        )));
    }
    // Truncating to u8 is the point: the pattern repeats every 256 bytes.
    let body: Vec<u8> = (0..n).map(|i| i as u8).collect();
    Ok(([(header::CONTENT_TYPE, "application/octet-stream")], body).into_response())
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no route for {}", uri.path()),
    )
}

async fn method_not_allowed(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method not allowed on {}", uri.path()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_are_fnv1a() {
        // Published FNV-1a test vectors: the id must never change.
        assert_eq!(user_id(""), 0x811c_9dc5);
        assert_eq!(user_id("a"), 0xe40c_292c);
        assert_eq!(user_id("foobar"), 0xbf9c_f968);
    }
}
