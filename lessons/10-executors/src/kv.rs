//! An async key-value client (simulated), for exercise 10-sync-facade.
//!
//! Each call waits `latency` on tokio's clock, like a round trip to a
//! server. The client counts the calls in flight and the most there ever
//! were, so tests can see whether calls ran concurrently.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::InFlight;
use tokio::time::sleep;

/// A shared, cheap-to-clone async key-value client.
#[derive(Debug, Clone)]
pub struct KvClient {
    data: Arc<Mutex<HashMap<String, String>>>,
    latency: Duration,
    /// Calls running now, and the most at once (lesson 05's gauge).
    in_flight: InFlight,
}

impl KvClient {
    /// An empty store answering after `latency`.
    pub fn new(latency: Duration) -> Self {
        Self {
            data: Arc::default(),
            latency,
            in_flight: InFlight::new(),
        }
    }

    /// The value of `key`, if set.
    pub async fn get(&self, key: &str) -> Option<String> {
        let _counted = self.in_flight.enter();
        sleep(self.latency).await;
        self.data.lock().unwrap().get(key).cloned()
    }

    /// Sets `key` to `value`.
    pub async fn set(&self, key: &str, value: &str) {
        let _counted = self.in_flight.enter();
        sleep(self.latency).await;
        self.data
            .lock()
            .unwrap()
            .insert(key.to_owned(), value.to_owned());
    }

    /// How many calls are in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.now()
    }

    /// The most calls that were ever in flight at once.
    pub fn peak_in_flight(&self) -> usize {
        self.in_flight.max()
    }
}
