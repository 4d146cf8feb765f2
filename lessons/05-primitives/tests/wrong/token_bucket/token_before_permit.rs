//! Wrong answer: takes the token first, then waits for a permit, so calls waiting for a permit have already spent their tokens
//! Expect: take their token while they still waited for a permit

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
    bucket: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
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
        self.take_token().await;
        let _permit = self.in_flight.acquire().await.unwrap();
        call.await
    }

    async fn take_token(&self) {
        let mut bucket = self.bucket.lock().await;
        bucket.refill(self.burst, self.per_second);
        if bucket.tokens < 1.0 {
            let missing = 1.0 - bucket.tokens;
            sleep(Duration::from_secs_f64(missing / self.per_second)).await;
            bucket.refill(self.burst, self.per_second);
        }
        bucket.tokens -= 1.0;
    }
}
