//! The paused clock: tests of time that take no time.
//!
//! In Python one patches `asyncio.sleep` (or uses a fake-time plugin) so a
//! test of a one-hour timeout does not wait an hour. tokio has this built
//! in: with the clock paused (`#[tokio::test(start_paused = true)]`, or
//! `tokio::time::pause()` at the top of a current-thread test), time only
//! moves when the test says so or when nothing else can run:
//!
//! - **auto-advance**: when every task is waiting on a timer, the clock
//!   jumps straight to the next deadline. A `sleep(1 h)` returns at once in
//!   real time, and `Instant::now()` says exactly one hour later.
//! - **`advance(d)`**: the test moves the clock by `d` itself, in one jump,
//!   and every timer due by then fires.
//!
//! Nothing is patched: the code under test calls the real `sleep`,
//! `timeout` and `interval`.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::{Instant, error::Elapsed, sleep, timeout};

// ANCHOR: report
/// A report that takes two hours to build: a stand-in for a slow backend.
pub async fn build_report() -> &'static str {
    sleep(Duration::from_secs(2 * 3600)).await;
    "the report"
}

/// Asks for the report but gives up after `limit`.
pub async fn report_within(limit: Duration) -> Result<&'static str, Elapsed> {
    timeout(limit, build_report()).await
}
// ANCHOR_END: report

// ANCHOR: heartbeat
/// A background task that beats every `every`: sleeps, sends the time of
/// the beat (since it started), sleeps again. Each sleep starts when the
/// previous beat was sent.
pub fn heartbeat(
    every: Duration,
) -> (mpsc::UnboundedReceiver<Duration>, JoinHandle<()>) {
    let (beats, receiver) = mpsc::unbounded_channel();
    let start = Instant::now();
    let task = tokio::spawn(async move {
        loop {
            sleep(every).await;
            if beats.send(start.elapsed()).is_err() {
                return; // nobody is listening any more
            }
        }
    });
    (receiver, task)
}
// ANCHOR_END: heartbeat
