//! A rate limiter, written here: at most one call per `interval`.
//!
//! This is the interval limiter the Python tutorials write with a lock and
//! `loop.time()`: remember when the last call went out; a new call waits
//! until one interval after it. The lock matters: it makes callers take
//! turns, so two of them cannot both see "long enough ago" and go at once.
//! Holding it across the sleep is the point here, which is why it is
//! tokio's `Mutex`.

use std::time::Duration;

use futures::future::join_all;
use kit::Timeline;
use tokio::sync::Mutex;
use tokio::time::{Instant, sleep_until};

// ANCHOR: limiter
/// Lets calls through no closer together than `1 / per_second`.
#[derive(Debug)]
pub struct RateLimiter {
    interval: Duration,
    last_call: Mutex<Option<Instant>>,
}

impl RateLimiter {
    /// A limiter for `per_second` calls a second.
    pub fn new(per_second: u32) -> Self {
        Self {
            interval: Duration::from_secs(1) / per_second,
            last_call: Mutex::new(None),
        }
    }

    /// Waits until this call may go ahead.
    pub async fn acquire(&self) {
        let mut last_call = self.last_call.lock().await;
        if let Some(last) = *last_call {
            // In the past already? Then it returns at once.
            sleep_until(last + self.interval).await;
        }
        *last_call = Some(Instant::now());
    }
}
// ANCHOR_END: limiter

// ANCHOR: limited_calls
/// Makes `calls` calls at once through a limiter; returns when each went.
pub async fn limited_calls(
    timeline: &Timeline,
    calls: usize,
    per_second: u32,
) -> Vec<Duration> {
    let limiter = RateLimiter::new(per_second);
    let call = |i: usize| {
        let mark = timeline.start(format!("call {i:>2}"));
        let limiter = &limiter;
        async move {
            mark.wait(limiter.acquire()).await;
            let at = timeline.now();
            mark.end();
            at
        }
    };
    join_all((1..=calls).map(call)).await
}
// ANCHOR_END: limited_calls
