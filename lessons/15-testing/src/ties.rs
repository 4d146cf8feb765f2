//! Two timers due at the same instant.
//!
//! On the paused clock two sleeps of exactly 1 s end at exactly the same
//! virtual instant. Both fire in the same turn of the timer driver, and
//! which task the scheduler then polls first is an implementation detail:
//! tokio documents no order ("the runtime is free to poll them in any
//! order", says `advance`). A test that asserts `["a", "b"]` here may pass
//! today and fail after a tokio upgrade, or when one side becomes a spawned
//! task instead of a joined future.
//!
//! So assert what the code promises — both finished, both at 1 s, the set
//! of results — or make the deadlines differ (1 s and 1.001 s) when the
//! order is the point.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::{Instant, sleep};

/// Who finished, and when (since the start).
pub type Finishes = Vec<(&'static str, Duration)>;

// ANCHOR: tie
/// Spawns one task per name, each sleeping `delay`, and returns who
/// finished when, in the order they finished.
pub async fn race_to_a_tie(
    names: &[&'static str],
    delay: Duration,
) -> Finishes {
    let start = Instant::now();
    let finishes = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = tokio::task::JoinSet::new();
    for &name in names {
        let finishes = finishes.clone();
        tasks.spawn(async move {
            sleep(delay).await;
            finishes.lock().unwrap().push((name, start.elapsed()));
        });
    }
    tasks.join_all().await;
    finishes.lock().unwrap().clone()
}
// ANCHOR_END: tie
