//! Reference solution for 03-gather.

use std::time::Duration;

use futures::future::join_all;
use kit::sim::fetch;

/// Fetches every `(name, delay)` concurrently; results in input order.
pub async fn gather(jobs: &[(&str, Duration)]) -> Vec<String> {
    // Building the futures starts nothing; join_all polls them all at once
    // and keeps each output in its input slot.
    join_all(jobs.iter().map(|&(name, delay)| fetch(name, delay))).await
}
