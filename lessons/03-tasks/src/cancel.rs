//! `JoinHandle::abort` and cleanup: Python's `task.cancel()` and `finally`.
//!
//! Python cancels a task by raising `CancelledError` at its current `await`;
//! the task may catch it, `await` more cleanup, even refuse to stop. Rust
//! cancels by *dropping* the task's future at its current `.await`: no error
//! appears inside, nothing more of the body runs, and every value the future
//! owned is dropped. So cleanup that must run on every exit goes in a
//! `Drop` impl — a guard — and it runs at the moment of cancellation.
//! (Cleanup that has to `.await` needs the task's cooperation instead: a
//! cancellation token it checks, lesson 13.)

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::{Instant, sleep};

/// A shared, timestamped record of what happened, readable by tests.
#[derive(Debug, Clone)]
pub struct EventLog {
    start: Instant,
    events: Arc<Mutex<Vec<(Duration, String)>>>,
}

impl EventLog {
    /// An empty log whose time zero is now.
    pub fn new() -> Self {
        Self {
            start: Instant::now(),
            events: Arc::default(),
        }
    }

    /// Notes `what` at the current time.
    pub fn note(&self, what: impl Into<String>) {
        self.events
            .lock()
            .unwrap()
            .push((self.start.elapsed(), what.into()));
    }

    /// Everything noted so far.
    pub fn events(&self) -> Vec<(Duration, String)> {
        self.events.lock().unwrap().clone()
    }
}

impl Default for EventLog {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: guard
/// Notes "cleanup ran" when dropped: on return, on panic, on cancellation.
#[derive(Debug)]
pub struct CleanupGuard(pub EventLog);

impl Drop for CleanupGuard {
    fn drop(&mut self) {
        // A real guard would close a file, return a connection, release a
        // lock... Drop cannot .await, so it must do so synchronously.
        self.0.note("cleanup ran");
    }
}
// ANCHOR_END: guard

/// What the abort demo saw.
#[derive(Debug)]
pub struct Aborted {
    /// The timestamped events, in order.
    pub events: Vec<(Duration, String)>,
    /// `is_finished()` just before `abort()`.
    pub finished_before_abort: bool,
    /// `is_finished()` after awaiting the aborted task.
    pub finished_after_abort: bool,
    /// Whether awaiting the handle reported cancellation.
    pub cancelled: bool,
}

// ANCHOR: abort
/// Starts a long task, aborts it after `after`, and records what happened.
pub async fn abort_with_cleanup(after: Duration) -> Aborted {
    let log = EventLog::new();
    let task_log = log.clone();
    let mut task = tokio::spawn(async move {
        let _guard = CleanupGuard(task_log.clone()); // dropped on every exit
        task_log.note("task started");
        sleep(Duration::from_secs(3600)).await; // cancelled in here
        task_log.note("task finished"); // never runs
    });

    sleep(after).await;
    let finished_before_abort = task.is_finished();
    log.note("abort()");
    task.abort();
    // `&mut task`: await the handle without giving it up, to ask it more.
    let joined = (&mut task).await;
    let cancelled = joined.is_err_and(|e| e.is_cancelled());
    log.note(format!("handle.await: cancelled = {cancelled}"));

    Aborted {
        events: log.events(),
        finished_before_abort,
        finished_after_abort: task.is_finished(),
        cancelled,
    }
}
// ANCHOR_END: abort
