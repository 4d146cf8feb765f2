//! When `std::sync::Mutex` is the better choice.
//!
//! tokio's own docs say it plainly: an async mutex is only needed when the
//! guard must be held across an `.await`. For data touched briefly — bump a
//! counter, insert into a map — the standard mutex is faster and simpler,
//! and it is fine inside async code, as long as the guard is dropped before
//! the next `.await`. The safest way to guarantee that is to hide the lock
//! behind plain (non-async) methods: there is no `.await` inside them to
//! hold a guard across.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: stats
/// Page-hit counts shared by many tasks, behind a std `Mutex`.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    hits: Arc<Mutex<BTreeMap<&'static str, u32>>>,
}

impl Stats {
    // A task that panicked while holding the lock poisons it; the counts
    // are still usable, so take them anyway.
    fn lock(&self) -> MutexGuard<'_, BTreeMap<&'static str, u32>> {
        self.hits.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Counts one hit. Not `async`: the guard cannot outlive this call.
    pub fn record(&self, page: &'static str) {
        *self.lock().entry(page).or_default() += 1;
    }

    /// A copy of the counts so far.
    pub fn snapshot(&self) -> BTreeMap<&'static str, u32> {
        self.lock().clone()
    }
}
// ANCHOR_END: stats

// ANCHOR: serve
/// Serves each request after `delay` (the await), then records the hit.
pub async fn serve_all(
    stats: &Stats,
    requests: &[&'static str],
    delay: Duration,
) {
    let mut tasks = JoinSet::new();
    for &page in requests {
        let stats = stats.clone();
        tasks.spawn(async move {
            sleep(delay).await; // the slow part: no lock held here
            stats.record(page); // the quick part: lock, bump, unlock
        });
    }
    tasks.join_all().await;
}
// ANCHOR_END: serve
