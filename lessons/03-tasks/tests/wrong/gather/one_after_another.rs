//! Wrong answer: each fetch is awaited in a loop, one after another
//! Expect: one after another

use std::time::Duration;

use kit::sim::fetch;
use tokio::time::timeout;

/// Fetches every `(name, delay)` concurrently, each given up on after
/// `limit`; results in input order.
pub async fn gather_within(
    jobs: &[(&str, Duration)],
    limit: Duration,
) -> Vec<Option<String>> {
    let mut results = Vec::new();
    for &(name, delay) in jobs {
        results.push(timeout(limit, fetch(name, delay)).await.ok());
    }
    results
}
