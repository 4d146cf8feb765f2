//! Reference solution for 03-gather-limited.

use std::future::Future;

use futures::stream::{self, StreamExt};

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    assert!(limit >= 1, "a limit of 0 would never start anything");
    let count = jobs.len();
    // `buffer_unordered(limit)` polls at most `limit` futures at a time and
    // starts the next as soon as any one finishes. (`buffered` keeps order
    // but holds a finished job's slot until every job before it is done, so
    // one slow job would stall the rest.) The index puts the order back.
    let mut finished = stream::iter(jobs.into_iter().enumerate())
        .map(|(index, job)| async move { (index, job.await) })
        .buffer_unordered(limit);

    let mut outputs: Vec<Option<F::Output>> =
        (0..count).map(|_| None).collect();
    while let Some((index, output)) = finished.next().await {
        outputs[index] = Some(output);
    }
    outputs
        .into_iter()
        .map(|o| o.expect("every job finished"))
        .collect()
}
