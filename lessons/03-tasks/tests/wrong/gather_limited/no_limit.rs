//! Wrong answer: every job started at once, the limit ignored
//! Expect: the limit was 1

use std::future::Future;

use futures::future::join_all;

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    assert!(limit >= 1, "a limit of 0 would never start anything");
    join_all(jobs).await
}
