//! The lost update, and `tokio::sync::Mutex`: Python's `asyncio.Lock`.
//!
//! Each worker reads a shared counter, awaits something (a database call, a
//! request), then writes back what it read plus one. Without a lock every
//! worker reads 0 before any of them writes, and five increments leave 1.
//!
//! Rust will not let tasks share a plain `u32` mutably at all: that would
//! be a data race, and it does not compile. So the racy version below uses
//! a lock too, but only for an instant at a time — to read, and later to
//! write. Memory stays safe; the *logic* still races, because the await
//! sits between the read and the write. The fix is to hold one lock across
//! the whole read-await-write, which needs tokio's async `Mutex`.

use std::sync::Arc;
use std::time::Duration;

use kit::Timeline;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: without_lock
/// `workers` tasks each do read, await `work`, write. Returns the counter.
pub async fn without_lock(
    timeline: &Timeline,
    workers: usize,
    work: Duration,
) -> u32 {
    let counter = Arc::new(std::sync::Mutex::new(0_u32));
    let mut tasks = JoinSet::new();
    for i in 1..=workers {
        let counter = counter.clone();
        let mark = timeline.start(format!("W{i}"));
        tasks.spawn(async move {
            // Each guard is a temporary, dropped at the end of its statement.
            let read = *counter.lock().unwrap();
            sleep(work).await; // every other worker reads 0 meanwhile
            *counter.lock().unwrap() = read + 1;
            mark.end();
        });
    }
    tasks.join_all().await;
    *counter.lock().unwrap()
}
// ANCHOR_END: without_lock

// ANCHOR: with_lock
/// The same workers, each holding tokio's `Mutex` from read to write.
pub async fn with_lock(
    timeline: &Timeline,
    workers: usize,
    work: Duration,
) -> u32 {
    let counter = Arc::new(tokio::sync::Mutex::new(0_u32));
    let mut tasks = JoinSet::new();
    for i in 1..=workers {
        let counter = counter.clone();
        let mark = timeline.start(format!("W{i}"));
        tasks.spawn(async move {
            // `async with lock:` — queued here until the lock is free
            // (drawn as a wait on the timeline).
            let mut value = mark.wait(counter.lock()).await;
            let read = *value;
            sleep(work).await; // still holding the lock: others queue
            *value = read + 1;
            drop(value); // release before reporting, as `async with` would
            mark.end();
        });
    }
    tasks.join_all().await;
    *counter.lock().await
}
// ANCHOR_END: with_lock
