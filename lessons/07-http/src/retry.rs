//! Retries with exponential backoff and jitter.
//!
//! Retry only what a second try can fix: a timeout, a refused or dropped
//! connection, a 5xx, a 429 (too many requests). A 4xx other than 429 means
//! the request itself is wrong and will be wrong again. Wait longer after
//! each failure (exponential backoff) so a struggling server gets room, and
//! randomise the wait (jitter) so a thousand clients that failed together
//! do not all come back at the same instant.
//!
//! (reqwest ≥ 0.12.23 has `ClientBuilder::retry`, a retry *budget* without
//! backoff; writing the loop yourself shows every decision.)

use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::Value;

// ANCHOR: retryable
/// Is this error worth another try?
pub fn is_retryable(err: &reqwest::Error) -> bool {
    if err.is_timeout() || err.is_connect() {
        return true;
    }
    match err.status() {
        Some(status) => {
            status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS
        }
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
/// tries it took, or the last error.
pub async fn get_json_with_retries(
    client: &Client,
    url: &str,
    attempts: u32,
    base: Duration,
) -> Result<(Value, u32), reqwest::Error> {
    let mut tried = 0;
    loop {
        tried += 1;
        let result = async {
            let response = client.get(url).send().await?;
            response.error_for_status()?.json::<Value>().await
        }
        .await;
        match result {
            Ok(json) => return Ok((json, tried)),
            Err(err) if tried < attempts && is_retryable(&err) => {
                let wait = backoff(tried - 1, base, base * 32);
                tokio::time::sleep(wait).await;
            }
            Err(err) => return Err(err),
        }
    }
}
// ANCHOR_END: retry
