//! Wrong answer: fixed batches of `limit`, each waited for as a whole
//! Expect: refilled at once

use std::future::Future;

use futures::future::join_all;

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut outputs = Vec::new();
    let mut jobs = jobs.into_iter().peekable();
    while jobs.peek().is_some() {
        let batch: Vec<F> = jobs.by_ref().take(limit).collect();
        outputs.extend(join_all(batch).await);
    }
    outputs
}
