//! Wrong answer: the token bucket alone, with no cap on the calls in flight
//! Expect: the most calls in flight at once was 10, the cap was 3

use std::future::Future;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::{Instant, sleep};

/// A cap on calls in flight and a token bucket on their starts.
#[derive(Debug)]
pub struct Limiter {
    burst: f64,
    per_second: f64,
    bucket: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Limiter {
    /// At most `in_flight` calls at once; starts: bursts up to `burst`,
    /// refilling at `per_second`.
    pub fn new(in_flight: usize, burst: u32, per_second: u32) -> Self {
        let _ = in_flight;
        Self {
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
        {
            let mut bucket = self.bucket.lock().await;
            let now = Instant::now();
            let earned = (now - bucket.updated).as_secs_f64() * self.per_second;
            bucket.tokens = (bucket.tokens + earned).min(self.burst);
            bucket.updated = now;
            if bucket.tokens < 1.0 {
                let wait = (1.0 - bucket.tokens) / self.per_second;
                sleep(Duration::from_secs_f64(wait)).await;
                bucket.tokens = 1.0;
                bucket.updated = Instant::now();
            }
            bucket.tokens -= 1.0;
        }
        call.await
    }
}
