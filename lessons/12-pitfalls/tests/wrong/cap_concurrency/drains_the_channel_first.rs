//! Wrong answer: takes every job off the channel into a Vec first, so the producer never waits
//! Expect: took jobs off the channel before it had room
use std::future::Future;
use std::sync::Arc;

use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

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
    let mut all = Vec::new();
    while let Some(job) = jobs.recv().await {
        all.push(job);
    }
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for job in all {
        let permit =
            permits.clone().acquire_owned().await.expect("never closed");
        let work = handle(job);
        tasks.spawn(async move {
            work.await;
            drop(permit);
        });
    }
    tasks.join_all().await;
}
