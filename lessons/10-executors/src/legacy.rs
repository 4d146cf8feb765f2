//! A blocking "library": what a sync database driver or SDK looks like from
//! async code. Every call holds its thread until the answer is there.

use std::time::Duration;

/// A slow, synchronous lookup service (think: a driver with no async API).
#[derive(Debug, Clone)]
pub struct LegacyDb {
    latency: Duration,
}

impl LegacyDb {
    /// A service whose every lookup blocks for `latency`.
    pub fn new(latency: Duration) -> Self {
        Self { latency }
    }

    /// Looks `key` up. Blocks the calling thread for the whole latency.
    pub fn lookup(&self, key: &str) -> String {
        std::thread::sleep(self.latency);
        format!("{key}: found")
    }
}

/// A blocking call of `duration`: `time.sleep` in Python.
pub fn blocking_call(duration: Duration) -> &'static str {
    std::thread::sleep(duration);
    "blocking call done"
}
