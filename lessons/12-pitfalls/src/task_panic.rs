//! Pitfall: a panicking task.
//!
//! A panic in a spawned task does not take the program down, and it does
//! not reach you by itself either: the runtime catches it, ends that task,
//! and keeps it for whoever awaits the `JoinHandle`, as
//! `Err(JoinError)` with `is_panic()`. Other tasks and the runtime go on.
//! Await your handles (or a `JoinSet`), or a panic in a detached task is
//! only a line on stderr — Python's "Task exception was never retrieved".

use std::time::Duration;

use kit::Timeline;
use tokio::time::sleep;

use crate::panics::join_error_text;

/// How each of three tasks ended, and whether the runtime still works.
#[derive(Debug)]
pub struct Outcome {
    /// Per task: its value, or the panic message.
    pub results: Vec<Result<&'static str, String>>,
    /// The answer of a task spawned after the panic.
    pub spawned_after: &'static str,
}

// ANCHOR: panic
/// Three tasks; the second panics at 0.5 s, the others finish at 1 s.
pub async fn one_task_panics(timeline: &Timeline) -> Outcome {
    let tl = timeline.clone();
    let first = tokio::spawn(async move {
        tl.track("first", sleep(Duration::from_secs(1))).await;
        "first done"
    });
    let tl = timeline.clone();
    let second = tokio::spawn(async move {
        let _span = tl.start("second (panics)"); // unwinding drops it: ✗
        sleep(Duration::from_millis(500)).await;
        panic!("payment service exploded");
    });
    let tl = timeline.clone();
    let third = tokio::spawn(async move {
        tl.track("third", sleep(Duration::from_secs(1))).await;
        "third done"
    });

    let mut results = Vec::new();
    for handle in [first, second, third] {
        // `Err(JoinError)`: `is_panic()` tells a panic from an abort.
        results.push(handle.await.map_err(join_error_text));
    }
    let spawned_after = tokio::spawn(async { "runtime still fine" })
        .await
        .expect("no panic");
    Outcome {
        results,
        spawned_after,
    }
}
// ANCHOR_END: panic
