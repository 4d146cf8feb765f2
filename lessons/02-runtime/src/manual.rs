//! A runtime built and driven by hand: Python's `new_event_loop`,
//! `run_until_complete` and `close`.
//!
//! A current-thread runtime has no worker threads: its tasks run on the
//! thread that calls `block_on`, and only while that call lasts. Between calls
//! it is frozen, so a task spawned onto it waits for the next `block_on`,
//! just as `loop.create_task` before `run_until_complete` does nothing yet.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::sim::fetch;
use tokio::runtime::Builder;

// ANCHOR: manual
/// Builds a loop, runs two futures on it in turn, closes it.
pub fn run_until_complete_twice() -> Vec<String> {
    // loop = asyncio.new_event_loop()
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    // loop.run_until_complete(...), twice on the same loop
    let first = runtime.block_on(fetch("first", Duration::from_millis(100)));
    let second = runtime.block_on(fetch("second", Duration::from_millis(100)));
    // loop.close()
    drop(runtime);
    vec![first, second]
}
// ANCHOR_END: manual

// ANCHOR: frozen
/// A task spawned onto a current-thread runtime runs only inside a later
/// `block_on`. Returns what happened, in order.
pub fn tasks_wait_for_block_on() -> Vec<&'static str> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let note = |what| log.lock().unwrap().push(what);
    let runtime = Builder::new_current_thread().build().expect("a runtime");

    let task_log = log.clone();
    runtime.spawn(async move {
        task_log.lock().unwrap().push("the spawned task runs")
    });
    note("spawned: nothing has run yet");

    runtime.block_on(async {
        note("block_on starts");
        tokio::task::yield_now().await; // give the thread to other tasks
    });
    note("block_on returned");
    log.lock().unwrap().clone()
}
// ANCHOR_END: frozen
