//! Reference solution for 01-timed.

use std::future::Future;
use std::time::Duration;

/// Awaits `fut` and returns its output and the time the await took.
pub async fn timed<F: Future>(fut: F) -> (F::Output, Duration) {
    // tokio's Instant follows the paused test clock; std's would not.
    let start = tokio::time::Instant::now();
    let output = fut.await;
    (output, start.elapsed())
}
