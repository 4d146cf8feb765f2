//! Wrong answer: each task takes its permit inside: all the tasks exist at once, most of them waiting
//! Expect: tasks were alive at once, the limit is 10
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
    let mut tasks = Vec::new();
    while let Some(job) = jobs.recv().await {
        let permits = permits.clone();
        let work = handle(job);
        tasks.push(tokio::spawn(async move {
            let _permit = permits.acquire().await.expect("never closed");
            work.await;
        }));
    }
    for task in tasks {
        task.await.expect("a job panicked");
    }
}
