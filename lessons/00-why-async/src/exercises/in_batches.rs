//! Exercise 00-in-batches (core): concurrency, a few at a time.
//!
//! Firing every request at once is not always allowed: an API may accept
//! only a few at a time. Fetch the jobs in batches of `batch_size`: start
//! the first `batch_size` jobs together, wait until *all* of them are done,
//! then start the next batch, and so on. Return the results in job order.
//!
//! Predict the time before you write it: a batch takes as long as its
//! slowest job, and batches run one after another. Jobs of 300, 200, 400,
//! 100 and 100 ms in batches of 2 take 300 + 400 + 100 = 800 ms; in batches
//! of 1 they take the sum, and in one big batch the longest delay. The tests
//! check those numbers exactly. `batch_size` is at least 1.
//!
//! Check it: `cargo run -p course -- check 00-in-batches`

use kit::sim::fetch;

use crate::workload::Job;

/// Fetches the jobs `batch_size` at a time; results in job order.
pub async fn fetch_in_batches(jobs: &[Job], batch_size: usize) -> Vec<String> {
    todo!()
}
