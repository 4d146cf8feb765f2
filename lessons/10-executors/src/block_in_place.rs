//! `block_in_place`: block right here, but let the runtime move this
//! worker's other tasks elsewhere first.
//!
//! On the multi-threaded runtime, `block_in_place(f)` turns the current
//! worker thread into a blocking thread for the length of `f` and hands
//! its queue to a fresh worker, so other tasks keep running. Unlike
//! `spawn_blocking`, `f` may borrow local data (nothing is `'static`).
//! On the current-thread runtime there is nowhere to move the tasks, and
//! tokio panics instead of stalling silently.

use std::time::Duration;

use crate::legacy::LegacyDb;

// ANCHOR: block_in_place
/// Looks `keys` up with a blocking library, right in this task. The
/// closure borrows `db` and `keys`: no clone, no `'static` needed.
pub async fn lookup_in_place(db: &LegacyDb, keys: &[&str]) -> Vec<String> {
    tokio::task::block_in_place(|| {
        keys.iter().map(|key| db.lookup(key)).collect()
    })
}
// ANCHOR_END: block_in_place

/// A lookup service for the demo: 50 ms per lookup.
pub fn demo_db() -> LegacyDb {
    LegacyDb::new(Duration::from_millis(50))
}
