//! Wrong answer: results collected in the order the fetches finish
//! Expect: in the order they finished

use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use kit::sim::fetch;
use tokio::time::timeout;

/// Fetches every `(name, delay)` concurrently, each given up on after
/// `limit`; results in input order.
pub async fn gather_within(
    jobs: &[(&str, Duration)],
    limit: Duration,
) -> Vec<Option<String>> {
    let fetches: FuturesUnordered<_> = jobs
        .iter()
        .map(|&(name, delay)| async move {
            timeout(limit, fetch(name, delay)).await.ok()
        })
        .collect();
    fetches.collect().await
}
