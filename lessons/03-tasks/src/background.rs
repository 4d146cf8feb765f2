//! Start work in the background, do something else, then collect it.
//!
//! The `create_task`-then-`await` shape from Python: the tasks start at
//! once and run while the caller gets on with its own work, so the caller's
//! work is free as long as it is shorter than the tasks.

use std::time::Duration;

use kit::Timeline;
use kit::sim::fetch;
use tokio::time::sleep;

// ANCHOR: background
/// Starts two tasks of `task_len`, does `other_work` itself, then awaits
/// both tasks.
pub async fn background_then_await(
    timeline: &Timeline,
    task_len: Duration,
    other_work: Duration,
) -> (String, String) {
    let start_task = |name: &'static str| {
        let timeline = timeline.clone();
        tokio::spawn(async move {
            timeline.track(name, fetch(name, task_len)).await
        })
    };
    let a = start_task("task A");
    let b = start_task("task B");

    // Meanwhile the caller does its own thing...
    timeline
        .track("caller: other work", sleep(other_work))
        .await;

    // ...and only then waits. A and B have been running all along.
    let (a, b) = tokio::join!(a, b);
    (a.expect("A did not panic"), b.expect("B did not panic"))
}
// ANCHOR_END: background
