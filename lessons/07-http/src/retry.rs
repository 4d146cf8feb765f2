//! Retries with exponential backoff and jitter.
//!
//! Retry only what a second try can fix: a timeout, a refused or dropped
//! connection, a 5xx, a 429 (too many requests). A 4xx other than 429 means
//! the request itself is wrong and will be wrong again. Wait longer after
//! each failure (exponential backoff) so a struggling server gets room, and
//! randomise the wait (jitter, from the `fastrand` crate) so a thousand
//! clients that failed together do not all come back at the same instant.
//!
//! A 503 is an answer, not an `Err`: `send()` succeeds, and the loop must
//! look at the status itself. Before it retries, it reads the small error
//! body to its end, so that the connection goes back to the pool instead
//! of being closed (see [`crate::body_drop`]).
//!
//! (reqwest ≥ 0.12.23 has `ClientBuilder::retry`, a retry *budget* without
//! backoff; writing the loop yourself shows every decision.)

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::Value;

// ANCHOR: retryable
/// Is this status worth another try? 5xx, and 429 (too many requests).
pub fn is_retryable_status(status: StatusCode) -> bool {
    status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS
}

/// Is this error worth another try?
pub fn is_retryable(err: &reqwest::Error) -> bool {
    if err.is_timeout() || err.is_connect() {
        return true;
    }
    match err.status() {
        Some(status) => is_retryable_status(status),
        // The connection broke mid-answer, or similar: try again.
        None => err.is_request() || err.is_body(),
    }
}
// ANCHOR_END: retryable

// ANCHOR: backoff
/// The wait before retry number `retry` (0 for the first retry): `base`
/// doubled each time, at most `max`, then a random part taken off ("equal
/// jitter": between half and all of it).
pub fn backoff(retry: u32, base: Duration, max: Duration) -> Duration {
    let exponential = base.saturating_mul(2_u32.saturating_pow(retry));
    let capped = exponential.min(max);
    capped.mul_f64(0.5 + fastrand::f64() / 2.0)
}
// ANCHOR_END: backoff

// ANCHOR: retry
/// GETs `url` as JSON, retrying retryable failures up to `attempts` tries
/// in all, with [`backoff`] between them. Returns the JSON and how many
/// tries it took, or the last error (a status error for a last 503).
pub async fn get_json_with_retries(
    client: &Client,
    url: &str,
    attempts: u32,
    base: Duration,
) -> Result<(Value, u32), reqwest::Error> {
    let mut tried = 0;
    loop {
        tried += 1;
        let tries_left = tried < attempts;
        match client.get(url).send().await {
            // A 503 or a 429 arrives as Ok: retry it by its status.
            Ok(response)
                if tries_left && is_retryable_status(response.status()) =>
            {
                // Read the small error body to its end, so the connection
                // goes back to the pool for the next try (if this read
                // fails, the retry below is what we want anyway).
                let _ = response.bytes().await;
            }
            Ok(response) => {
                let json = response.error_for_status()?.json().await?;
                return Ok((json, tried));
            }
            Err(err) if tries_left && is_retryable(&err) => {}
            Err(err) => return Err(err),
        }
        tokio::time::sleep(backoff(tried - 1, base, base * 32)).await;
    }
}
// ANCHOR_END: retry
