//! Wrong answer: one timeout around the whole gather, not one per fetch
//! Expect: each fetch needs its own timeout

use std::time::Duration;

use futures::future::join_all;
use kit::sim::fetch;
use tokio::time::timeout;

/// Fetches every `(name, delay)` concurrently, each given up on after
/// `limit`; results in input order.
pub async fn gather_within(
    jobs: &[(&str, Duration)],
    limit: Duration,
) -> Vec<Option<String>> {
    let fetches = jobs.iter().map(|&(name, delay)| fetch(name, delay));
    match timeout(limit, join_all(fetches)).await {
        Ok(results) => results.into_iter().map(Some).collect(),
        Err(_) => vec![None; jobs.len()],
    }
}
