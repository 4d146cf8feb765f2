//! Waiting with a deadline: Python's `done, pending = await asyncio.wait(
//! tasks, timeout=...)`, then `t.cancel()` for each pending task.
//!
//! The plainest Rust version: spawn the tasks, sleep until the deadline,
//! then ask each handle `is_finished()` (Python's `task.done()`). Finished
//! handles give their result at once; the rest are aborted. This version
//! always waits the full deadline, even if everything finished early;
//! exercise `03-wait-deadline` writes one that returns as soon as it can.

use std::time::Duration;

use kit::Timeline;
use kit::sim::fetch;
use tokio::task::JoinHandle;
use tokio::time::sleep;

use crate::Job;

/// What happened to the tasks by the deadline.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Waited {
    /// Results of the tasks that had finished, in input order.
    pub done: Vec<String>,
    /// Names of the tasks still running at the deadline.
    pub pending: Vec<&'static str>,
    /// Names of the pending tasks confirmed cancelled after `abort()`.
    pub cancelled: Vec<&'static str>,
}

// ANCHOR: deadline
/// Runs every job as a task, splits them into done and pending at
/// `deadline`, and cancels the pending ones.
pub async fn wait_then_cancel(
    timeline: &Timeline,
    jobs: &[Job],
    deadline: Duration,
) -> Waited {
    let tasks: Vec<(&'static str, JoinHandle<String>)> = jobs
        .iter()
        .map(|&(name, delay)| {
            let timeline = timeline.clone();
            let task = tokio::spawn(async move {
                timeline.track(name, fetch(name, delay)).await
            });
            (name, task)
        })
        .collect();

    sleep(deadline).await;
    let (done, pending): (Vec<_>, Vec<_>) =
        tasks.into_iter().partition(|(_, task)| task.is_finished());

    let mut waited = Waited::default();
    for (_, task) in done {
        waited.done.push(task.await.expect("no panic")); // ready: no wait
    }
    for (name, task) in pending {
        waited.pending.push(name);
        task.abort(); // Python's task.cancel(): a request, carried out soon
        // Awaiting the handle waits until the task really is gone.
        if task.await.is_err_and(|e| e.is_cancelled()) {
            waited.cancelled.push(name);
        }
    }
    waited
}
// ANCHOR_END: deadline
