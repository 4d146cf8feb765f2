//! Exercise 03-gather (warm-up).
//!
//! Python's `await asyncio.gather(*(fetch(name, delay) for name, delay in
//! jobs))`: fetch every job with `kit::sim::fetch`, all at the same time,
//! and return the results in the order of `jobs` — not the order they
//! finish. The tests run on tokio's paused clock: the whole must take
//! exactly as long as the slowest job.
//!
//! Check it: `cargo run -p course -- check 03-gather`

use std::time::Duration;

use kit::sim::fetch;

/// Fetches every `(name, delay)` concurrently; results in input order.
pub async fn gather(jobs: &[(&str, Duration)]) -> Vec<String> {
    todo!()
}
