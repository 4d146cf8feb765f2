//! Wrong answer: `buffered`, which yields in input order, not finishing order
//! Expect: in the order they finish

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
    stream::iter(jobs)
        .map(|&(name, delay)| backend.fetch(name, delay))
        .buffered(limit)
        .take(n)
        .collect()
        .await
}
