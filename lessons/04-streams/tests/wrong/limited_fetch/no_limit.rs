//! Wrong answer: every fetch started at once, the limit ignored
//! Expect: the limit was 1

use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};

use crate::services::Backend;

/// The first `n` results to finish, at most `limit` fetches at once.
pub async fn first_to_finish(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    _limit: usize,
    n: usize,
) -> Vec<String> {
    jobs.iter()
        .map(|&(name, delay)| backend.fetch(name, delay))
        .collect::<FuturesUnordered<_>>()
        .take(n)
        .collect()
        .await
}
