//! Reference solution for 03-gather-limited.

use std::future::Future;

use tokio::task::JoinSet;

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    assert!(limit >= 1, "a limit of 0 would never start anything");
    let mut outputs: Vec<Option<F::Output>> =
        jobs.iter().map(|_| None).collect();
    let mut waiting = jobs.into_iter().enumerate();
    let mut running = JoinSet::new();

    // Start the first `limit`; then one more each time one finishes, so a
    // slow job holds only its own slot. The index puts the order back.
    for (index, job) in waiting.by_ref().take(limit) {
        running.spawn(async move { (index, job.await) });
    }
    while let Some(finished) = running.join_next().await {
        let (index, output) = finished
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        outputs[index] = Some(output);
        if let Some((index, job)) = waiting.next() {
            running.spawn(async move { (index, job.await) });
        }
    }
    outputs
        .into_iter()
        .map(|o| o.expect("every job finished"))
        .collect()
}
