//! Wrong answer: the refill adds every token earned while idle, never capped at the burst
//! Expect: is the refill capped at the burst

use std::future::Future;
use std::time::Duration;

use tokio::sync::{Mutex, Semaphore};
use tokio::time::{Instant, sleep};

/// A cap on calls in flight and a token bucket on their starts.
#[derive(Debug)]
pub struct Limiter {
    in_flight: Semaphore,
    per_second: f64,
    bucket: Mutex<(f64, Instant)>,
}

impl Limiter {
    /// At most `in_flight` calls at once; starts: bursts up to `burst`,
    /// refilling at `per_second`.
    pub fn new(in_flight: usize, burst: u32, per_second: u32) -> Self {
        Self {
            in_flight: Semaphore::new(in_flight),
            per_second: f64::from(per_second),
            bucket: Mutex::new((f64::from(burst), Instant::now())),
        }
    }

    /// Waits until `call` may start under both limits, then runs it.
    pub async fn run<F: Future>(&self, call: F) -> F::Output {
        let _permit = self.in_flight.acquire().await.unwrap();
        {
            let mut bucket = self.bucket.lock().await;
            let (tokens, updated) = &mut *bucket;
            let now = Instant::now();
            *tokens += (now - *updated).as_secs_f64() * self.per_second;
            *updated = now;
            if *tokens < 1.0 {
                let missing = 1.0 - *tokens;
                sleep(Duration::from_secs_f64(missing / self.per_second)).await;
                let now = Instant::now();
                *tokens += (now - *updated).as_secs_f64() * self.per_second;
                *updated = now;
            }
            *tokens -= 1.0;
        }
        call.await
    }
}
