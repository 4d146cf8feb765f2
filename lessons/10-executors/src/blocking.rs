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

use kit::Timeline;
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
/// Each sleep is a row on `timeline`: from going to sleep to running again.
pub async fn ticker(
    period: Duration,
    stop: Arc<AtomicBool>,
    timeline: Timeline,
) -> Ticks {
    let mut ticks = Ticks {
        count: 0,
        largest_gap: Duration::ZERO,
    };
    let mut last = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        let row = timeline.start(format!("sleep {}", ticks.count + 1));
        sleep(period).await;
        row.end();
        let now = Instant::now();
        ticks.largest_gap = ticks.largest_gap.max(now - last);
        ticks.count += 1;
        last = now;
    }
    ticks
}
// ANCHOR_END: ticker

/// [`ticker_during_call_drawn`], on a timeline nobody looks at.
pub async fn ticker_during_call(
    placement: Placement,
    call: Duration,
    period: Duration,
) -> Ticks {
    ticker_during_call_drawn(&Timeline::new(), placement, call, period).await
}

// ANCHOR: offload
/// Runs a blocking call of `call` while a ticker ticks every `period`, on
/// the current runtime, and returns what the ticker saw.
pub async fn ticker_during_call_drawn(
    timeline: &Timeline,
    placement: Placement,
    call: Duration,
    period: Duration,
) -> Ticks {
    let stop = Arc::new(AtomicBool::new(false));
    let ticks = tokio::spawn(ticker(period, stop.clone(), timeline.clone()));
    tokio::task::yield_now().await; // let the ticker start

    match placement {
        // Holds this thread: no other task on it runs until it returns.
        InPlace => {
            let in_place = async { blocking_call(call) };
            timeline.track("call in place", in_place).await;
        }
        // Runs on a thread of the blocking pool; this task waits at
        // `.await` like at any other I/O, and the thread is free.
        Offloaded => {
            let job = tokio::task::spawn_blocking(move || blocking_call(call));
            timeline
                .track("call in spawn_blocking", job)
                .await
                .expect("the blocking call panicked");
        }
    }

    stop.store(true, Ordering::SeqCst);
    ticks.await.expect("the ticker panicked")
}
// ANCHOR_END: offload
