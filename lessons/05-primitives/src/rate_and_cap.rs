//! A rate limit and a cap on calls in flight, together: the order matters.
//!
//! Each limit alone is a chapter section already: the interval
//! [`RateLimiter`] spaces starts, a `Semaphore` caps how many run. Put both
//! in front of one call and there are two waits, in one of two orders.
//!
//! - **Permit first, then the rate slot, then start.** The slot is taken at
//!   the moment the call starts, so the starts are spaced as the limiter
//!   says.
//! - **Rate slot first, then the permit.** A caller takes its slot and then
//!   waits, maybe a long time, for a permit. The slot was spent back then;
//!   when permits come free, callers holding old slots start all at once,
//!   faster than the rate.

use std::future::Future;
use std::time::Duration;

use crate::rate_limiter::RateLimiter;
use futures::future::join_all;
use kit::InFlight;
use tokio::sync::Semaphore;
use tokio::time::{Instant, sleep};

// ANCHOR: permit_first
/// Runs `call` under both limits: a permit first, then the rate slot, and
/// the call starts right after the slot.
pub async fn permit_then_slot<F: Future>(
    cap: &Semaphore,
    rate: &RateLimiter,
    call: F,
) -> F::Output {
    let _permit = cap.acquire().await.expect("never closed");
    rate.acquire().await; // taken at the moment the call starts
    call.await
} // the permit goes back here
// ANCHOR_END: permit_first

// ANCHOR: slot_first
/// The wrong order: the rate slot first, then the permit.
pub async fn slot_then_permit<F: Future>(
    cap: &Semaphore,
    rate: &RateLimiter,
    call: F,
) -> F::Output {
    rate.acquire().await; // the slot is spent now...
    let _permit = cap.acquire().await.expect("never closed");
    call.await // ...but the call may start much later
}
// ANCHOR_END: slot_first

/// Which of the two orders [`run_calls`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// [`permit_then_slot`]: right.
    PermitFirst,
    /// [`slot_then_permit`]: wrong.
    SlotFirst,
}

/// What [`run_calls`] saw.
#[derive(Debug)]
pub struct Run {
    /// When each call started, from the beginning of the run, in order.
    pub starts: Vec<Duration>,
    /// The most calls that were in flight at once.
    pub peak: usize,
}

/// One call for each entry of `durations`, all at once, under
/// `per_second` and a cap of `cap`, with the limits taken in `order`.
pub async fn run_calls(
    order: Order,
    per_second: u32,
    cap: usize,
    durations: &[Duration],
) -> Run {
    let (rate, permits) = (RateLimiter::new(per_second), Semaphore::new(cap));
    let running = InFlight::new();
    let begin = Instant::now();
    let call = |work: Duration| {
        let running = &running;
        async move {
            let started = begin.elapsed();
            running.track(sleep(work)).await;
            started
        }
    };
    let calls = durations.iter().map(|&work| {
        let (rate, permits) = (&rate, &permits);
        async move {
            match order {
                Order::PermitFirst => {
                    permit_then_slot(permits, rate, call(work)).await
                }
                Order::SlotFirst => {
                    slot_then_permit(permits, rate, call(work)).await
                }
            }
        }
    });
    let mut starts = join_all(calls).await;
    starts.sort();
    Run {
        starts,
        peak: running.max(),
    }
}

/// The most starts in any window of length `window`, counted from each
/// start `s` over `[s, s + window)`. (A window that holds the most starts
/// can always be slid right until it opens on one of them.)
pub fn most_starts_within(starts: &[Duration], window: Duration) -> usize {
    let mut sorted = starts.to_vec();
    sorted.sort();
    (0..sorted.len())
        .map(|i| {
            let close = sorted[i] + window;
            sorted[i..].iter().take_while(|&&s| s < close).count()
        })
        .max()
        .unwrap_or(0)
}

/// The chapter's fifty calls: the first three take `slow` and hold every
/// permit for a while; the other 47 take one, two, three and four times
/// `quick` in turn (20, 40, 60 and 80 ms in the chapter).
pub fn fifty_calls(slow: Duration, quick: Duration) -> Vec<Duration> {
    let slow_ones = std::iter::repeat_n(slow, 3);
    let quick_ones = (0..47).map(|i| quick * (i % 4 + 1));
    slow_ones.chain(quick_ones).collect()
}
