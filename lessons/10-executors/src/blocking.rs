//! `spawn_blocking`: Python's `run_in_executor(None, f)` and
//! `asyncio.to_thread(f)`.
//!
//! A task gives its thread back to the runtime only at an `.await` that is
//! not ready. A blocking call has no `.await`: it holds the thread until it
//! returns, and every other task scheduled on that thread waits. A ticker
//! makes that visible: it should tick every few milliseconds, and the
//! largest gap between two ticks is how long the runtime was stalled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep};

use crate::legacy::blocking_call;

/// Where the blocking call runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Right inside the async code: the pitfall.
    InPlace,
    /// On tokio's blocking pool, with `spawn_blocking`: the fix.
    Offloaded,
}
use Placement::{InPlace, Offloaded};

/// What the ticker saw while the blocking call ran.
#[derive(Debug, Clone, Copy)]
pub struct Ticks {
    /// How many ticks it managed.
    pub count: u32,
    /// The longest time between two ticks: how long it was stalled.
    pub largest_gap: Duration,
}

// ANCHOR: ticker
/// Ticks every `period` until `stop` is set; reports what it managed.
async fn ticker(period: Duration, stop: Arc<AtomicBool>) -> Ticks {
    let mut ticks = Ticks {
        count: 0,
        largest_gap: Duration::ZERO,
    };
    let mut last = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        sleep(period).await;
        let now = Instant::now();
        ticks.largest_gap = ticks.largest_gap.max(now - last);
        ticks.count += 1;
        last = now;
    }
    ticks
}
// ANCHOR_END: ticker

// ANCHOR: offload
/// Runs a blocking call of `call` while a ticker ticks every `period`, on
/// the current runtime, and returns what the ticker saw.
pub async fn ticker_during_call(
    placement: Placement,
    call: Duration,
    period: Duration,
) -> Ticks {
    let stop = Arc::new(AtomicBool::new(false));
    let ticks = tokio::spawn(ticker(period, stop.clone()));
    tokio::task::yield_now().await; // let the ticker start

    match placement {
        // Holds this thread: no other task on it runs until it returns.
        InPlace => {
            blocking_call(call);
        }
        // Runs on a thread of the blocking pool; this task waits at
        // `.await` like at any other I/O, and the thread is free.
        Offloaded => {
            tokio::task::spawn_blocking(move || blocking_call(call))
                .await
                .expect("the blocking call panicked");
        }
    }

    stop.store(true, Ordering::SeqCst);
    ticks.await.expect("the ticker panicked")
}
// ANCHOR_END: offload
