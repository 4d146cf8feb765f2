//! Reference solution for 05-token-bucket.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::{Instant, sleep};

/// A token bucket: bursts up to `capacity`, refills at `per_second`.
#[derive(Debug)]
pub struct TokenBucket {
    capacity: f64,
    per_second: f64,
    // tokio's Mutex, held across the sleep: callers take turns, as the
    // Python version's `async with self.lock` makes them.
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    tokens: f64,
    updated: Instant,
}

impl State {
    /// Adds the tokens earned since the last update, up to `capacity`.
    fn refill(&mut self, capacity: f64, per_second: f64) {
        let now = Instant::now();
        let earned = (now - self.updated).as_secs_f64() * per_second;
        self.tokens = (self.tokens + earned).min(capacity);
        self.updated = now;
    }
}

impl TokenBucket {
    /// A full bucket of `capacity` tokens refilling at `per_second`.
    pub fn new(capacity: u32, per_second: u32) -> Self {
        Self {
            capacity: f64::from(capacity),
            per_second: f64::from(per_second),
            state: Mutex::new(State {
                tokens: f64::from(capacity),
                updated: Instant::now(),
            }),
        }
    }

    /// Waits for a token and takes it.
    pub async fn acquire(&self) {
        let mut state = self.state.lock().await;
        state.refill(self.capacity, self.per_second);
        if state.tokens < 1.0 {
            let missing = 1.0 - state.tokens;
            sleep(Duration::from_secs_f64(missing / self.per_second)).await;
            state.refill(self.capacity, self.per_second);
        }
        state.tokens -= 1.0;
    }
}
