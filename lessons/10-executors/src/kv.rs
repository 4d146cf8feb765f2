//! An async key-value client (simulated), for exercise 10-sync-facade.
//!
//! Each call waits `latency` on tokio's clock, like a round trip to a
//! server. The client counts the calls in flight and the most there ever
//! were, so tests can see whether calls ran concurrently.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

/// A shared, cheap-to-clone async key-value client.
#[derive(Debug, Clone)]
pub struct KvClient {
    data: Arc<Mutex<HashMap<String, String>>>,
    latency: Duration,
    in_flight: Arc<AtomicUsize>,
    peak: Arc<AtomicUsize>,
}

/// Counts one call in flight for as long as it lives.
struct InFlight<'a>(&'a KvClient);

impl<'a> InFlight<'a> {
    fn new(client: &'a KvClient) -> Self {
        let now = client.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        client.peak.fetch_max(now, Ordering::SeqCst);
        Self(client)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

impl KvClient {
    /// An empty store answering after `latency`.
    pub fn new(latency: Duration) -> Self {
        Self {
            data: Arc::default(),
            latency,
            in_flight: Arc::default(),
            peak: Arc::default(),
        }
    }

    /// The value of `key`, if set.
    pub async fn get(&self, key: &str) -> Option<String> {
        let _counted = InFlight::new(self);
        sleep(self.latency).await;
        self.data.lock().unwrap().get(key).cloned()
    }

    /// Sets `key` to `value`.
    pub async fn set(&self, key: &str, value: &str) {
        let _counted = InFlight::new(self);
        sleep(self.latency).await;
        self.data
            .lock()
            .unwrap()
            .insert(key.to_owned(), value.to_owned());
    }

    /// How many calls are in flight now.
    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }

    /// The most calls that were ever in flight at once.
    pub fn peak_in_flight(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}
