//! Background work that is not lost: `TaskTracker`.
//!
//! A detached `tokio::spawn` is fire-and-forget: when `main` returns, the
//! runtime drops whatever is still running (lesson 12's lost work). Python's
//! FastAPI keeps `BackgroundTasks` until they end; tokio-util's
//! `TaskTracker` is the counterpart. Spawn through it, and at shutdown
//! `close()` it and `wait()`: that waits for every task spawned through it.
//! Unlike a `JoinSet` it keeps no results, so finished tasks free their
//! memory at once: right for a long-running server.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::sim::fetch;
use tokio::time::Instant;
use tokio_util::task::TaskTracker;

// ANCHOR: tracker
/// Handles `requests`, each answering at once and leaving a background job
/// of `job` behind (an audit record, a welcome mail). Returns when the
/// answers were given and the jobs' finishing times, all from the start.
pub async fn answer_then_finish_jobs(
    requests: &[&'static str],
    job: Duration,
) -> (Duration, Vec<(String, Duration)>) {
    let start = Instant::now();
    let tracker = TaskTracker::new();
    let finished = Arc::new(Mutex::new(Vec::new()));
    for &name in requests {
        let finished = finished.clone();
        tracker.spawn(async move {
            let text = fetch(name, job).await;
            let mut list = finished.lock().expect("not poisoned");
            list.push((text, start.elapsed()));
        });
    }
    let answered = start.elapsed(); // every request has its answer now

    // Shutdown: no new jobs (`spawn` still works, but `wait` will not wait
    // for them once closed and empty), then wait for the running ones.
    tracker.close();
    tracker.wait().await;
    let finished = std::mem::take(&mut *finished.lock().expect("ok"));
    (answered, finished)
}
// ANCHOR_END: tracker
