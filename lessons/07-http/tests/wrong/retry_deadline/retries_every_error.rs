//! Wrong answer: every error status is retried, a 404 as well as a 503
//! Expect: a 404 was sent
use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::Value;
use tokio::time::{Instant, sleep, timeout_at};

/// How to retry.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// The wait after the first failure, doubled after each one...
    pub base: Duration,
    /// ...up to this much (before jitter).
    pub max_wait: Duration,
    /// The time allowed for everything, counted from the call.
    pub deadline: Duration,
}

/// Why [`get_with_retry`] gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GaveUp {
    /// Requests sent, the first one included.
    pub attempts: u32,
    /// The last answer's status, or `None` if the last try got no answer
    /// (no connection, or the deadline cut it short).
    pub status: Option<u16>,
}

const RETRYABLE: [StatusCode; 5] = [
    StatusCode::TOO_MANY_REQUESTS,
    StatusCode::INTERNAL_SERVER_ERROR,
    StatusCode::BAD_GATEWAY,
    StatusCode::SERVICE_UNAVAILABLE,
    StatusCode::GATEWAY_TIMEOUT,
];

enum Try {
    Done(Value),
    Retry(Option<u16>),
    Stop(Option<u16>),
}

async fn try_once(client: &Client, url: &str) -> Try {
    let response = match client.get(url).send().await {
        Ok(response) => response,
        Err(_) => return Try::Retry(None),
    };
    let status = response.status();
    if status.is_success() {
        return match response.json::<Value>().await {
            Ok(json) => Try::Done(json),
            Err(_) => Try::Retry(Some(status.as_u16())),
        };
    }
    if RETRYABLE.contains(&status) {
        Try::Retry(Some(status.as_u16()))
    } else {
        Try::Stop(Some(status.as_u16()))
    }
}

fn backoff(policy: Policy, attempts: u32) -> Duration {
    let exponent = attempts.saturating_sub(1).min(31);
    policy
        .base
        .saturating_mul(1 << exponent)
        .min(policy.max_wait)
        .mul_f64(0.5 + fastrand::f64() / 2.0)
}

/// GETs `url` as JSON, retrying as the Python above does. Returns the JSON
/// and the number of requests sent.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: Policy,
) -> Result<(Value, u32), GaveUp> {
    let give_up_at = Instant::now() + policy.deadline;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let status = match timeout_at(give_up_at, try_once(client, url)).await {
            Err(_) => {
                return Err(GaveUp {
                    attempts,
                    status: None,
                });
            }
            Ok(Try::Done(json)) => return Ok((json, attempts)),
            Ok(Try::Retry(status) | Try::Stop(status)) => status,
        };
        let wait = backoff(policy, attempts);
        if Instant::now() + wait >= give_up_at {
            return Err(GaveUp { attempts, status });
        }
        sleep(wait).await;
    }
}
