//! Who waits for a blocked thread: only the tasks that share it.
//!
//! A blocking call stalls the runtime *thread* it runs on. On a
//! current-thread runtime that thread is the whole runtime, so every task
//! waits. The multi-thread runtime has other workers: they keep running
//! the other tasks, and steal the queued ones from the blocked worker.
//! Only when every worker is blocked does everything stop (or for a task
//! stuck in the blocked worker's LIFO slot, which is not stolen). So the
//! same mistake can look harmless on a quiet multi-core machine and stall
//! everything on a one-core container or under load.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kit::Timeline;
use tokio::runtime::Runtime;

use crate::blocking::{Ticks, ticker};
use crate::legacy::blocking_call;

// ANCHOR: blocking_task
/// A ticker ticks every `period` while *another task* blocks its thread
/// for `block`, on the current runtime; returns what the ticker saw.
pub async fn ticker_beside_blocking_task(
    block: Duration,
    period: Duration,
) -> Ticks {
    let stop = Arc::new(AtomicBool::new(false));
    let ticks = tokio::spawn(ticker(period, stop.clone(), Timeline::new()));
    tokio::task::yield_now().await; // let the ticker start
    // The mistake, in a task of its own: a blocking call with no `.await`.
    tokio::spawn(async move { blocking_call(block) })
        .await
        .expect("the blocking task panicked");
    stop.store(true, Ordering::SeqCst);
    ticks.await.expect("the ticker panicked")
}
// ANCHOR_END: blocking_task

/// The ticker's largest gap in each of `rounds` runs, each on a fresh
/// runtime from `runtime`. One round on the real clock says little: how
/// late a thread gets the CPU depends on what else the cores are doing.
pub fn largest_gaps(
    rounds: usize,
    runtime: impl Fn() -> Runtime,
    block: Duration,
    period: Duration,
) -> Vec<Duration> {
    (0..rounds)
        .map(|_| {
            runtime()
                .block_on(ticker_beside_blocking_task(block, period))
                .largest_gap
        })
        .collect()
}

/// The middle value: one unlucky round does not move it.
pub fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}
