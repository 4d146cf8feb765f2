//! Wrong answer: `then`, which awaits each fetch before starting the next
//! Expect: one at a time

use std::time::Duration;

use futures::stream::{self, StreamExt};

use crate::services::Backend;

/// The first `n` results to finish, at most `limit` fetches at once.
pub async fn first_to_finish(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    _limit: usize,
    n: usize,
) -> Vec<String> {
    stream::iter(jobs)
        .then(|&(name, delay)| backend.fetch(name, delay))
        .take(n)
        .collect()
        .await
}
