//! Wrong answer: the handle aborts the task when dropped, so a dropped handle cancels the call
//! Expect: dropping the handle cancelled

use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep_until};

/// A scheduled call, as returned by [`call_later`].
#[derive(Debug)]
pub struct TimerHandle {
    deadline: Instant,
    task: JoinHandle<()>,
}

/// Runs `f` once, `delay` from now. Must be called inside a tokio runtime.
pub fn call_later<F>(delay: Duration, f: F) -> TimerHandle
where
    F: FnOnce() + Send + 'static,
{
    // Fix the deadline now, not when the task is first polled.
    let deadline = Instant::now() + delay;
    let task = tokio::spawn(async move {
        sleep_until(deadline).await;
        f();
    });
    TimerHandle { deadline, task }
}

impl Drop for TimerHandle {
    fn drop(&mut self) {
        // Clean up: a timer nobody holds any more should not fire.
        self.task.abort();
    }
}

impl TimerHandle {
    /// When the call is due, on tokio's clock.
    pub fn when(&self) -> Instant {
        self.deadline
    }

    /// Stops the call if it has not run yet.
    pub fn cancel(&self) {
        // The task is dropped at its next await point, the sleep, so `f`
        // never starts. Aborting a finished task does nothing.
        self.task.abort();
    }
}
