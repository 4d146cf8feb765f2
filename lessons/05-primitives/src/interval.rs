//! `tokio::time::interval`: a ticking clock, and what it does after a stall.
//!
//! An `Interval` ticks every `period`; its first tick is immediate. Put one
//! behind a lock and `tick().await` before each call, and it is a rate
//! limiter too. The catch is what happens when nobody ticks for a while:
//! the ticks that should have happened are *missed*, and
//! `MissedTickBehavior` says what to do about them.
//!
//! - `Burst` (the default): fire every missed tick at once, then go on on
//!   the original schedule. As a limiter, that lets a burst through after
//!   an idle spell.
//! - `Delay`: the next tick is one period after now: the schedule shifts.
//! - `Skip`: drop the missed ticks; the next one is on the original grid.

use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval, sleep};

// ANCHOR: missed_ticks
/// Ticks once, stalls for `stall`, then takes `ticks` more ticks. Returns
/// when each of those came, measured from the start.
pub async fn ticks_after_stall(
    behavior: MissedTickBehavior,
    period: Duration,
    stall: Duration,
    ticks: usize,
) -> Vec<Duration> {
    let start = Instant::now();
    let mut clock = interval(period);
    clock.set_missed_tick_behavior(behavior);
    clock.tick().await; // the first tick is immediate
    sleep(stall).await; // busy elsewhere: ticks are missed
    let mut seen = Vec::new();
    for _ in 0..ticks {
        clock.tick().await;
        seen.push(start.elapsed());
    }
    seen
}
// ANCHOR_END: missed_ticks
