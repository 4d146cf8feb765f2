//! Wrong answer: returns whole seconds (as_secs), as if porting loop.time() arithmetic
//! Expect: whole seconds

use std::future::Future;
use std::time::Duration;

/// Awaits `fut` and returns its output and the time the await took.
pub async fn timed<F: Future>(fut: F) -> (F::Output, Duration) {
    let start = tokio::time::Instant::now();
    let output = fut.await;
    (output, Duration::from_secs(start.elapsed().as_secs()))
}
