//! Wrong answer: the task waits with std::thread::sleep (time.sleep), which blocks the thread and ignores tokio's clock
//! Expect: blocking std::thread::sleep

use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::Instant;

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
        std::thread::sleep(delay);
        f();
    });
    // Dropping a JoinHandle detaches the task, it does not cancel it: so
    // dropping the TimerHandle leaves the call scheduled, as in Python.
    TimerHandle { deadline, task }
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
