//! Pitfall: unbounded concurrency.
//!
//! `for url in urls: create_task(fetch(url))` starts every request at
//! once: ten thousand URLs, ten thousand sockets, and a server that
//! answers "too many requests" (or a machine out of file descriptors).
//! Cap the number in flight: a `Semaphore` (lesson 05) around each task,
//! or `buffer_unordered(n)` over a stream of futures (lesson 04).

use std::sync::Arc;
use std::time::Duration;

use kit::InFlight;
use tokio::sync::Semaphore;
use tokio::time::sleep;

// ANCHOR: unbounded
/// The mistake: a task per job, all started at once.
pub async fn all_at_once(jobs: usize, each: Duration) -> usize {
    let counter = InFlight::new(); // lesson 05's gauge, from the kit
    let tasks: Vec<_> = (0..jobs)
        .map(|_| tokio::spawn(counter.track(sleep(each))))
        .collect();
    for task in tasks {
        task.await.expect("no panic");
    }
    counter.max()
}
// ANCHOR_END: unbounded

// ANCHOR: capped
/// The fix: each task holds a permit while it works; only `limit`
/// permits exist, so only `limit` jobs are ever in flight.
pub async fn capped(jobs: usize, each: Duration, limit: usize) -> usize {
    let counter = InFlight::new();
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = (0..jobs)
        .map(|_| {
            let (counter, permits) = (counter.clone(), permits.clone());
            tokio::spawn(async move {
                let _permit = permits.acquire().await.expect("never closed");
                counter.track(sleep(each)).await;
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("no panic");
    }
    counter.max()
}
// ANCHOR_END: capped
