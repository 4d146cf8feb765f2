//! Wrong answer: the job is awaited to its end, then the clock is checked
//! Expect: was the job run to its end before the limit was checked
use std::future::Future;
use std::time::{Duration, Instant};

/// The limit passed before the future finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

/// Runs `fut` for at most `limit`.
pub async fn timeout<F: Future>(
    limit: Duration,
    fut: F,
) -> Result<F::Output, Elapsed> {
    let start = Instant::now();
    let out = fut.await;
    if start.elapsed() > limit {
        Err(Elapsed)
    } else {
        Ok(out)
    }
}
