//! What a spawned task's `JoinHandle` can do: be awaited (for the output),
//! be awaited with a time limit without being lost, and cancel the task.
//! Lesson 03 does much more with tasks; this is what the runtime's own
//! scheduling calls need.

use std::time::Duration;

use tokio::time::{sleep, timeout};

/// What [`handle_tour`] saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandleTour {
    /// The first wait, shorter than the task, gave up.
    pub first_wait_gave_up: bool,
    /// Awaiting the same handle again still got the output.
    pub output_later: u32,
    /// An aborted task's handle says it was cancelled.
    pub abort_is_cancelled: bool,
    /// A task that panicked: its handle says so, and the caller goes on.
    pub panic_is_reported: bool,
}

// ANCHOR: handle
/// Spawns a task of `work`, waits `patience` for it, then waits again;
/// aborts a second task; lets a third panic.
pub async fn handle_tour(work: Duration, patience: Duration) -> HandleTour {
    let mut task = tokio::spawn(async move {
        sleep(work).await;
        42
    });
    // `&mut task`: the timeout borrows the handle. Had it taken the handle
    // by value, giving up would drop it: the task would go on running,
    // detached, and its output would be lost to us.
    let first_wait_gave_up = timeout(patience, &mut task).await.is_err();
    let output_later = task.await.expect("it neither panicked nor was aborted");

    let endless = tokio::spawn(sleep(Duration::from_secs(3600)));
    endless.abort(); // cancels it at its next await; does nothing if done
    let abort_is_cancelled = endless.await.is_err_and(|e| e.is_cancelled());

    let doomed = tokio::spawn(async { panic!("a bug in a task") });
    let panic_is_reported = doomed.await.is_err_and(|e| e.is_panic());

    HandleTour {
        first_wait_gave_up,
        output_later,
        abort_is_cancelled,
        panic_is_reported,
    }
}
// ANCHOR_END: handle
