//! `tokio::spawn`: Python's `asyncio.create_task`.
//!
//! Spawning hands a future to the runtime as a *task*. From then on the
//! runtime polls it, whether or not anyone ever awaits the `JoinHandle` it
//! returned; the handle is only the way to collect the result. So tasks
//! spawned one after another are all in flight together, and awaiting their
//! handles in turn costs only as long as the slowest.

use kit::Timeline;
use kit::sim::fetch;

use crate::Job;

// ANCHOR: spawn
/// Spawns one task per job, then awaits the handles one after another.
pub async fn spawn_then_await(
    timeline: &Timeline,
    jobs: &[Job],
) -> Vec<String> {
    let mut handles = Vec::new();
    for &(name, delay) in jobs {
        // A task must own everything it uses (`'static`): it may outlive
        // this function. The timeline is an Arc inside, so clone it in.
        let timeline = timeline.clone();
        handles.push(tokio::spawn(async move {
            timeline.track(name, fetch(name, delay)).await
        }));
    }
    // Every task is already running. Awaiting the first one does not hold
    // up the others; by the time it is done, the rest may be too.
    let mut results = Vec::new();
    for handle in handles {
        // `Err` only if the task panicked or was aborted.
        results.push(handle.await.expect("the task did not panic"));
    }
    results
}
// ANCHOR_END: spawn
