//! `tokio::time::timeout`: Python's `asyncio.timeout` / `wait_for`.
//!
//! `timeout(limit, future)` is itself a future: it polls the inner one and a
//! timer, and whichever is ready first decides. If the timer wins it returns
//! `Err(Elapsed)` and drops the inner future, which cancels it. No exception
//! is raised inside the inner code; it simply never runs again.

use std::time::Duration;

use kit::Timeline;
use kit::sim::fetch;
use tokio::time::error::Elapsed;
use tokio::time::timeout;

use crate::Job;

// ANCHOR: timeout
/// Runs `job`, but gives up after `limit`.
pub async fn with_timeout(
    timeline: &Timeline,
    job: Job,
    limit: Duration,
) -> Result<String, Elapsed> {
    let (name, delay) = job;
    timeout(limit, timeline.track(name, fetch(name, delay))).await
}
// ANCHOR_END: timeout

// ANCHOR: timeout_task
/// A timeout around a *task* only stops the waiting: dropping a JoinHandle
/// does not stop the task. Wait on `&mut handle` to keep the handle, and
/// abort the task yourself when time is up.
pub async fn task_with_timeout(
    timeline: &Timeline,
    job: Job,
    limit: Duration,
) -> Result<String, Elapsed> {
    let (name, delay) = job;
    let timeline = timeline.clone();
    let mut task =
        tokio::spawn(
            async move { timeline.track(name, fetch(name, delay)).await },
        );
    match timeout(limit, &mut task).await {
        Ok(joined) => Ok(joined.expect("no panic")),
        Err(elapsed) => {
            task.abort(); // without this, the task would run on to the end
            let _ = task.await; // wait until it is really gone
            Err(elapsed)
        }
    }
}
// ANCHOR_END: timeout_task
