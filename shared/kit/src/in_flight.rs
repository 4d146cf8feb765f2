//! A gauge of work in flight: how many jobs run now, and the most at once.
//!
//! Lesson 05 builds it to watch a `Semaphore` hold its limit; the later
//! lessons (and many exercise tests) use it from here to ask the same
//! question of their own code: "how many ran together?"

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: gauge
/// How many jobs are in flight now, and the most there ever were.
/// Clones share one count, so each task can hold its own handle.
#[derive(Debug, Clone, Default)]
pub struct InFlight {
    counts: Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl InFlight {
    /// A gauge at zero.
    pub fn new() -> Self {
        Self::default()
    }

    /// A job starts. It is counted until the guard is dropped: at the end,
    /// on an early return, on a panic, or when its task is cancelled.
    pub fn enter(&self) -> InFlightGuard {
        // Relaxed is enough: each counter is one atomic, and the
        // read-modify-writes on one atomic happen in a single order
        // whatever the ordering, so `now` counts exactly and `max` sees
        // every value of it. No other data is handed over through them.
        let now = self.counts.now.fetch_add(1, Ordering::Relaxed) + 1;
        self.counts.max.fetch_max(now, Ordering::Relaxed);
        InFlightGuard {
            counts: self.counts.clone(),
        }
    }

    /// Jobs in flight right now.
    pub fn now(&self) -> usize {
        self.counts.now.load(Ordering::Relaxed)
    }

    /// The most jobs that were ever in flight at once.
    pub fn max(&self) -> usize {
        self.counts.max.load(Ordering::Relaxed)
    }
}

/// One job in flight; dropping it counts the job out.
#[derive(Debug)]
#[must_use = "the job is counted out as soon as the guard is dropped"]
pub struct InFlightGuard {
    counts: Arc<Counts>,
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        self.counts.now.fetch_sub(1, Ordering::Relaxed);
    }
}
// ANCHOR_END: gauge

// ANCHOR: track
impl InFlight {
    /// `fut`, counted in flight from its first poll to its end (or drop).
    /// The returned future owns a handle, so it can be spawned.
    pub fn track<F>(&self, fut: F) -> impl Future<Output = F::Output> + use<F>
    where
        F: Future,
    {
        let gauge = self.clone();
        async move {
            let _counted = gauge.enter();
            fut.await
        }
    }
}
// ANCHOR_END: track

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timing::{measure, ms};
    use futures::future::join_all;
    use tokio::time::sleep;

    #[test]
    fn guards_count_in_and_out_and_the_max_stays() {
        let gauge = InFlight::new();
        let a = gauge.enter();
        let b = gauge.clone().enter(); // a clone shares the count
        assert_eq!((gauge.now(), gauge.max()), (2, 2));
        drop(a);
        assert_eq!((gauge.now(), gauge.max()), (1, 2));
        drop(b);
        let _c = gauge.enter();
        assert_eq!((gauge.now(), gauge.max()), (1, 2));
    }

    #[tokio::test(start_paused = true)]
    async fn track_counts_while_the_future_runs() {
        let gauge = InFlight::new();
        let jobs = (1..=3).map(|i| gauge.track(sleep(ms(100 * i))));
        let (_, took) = measure(join_all(jobs)).await;
        assert_eq!(took, ms(300));
        assert_eq!((gauge.now(), gauge.max()), (0, 3));
    }

    #[tokio::test(start_paused = true)]
    async fn a_tracked_future_is_counted_from_its_first_poll() {
        let gauge = InFlight::new();
        let job = gauge.track(sleep(ms(10)));
        assert_eq!(gauge.max(), 0, "created, not yet polled");
        tokio::spawn(job).await.unwrap();
        assert_eq!((gauge.now(), gauge.max()), (0, 1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_cancelled_job_is_counted_out() {
        let gauge = InFlight::new();
        let task = tokio::spawn(gauge.track(sleep(ms(1000))));
        sleep(ms(1)).await;
        assert_eq!(gauge.now(), 1);
        task.abort();
        let _ = task.await;
        assert_eq!((gauge.now(), gauge.max()), (0, 1));
    }
}
