//! Dropping a handle detaches; dropping a future cancels.
//!
//! The difference from Python, in three small functions:
//!
//! - A spawned task belongs to the runtime. Dropping its `JoinHandle` only
//!   throws away the way to collect the result: the task runs on
//!   ("detached"). Python's event loop, by contrast, keeps only a weak
//!   reference to a task, so a task nobody holds on to may be garbage
//!   collected mid-run; its docs tell you to keep a reference.
//! - A future that was never spawned belongs to whoever holds it. Dropping it
//!   cancels it; if it was never polled, none of its body ever runs (an
//!   un-awaited coroutine, in Python terms).
//! - A `JoinSet` owns its tasks: dropping the set aborts every one.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;

/// Raised by a job when its body runs to the end.
pub type Flag = Arc<AtomicBool>;

/// The job: wait `delay`, then raise the flag.
async fn raise_after(flag: Flag, delay: Duration) {
    sleep(delay).await;
    flag.store(true, Ordering::SeqCst);
}

// ANCHOR: detach
/// Spawns the job and drops its handle at once. The job still runs.
pub fn spawn_and_drop_handle(flag: Flag, delay: Duration) {
    let handle = tokio::spawn(raise_after(flag, delay));
    drop(handle); // detached, not cancelled
}

/// Builds the job as a plain future and drops it. Nothing ever runs.
pub fn build_and_drop_future(flag: Flag, delay: Duration) {
    let future = raise_after(flag, delay);
    drop(future); // cancelled before it began
}

/// Spawns the job into a `JoinSet` and drops the set. The job is aborted.
pub fn spawn_into_set_and_drop_set(flag: Flag, delay: Duration) {
    let mut set = JoinSet::new();
    set.spawn(raise_after(flag, delay));
    drop(set); // aborts every task in the set
}
// ANCHOR_END: detach
