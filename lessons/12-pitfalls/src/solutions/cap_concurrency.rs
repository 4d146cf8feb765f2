//! Reference solution for 12-cap-concurrency.

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
    let slots = Arc::new(Semaphore::new(limit));
    loop {
        // Wait for a slot *before* taking a job or spawning: the loop
        // itself waits, the job stays in the channel, no task is made yet.
        let slot = slots.clone().acquire_owned().await.expect("never closed");
        let Some(job) = jobs.recv().await else { break };
        let work = handle(job);
        tokio::spawn(async move {
            work.await;
            drop(slot); // the task is ending: its slot is free again
        });
    }
    // Every slot back means every task has finished (a panicking task
    // drops its permit too).
    let all = u32::try_from(limit).expect("a limit that fits in u32");
    let _all = slots.acquire_many(all).await.expect("never closed");
}
