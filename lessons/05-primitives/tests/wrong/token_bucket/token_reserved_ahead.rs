//! Wrong answer: reserves a token up front (the count may go negative) and sleeps off the debt without the lock, so a caller that gives up has still spent it
//! Expect: caller that gave up at 500ms must not have spent it

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::{Instant, sleep};

/// A cap on calls in flight and a token bucket on their starts.
#[derive(Debug)]
pub struct Limiter {
    in_flight: Semaphore,
    burst: f64,
    per_second: f64,
    // (tokens, when last refilled): a std Mutex, never held across a sleep.
    bucket: Mutex<(f64, Instant)>,
}

impl Limiter {
    /// At most `in_flight` calls at once; starts: bursts up to `burst`,
    /// refilling at `per_second`.
    pub fn new(in_flight: usize, burst: u32, per_second: u32) -> Self {
        Self {
            in_flight: Semaphore::new(in_flight),
            burst: f64::from(burst),
            per_second: f64::from(per_second),
            bucket: Mutex::new((f64::from(burst), Instant::now())),
        }
    }

    /// Waits until `call` may start under both limits, then runs it.
    pub async fn run<F: Future>(&self, call: F) -> F::Output {
        let _permit = self.in_flight.acquire().await.unwrap();
        let wait = {
            let mut bucket = self.bucket.lock().unwrap();
            let (tokens, updated) = &mut *bucket;
            let now = Instant::now();
            let earned = (now - *updated).as_secs_f64() * self.per_second;
            *tokens = (*tokens + earned).min(self.burst);
            *updated = now;
            *tokens -= 1.0; // reserved: below zero is a debt to wait off
            (-*tokens).max(0.0) / self.per_second
        };
        sleep(Duration::from_secs_f64(wait)).await;
        call.await
    }
}
