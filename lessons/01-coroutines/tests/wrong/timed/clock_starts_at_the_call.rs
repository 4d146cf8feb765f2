//! Wrong answer: a plain fn that reads the clock when called and returns the future to await later
//! Expect: when timed() was called

use std::future::Future;
use std::time::Duration;

/// Awaits `fut` and returns its output and the time the await took.
pub fn timed<F: Future>(fut: F) -> impl Future<Output = (F::Output, Duration)> {
    let start = tokio::time::Instant::now();
    async move {
        let output = fut.await;
        (output, start.elapsed())
    }
}
