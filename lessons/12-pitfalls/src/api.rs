//! A rate-limited API (simulated), for exercise 12-cap-concurrency.
//!
//! Like many real services, it refuses a request at once when too many of
//! the caller's requests are already in flight (HTTP 429).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::sleep;

/// The API refused the request: too many in flight (HTTP 429).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooManyRequests;

/// An API that allows `max` requests in flight and answers after `delay`.
#[derive(Debug)]
pub struct Api {
    max: usize,
    delay: Duration,
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Api {
    /// A new API allowing `max` requests in flight.
    pub fn new(max: usize, delay: Duration) -> Self {
        Self {
            max,
            delay,
            now: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// `GET url`: `"<url>: 200"` after the delay, or `TooManyRequests` at
    /// once if `max` requests are already in flight.
    pub async fn get(&self, url: &str) -> Result<String, TooManyRequests> {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        if now > self.max {
            self.now.fetch_sub(1, Ordering::SeqCst);
            return Err(TooManyRequests);
        }
        sleep(self.delay).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
        Ok(format!("{url}: 200"))
    }

    /// The most requests that were ever in flight at once (refused ones
    /// included).
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}
