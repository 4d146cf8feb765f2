//! Reference solution for 04-limited-fetch.

use std::time::Duration;

use futures::stream::{self, StreamExt};

use crate::services::Backend;

/// All fetches, at most `limit` at once; results in the order of `jobs`.
pub async fn fetch_in_order(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    stream::iter(jobs)
        .map(|&(name, delay)| backend.fetch(name, delay))
        .buffered(limit)
        .collect()
        .await
}

/// All fetches, at most `limit` at once; results in the order they finish.
pub async fn fetch_as_ready(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
) -> Vec<String> {
    stream::iter(jobs)
        .map(|&(name, delay)| backend.fetch(name, delay))
        .buffer_unordered(limit)
        .collect()
        .await
}
