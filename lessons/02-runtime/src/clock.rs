//! `loop.time()`: tokio's clock, and the paused clock the tests use.
//!
//! `tokio::time::Instant::now()` is the runtime's clock. Normally it is the
//! system's monotonic clock; on a runtime built with `start_paused(true)`
//! (a test helper behind tokio's `test-util` feature) time stands still and
//! jumps straight to the next timer whenever every task is waiting. Timers,
//! `sleep_until` deadlines and `Instant` all follow it; `std::time::Instant`
//! does not.

use std::time::Duration;

use kit::timing::measure_blocking;
use tokio::runtime::Builder;
use tokio::time::{Instant, sleep};

// ANCHOR: paused
/// Sleeps for an hour on a paused-clock runtime. Returns the time tokio's
/// clock saw and the time the wall clock saw.
pub fn an_hour_in_a_blink() -> (Duration, Duration) {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a runtime");
    // measure_blocking times on the wall clock (std's, which never pauses).
    measure_blocking(|| {
        runtime.block_on(async {
            let start = Instant::now(); // loop.time()
            sleep(Duration::from_secs(3600)).await;
            start.elapsed()
        })
    })
}
// ANCHOR_END: paused

// ANCHOR: ties
/// Two tasks whose timers fall due at the same instant. Returns when each
/// one woke, on tokio's clock, in the order they happened to run.
pub async fn two_timers_at_once(delay: Duration) -> Vec<(char, Duration)> {
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for name in ['a', 'b'] {
        tasks.spawn(async move {
            sleep(delay).await;
            (name, start.elapsed())
        });
    }
    // Both wake at the same virtual instant. Which task *runs* first is
    // the scheduler's business, and tokio does not promise an order.
    tasks.join_all().await
}
// ANCHOR_END: ties
