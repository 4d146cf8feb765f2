//! Wrong answer: a permit before each spawn, but it returns as soon as the channel closes, with jobs still running
//! Expect: wait for every task before returning
use std::future::Future;
use std::sync::Arc;

use tokio::sync::{Semaphore, mpsc};

/// Runs `handle(job)` for every job, each in a task of its own, with at
/// most `limit` such tasks alive at once; returns when all are done.
pub async fn run_jobs<F, Fut>(
    mut jobs: mpsc::Receiver<u32>,
    limit: usize,
    handle: F,
) where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(limit));
    while let Some(job) = jobs.recv().await {
        let permit =
            permits.clone().acquire_owned().await.expect("never closed");
        let work = handle(job);
        tokio::spawn(async move {
            work.await;
            drop(permit);
        });
    }
}
