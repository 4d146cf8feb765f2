//! Wrong answer: fetches every job, then keeps the first `n` results
//! Expect: stop once it has enough

use std::time::Duration;

use futures::stream::{self, StreamExt};

use crate::services::Backend;

/// The first `n` results to finish, at most `limit` fetches at once.
pub async fn first_to_finish(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
    n: usize,
) -> Vec<String> {
    let mut results: Vec<String> = stream::iter(jobs)
        .map(|&(name, delay)| backend.fetch(name, delay))
        .buffer_unordered(limit)
        .collect()
        .await;
    results.truncate(n);
    results
}
