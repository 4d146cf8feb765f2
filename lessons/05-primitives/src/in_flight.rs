//! A counter of jobs in flight, and the most there ever were at once.
//!
//! The semaphore demos use it to show a limit holding: each job bumps it on
//! entry and lowers it on exit. Atomics need no lock and no `.await`.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many jobs are running now, and the peak so far.
#[derive(Debug, Default)]
pub struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    /// A job starts: count it and keep the peak up to date.
    pub fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
    }

    /// A job ends.
    pub fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    /// The most jobs that were ever running at once.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}
