//! Exercise 00-concurrent-fetches (warm-up): make a sequential loop concurrent.
//!
//! This loop fetches the jobs one after another, so it takes the *sum* of
//! their delays (900 ms for 300, 200 and 400 ms):
//!
//! ```text
//! let mut results = Vec::new();
//! for job in jobs {
//!     results.push(fetch(job.name, job.delay).await);
//! }
//! results
//! ```
//!
//! Write `fetch_all` so that all the fetches wait at the same time: the call
//! must take the *longest* delay (400 ms), and the results must still come
//! back in job order. The tests prove the time on tokio's paused clock.
//!
//! Check it: `cargo run -p course -- check 00-concurrent-fetches`

use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job concurrently and returns the results in job order.
pub async fn fetch_all(jobs: &[Job]) -> Vec<String> {
    todo!()
}
