//! A periodic task with a stop signal: `interval` and a token in `select!`.
//!
//! Python writes `while not stop.is_set(): beat(); await asyncio.sleep(p)`,
//! which drifts (each pause starts after the beat) and notices the stop
//! only after a full pause. `tokio::time::interval` ticks on a fixed
//! schedule, and racing it against `CancellationToken::cancelled()` stops
//! the loop the moment the token is cancelled, between beats.

use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: every
/// Calls `beat(n)` every `period`, n = 1, 2, …, until `stop` is cancelled.
/// A beat in progress is finished. Returns how many beats ran.
pub async fn every(
    period: Duration,
    stop: &CancellationToken,
    mut beat: impl AsyncFnMut(u32),
) -> u32 {
    let mut ticks = interval(period); // the first tick is immediate
    // A beat that overran its period skips the ticks it missed: one late
    // beat at once, then back on the schedule. The default (`Burst`)
    // would fire every missed tick back to back to catch up.
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut beats = 0;
    loop {
        tokio::select! {
            // Stop first: if the stop and a tick are both ready, stop.
            biased;
            () = stop.cancelled() => return beats,
            _ = ticks.tick() => {
                beats += 1;
                beat(beats).await;
            }
        }
    }
}
// ANCHOR_END: every

/// [`every`] without `biased;`: when the stop and a tick are both ready,
/// `select!` picks one at random.
pub async fn every_unbiased(
    period: Duration,
    stop: &CancellationToken,
    mut beat: impl AsyncFnMut(u32),
) -> u32 {
    let mut ticks = interval(period);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut beats = 0;
    loop {
        tokio::select! {
            () = stop.cancelled() => return beats,
            _ = ticks.tick() => {
                beats += 1;
                beat(beats).await;
            }
        }
    }
}

/// Which loop to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    Biased,
    Unbiased,
}

// ANCHOR: stop_on_a_tick
/// Beats every `period` (each beat does nothing) and cancels the token at
/// `stop_at`. Returns the number of beats.
pub async fn stop_at(
    period: Duration,
    stop_at: Duration,
    select: Select,
) -> u32 {
    let stop = CancellationToken::new();
    let stopper = async {
        sleep(stop_at).await;
        stop.cancel();
    };
    let beater = async {
        match select {
            Select::Biased => every(period, &stop, async |_| {}).await,
            Select::Unbiased => {
                every_unbiased(period, &stop, async |_| {}).await
            }
        }
    };
    // `futures::join!` polls in order, every time: at an instant when
    // both timers are due, the stopper cancels before the beater looks.
    let ((), beats) = futures::join!(stopper, beater);
    beats
}
// ANCHOR_END: stop_on_a_tick

/// Beats every `period` until `stop_after`; beat `slow` takes `slow_for`,
/// the others are instant. Returns when each beat started, from the start.
pub async fn beat_times(
    period: Duration,
    stop_after: Duration,
    slow: u32,
    slow_for: Duration,
) -> Vec<Duration> {
    let start = Instant::now();
    let stop = CancellationToken::new();
    let mut times = Vec::new();
    let stopper = async {
        sleep(stop_after).await;
        stop.cancel();
    };
    let beater = every(period, &stop, async |n| {
        times.push(start.elapsed());
        if n == slow {
            sleep(slow_for).await;
        }
    });
    futures::join!(stopper, beater);
    times
}
