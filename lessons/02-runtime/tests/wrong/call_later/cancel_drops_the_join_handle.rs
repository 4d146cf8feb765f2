//! Wrong answer: cancel() drops the JoinHandle, which detaches the task instead of stopping it
//! Expect: cancelled at 1s, yet it ran

use std::sync::Mutex;
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep_until};

/// A scheduled call, as returned by [`call_later`].
#[derive(Debug)]
pub struct TimerHandle {
    deadline: Instant,
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Runs `f` once, `delay` from now. Must be called inside a tokio runtime.
pub fn call_later<F>(delay: Duration, f: F) -> TimerHandle
where
    F: FnOnce() + Send + 'static,
{
    let deadline = Instant::now() + delay;
    let task = tokio::spawn(async move {
        sleep_until(deadline).await;
        f();
    });
    TimerHandle {
        deadline,
        task: Mutex::new(Some(task)),
    }
}

impl TimerHandle {
    /// When the call is due, on tokio's clock.
    pub fn when(&self) -> Instant {
        self.deadline
    }

    /// Stops the call if it has not run yet.
    pub fn cancel(&self) {
        // Let go of the task: without its handle, nobody is waiting for it.
        drop(self.task.lock().unwrap().take());
    }
}
