//! Wrong answer: jobs run in batches of `limit`, and a batch waits for its slowest job
//! Expect: it should take exactly 1s
use std::future::Future;

use tokio::sync::mpsc;

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
    let mut open = true;
    while open {
        let mut batch = Vec::new();
        while batch.len() < limit {
            match jobs.recv().await {
                Some(job) => batch.push(tokio::spawn(handle(job))),
                None => {
                    open = false;
                    break;
                }
            }
        }
        for task in batch {
            task.await.expect("a job panicked");
        }
    }
}
