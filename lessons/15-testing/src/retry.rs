//! Retry with exponential backoff: the code exercise 15-test-retry tests.
//!
//! The Python original sleeps between attempts with `asyncio.sleep`, and its
//! tests patch that sleep to record the delays. Here the code calls tokio's
//! real `sleep`, and the test runs on the paused clock and reads
//! `Instant::now()` inside the operation: the attempt times *are* the
//! schedule, exact to the nanosecond, and the test takes no real time.

use std::future::Future;
use std::time::Duration;

use tokio::time::sleep;

// ANCHOR: retry
/// Calls `op` up to `attempts` times (at least once). After a failure it
/// waits `first_delay`, then twice as long after the next failure, and so
/// on: attempts at 0, 100, 300, 700 ms for a 100 ms first delay. Returns the
/// first `Ok`, or the last `Err` as soon as the attempts run out (no wait
/// after the last one).
pub async fn retry<T, E, F, Fut>(
    attempts: u32,
    first_delay: Duration,
    mut op: F,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut delay = first_delay;
    let mut attempt = 1;
    loop {
        match op().await {
            Ok(value) => return Ok(value),
            Err(error) if attempt >= attempts => return Err(error),
            Err(_) => {
                sleep(delay).await;
                delay *= 2;
                attempt += 1;
            }
        }
    }
}
// ANCHOR_END: retry

/// What exercise 15-test-retry's `check` is given: something that retries.
/// [`Backoff`] is the correct one; [`crate::flawed::retry`] has the broken
/// ones.
pub trait Retry {
    /// Retries `op`; see [`retry`].
    fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        op: F,
    ) -> impl Future<Output = Result<T, E>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>;
}

/// The correct [`Retry`]: [`retry`].
#[derive(Debug, Clone, Copy)]
pub struct Backoff;

impl Retry for Backoff {
    async fn retry<T, E, F, Fut>(
        &self,
        attempts: u32,
        first_delay: Duration,
        op: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        retry(attempts, first_delay, op).await
    }
}
