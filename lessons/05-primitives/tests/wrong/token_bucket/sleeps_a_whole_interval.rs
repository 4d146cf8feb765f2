//! Wrong answer: an empty bucket sleeps a whole interval from now, not until the part token earned so far is whole
//! Expect: a whole interval from now

use std::future::Future;
use std::time::Duration;

use tokio::sync::{Mutex, Semaphore};
use tokio::time::{Instant, sleep};

/// A cap on calls in flight and a token bucket on their starts.
#[derive(Debug)]
pub struct Limiter {
    in_flight: Semaphore,
    burst: f64,
    per_second: f64,
    // tokio's Mutex, held across the sleep: callers take turns for tokens,
    // first come first served.
    bucket: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    /// Adds the tokens earned since the last update, up to `burst`.
    fn refill(&mut self, burst: f64, per_second: f64) {
        let now = Instant::now();
        let earned = (now - self.updated).as_secs_f64() * per_second;
        self.tokens = (self.tokens + earned).min(burst);
        self.updated = now;
    }
}

impl Limiter {
    /// At most `in_flight` calls at once; starts: bursts up to `burst`,
    /// refilling at `per_second`.
    pub fn new(in_flight: usize, burst: u32, per_second: u32) -> Self {
        Self {
            in_flight: Semaphore::new(in_flight),
            burst: f64::from(burst),
            per_second: f64::from(per_second),
            bucket: Mutex::new(Bucket {
                tokens: f64::from(burst),
                updated: Instant::now(),
            }),
        }
    }

    /// Waits until `call` may start under both limits, then runs it.
    pub async fn run<F: Future>(&self, call: F) -> F::Output {
        // The permit first, the token right before the start. A token taken
        // while still waiting for a permit would be spent on a call that has
        // not started, and calls that get permits together would start
        // together, faster than the rate.
        let _permit = self.in_flight.acquire().await.expect("never closed");
        self.take_token().await;
        call.await
    } // the permit goes back here, also if the caller gives up

    /// Waits for a token and takes it. Cancel-safe: the token is taken only
    /// after the wait, so a caller dropped while sleeping takes nothing.
    async fn take_token(&self) {
        let mut bucket = self.bucket.lock().await;
        bucket.refill(self.burst, self.per_second);
        if bucket.tokens < 1.0 {
            // Empty: one token comes every interval.
            sleep(Duration::from_secs_f64(1.0 / self.per_second)).await;
            bucket.refill(self.burst, self.per_second);
        }
        bucket.tokens -= 1.0;
    }
}
