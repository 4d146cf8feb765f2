//! Wrong answer: buffer_unordered over the channel: at most `limit` jobs at a time, but no task of their own
//! Expect: did not run in a task of its own
use std::future::Future;

use futures::stream::{self, StreamExt};
use tokio::sync::mpsc;

/// Runs `handle(job)` for every job, each in a task of its own, with at
/// most `limit` such tasks alive at once; returns when all are done.
pub async fn run_jobs<F, Fut>(
    jobs: mpsc::Receiver<u32>,
    limit: usize,
    handle: F,
) where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    stream::unfold(jobs, |mut jobs| async move {
        let job = jobs.recv().await?;
        Some((job, jobs))
    })
    .map(handle)
    .buffer_unordered(limit)
    .collect::<Vec<()>>()
    .await;
}
