//! Reference solution for 04-limited-fetch.

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
        // Lazy futures: a job starts only when `buffer_unordered` takes it.
        .map(|&(name, delay)| backend.fetch(name, delay))
        // At most `limit` running; a slot is refilled as soon as one ends.
        .buffer_unordered(limit)
        // After `n` items, `take` stops asking; `collect` then drops the
        // stream, which cancels the fetches still running, and the jobs
        // never taken from `stream::iter` are never started.
        .take(n)
        .collect()
        .await
}
