//! `JoinSet::join_next` and `FuturesUnordered`: Python's `as_completed`.
//!
//! Both hand back results in the order the work *finishes*, so the caller
//! can act on each as soon as it is ready. A `JoinSet` holds spawned tasks
//! (owned, `'static`, possibly on several threads); `FuturesUnordered`
//! holds plain futures polled inside the current task (they may borrow).

use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};
use kit::sim::fetch;
use tokio::task::JoinSet;
use tokio::time::Instant;

use crate::Job;

// ANCHOR: join_set
/// Spawns every job into a `JoinSet` and records when each result arrives.
pub async fn as_completed(jobs: &[Job]) -> Vec<(Duration, String)> {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for &(name, delay) in jobs {
        set.spawn(fetch(name, delay));
    }
    let mut arrivals = Vec::new();
    // `None` once the set is empty: every task has been collected.
    while let Some(joined) = set.join_next().await {
        arrivals.push((start.elapsed(), joined.expect("no task panicked")));
    }
    arrivals
}
// ANCHOR_END: join_set

// ANCHOR: futures_unordered
/// The same without tasks: a `FuturesUnordered` of plain futures is a
/// stream that yields each output as it becomes ready.
pub async fn as_completed_unordered(jobs: &[Job]) -> Vec<(Duration, String)> {
    let start = Instant::now();
    let mut in_flight: FuturesUnordered<_> = jobs
        .iter()
        .map(|&(name, delay)| fetch(name, delay))
        .collect();
    let mut arrivals = Vec::new();
    while let Some(result) = in_flight.next().await {
        arrivals.push((start.elapsed(), result));
    }
    arrivals
}
// ANCHOR_END: futures_unordered
