//! Wrong answer: slots refilled at once, but outputs kept in finishing order
//! Expect: in the order they finished

use std::future::Future;

use tokio::task::JoinSet;

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut waiting = jobs.into_iter();
    let mut running = JoinSet::new();
    for job in waiting.by_ref().take(limit) {
        running.spawn(job);
    }
    let mut outputs = Vec::new();
    while let Some(finished) = running.join_next().await {
        outputs.push(finished.expect("no job panics"));
        if let Some(job) = waiting.next() {
            running.spawn(job);
        }
    }
    outputs
}
