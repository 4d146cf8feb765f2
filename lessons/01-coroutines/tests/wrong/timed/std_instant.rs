//! Wrong answer: measures with std::time::Instant, which ignores tokio's paused clock
//! Expect: tokio's clock

use std::future::Future;
use std::time::Duration;

/// Awaits `fut` and returns its output and the time the await took.
pub async fn timed<F: Future>(fut: F) -> (F::Output, Duration) {
    let start = std::time::Instant::now();
    let output = fut.await;
    (output, start.elapsed())
}
