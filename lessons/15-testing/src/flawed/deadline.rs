//! Broken [`Deadline`]s.

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

use super::Flaw;
use crate::deadline::Deadline;

/// Awaits the work to the end, then says `None` if that took too long.
#[derive(Debug, Clone, Copy)]
pub struct WaitsItOut;

impl Flaw for WaitsItOut {
    const FLAW: &'static str = "slow work is waited out to its end, and only \
                                then reported as too late";
}

impl Deadline for WaitsItOut {
    async fn within<F>(&self, limit: Duration, work: F) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let start = Instant::now();
        let output = work.await;
        (start.elapsed() <= limit).then_some(output)
    }
}

// ANCHOR: one_ms_late
/// Gives up one millisecond after the limit.
#[derive(Debug, Clone, Copy)]
pub struct OneMsLate;

impl Flaw for OneMsLate {
    const FLAW: &'static str = "it gives up 1 ms after the limit, not at it";
}

impl Deadline for OneMsLate {
    async fn within<F>(&self, limit: Duration, work: F) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        timeout(limit + Duration::from_millis(1), work).await.ok()
    }
}
// ANCHOR_END: one_ms_late

/// Runs the work alongside a sleep of the whole limit, so fast work is
/// reported at the limit instead of when it is done.
#[derive(Debug, Clone, Copy)]
pub struct AlwaysWholeLimit;

impl Flaw for AlwaysWholeLimit {
    const FLAW: &'static str = "fast work is returned only when the whole \
                                limit has passed, not as soon as it is done";
}

impl Deadline for AlwaysWholeLimit {
    async fn within<F>(&self, limit: Duration, work: F) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let (output, ()) = tokio::join!(timeout(limit, work), sleep(limit));
        output.ok()
    }
}

/// Runs the work as a task and times out the *handle*: the caller hears
/// `None` at the limit, but the work is never cancelled.
#[derive(Debug, Clone, Copy)]
pub struct LeavesItRunning;

impl Flaw for LeavesItRunning {
    const FLAW: &'static str = "work that ran out of time is not cancelled: \
                                it keeps running after `within` returned None. \
                                Did your test wait until after the work would \
                                have finished before checking?";
}

impl Deadline for LeavesItRunning {
    async fn within<F>(&self, limit: Duration, work: F) -> Option<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let task = tokio::spawn(work);
        // Dropping a JoinHandle detaches the task; it does not stop it.
        timeout(limit, task).await.ok()?.ok()
    }
}
