//! Pitfall: unbounded concurrency.
//!
//! `for url in urls: create_task(fetch(url))` starts every request at
//! once: ten thousand URLs, ten thousand sockets, and a server that
//! answers "too many requests" (or a machine out of file descriptors).
//! Cap the number in flight: a `Semaphore` (lesson 05) around each task,
//! or `buffer_unordered(n)` over a stream of futures (lesson 04).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::time::sleep;

/// Counts jobs in flight and the most there ever were.
#[derive(Debug, Default)]
pub struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    /// One job of `each`, counted while it runs.
    async fn job(&self, each: Duration) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        sleep(each).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    /// The most jobs that were ever in flight at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}

// ANCHOR: unbounded
/// The mistake: a task per job, all started at once.
pub async fn all_at_once(jobs: usize, each: Duration) -> usize {
    let counter = Arc::new(InFlight::default());
    let tasks: Vec<_> = (0..jobs)
        .map(|_| {
            let counter = counter.clone();
            tokio::spawn(async move { counter.job(each).await })
        })
        .collect();
    for task in tasks {
        task.await.expect("no panic");
    }
    counter.peak()
}
// ANCHOR_END: unbounded

// ANCHOR: capped
/// The fix: each task holds a permit while it works; only `limit`
/// permits exist, so only `limit` jobs are ever in flight.
pub async fn capped(jobs: usize, each: Duration, limit: usize) -> usize {
    let counter = Arc::new(InFlight::default());
    let permits = Arc::new(Semaphore::new(limit));
    let tasks: Vec<_> = (0..jobs)
        .map(|_| {
            let (counter, permits) = (counter.clone(), permits.clone());
            tokio::spawn(async move {
                let _permit = permits.acquire().await.expect("never closed");
                counter.job(each).await;
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("no panic");
    }
    counter.peak()
}
// ANCHOR_END: capped
