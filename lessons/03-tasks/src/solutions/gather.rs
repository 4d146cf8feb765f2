//! Reference solution for 03-gather.

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
    // Each job gets its own timeout, wrapped around its own fetch: one slow
    // fetch costs only its own result. join_all polls them all at once and
    // keeps each output in its input slot.
    join_all(jobs.iter().map(|&(name, delay)| async move {
        timeout(limit, fetch(name, delay)).await.ok()
    }))
    .await
}
