//! Rate limiting with `governor`.
//!
//! Chapter 05 writes an interval limiter by hand: one lock, one "last call"
//! time, a sleep. It is twenty lines and fine for one client pacing itself.
//! `governor` implements GCRA, the algorithm behind token buckets, without
//! a lock (one atomic compare-and-swap per check), with bursts, keyed limits
//! (one quota per user or per IP) and a clock you can replace in tests.
//!
//! One caveat for tokio users: governor measures time with its own clock
//! (`quanta`) and waits with `futures-timer`, so tokio's paused test clock
//! does not move it. Its tests use governor's `FakeRelativeClock` instead.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, FakeRelativeClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::time::Instant;

// ANCHOR: quota
/// `per_second` calls a second, and a burst of as many.
pub fn per_second(per_second: u32) -> Quota {
    let n = NonZeroU32::new(per_second).expect("a quota of at least 1");
    Quota::per_second(n)
}

/// Counts, for each of `periods` seconds on a fake clock, how many of
/// `tries` immediate calls the limiter admits; then the clock moves on 1 s.
pub fn admitted_per_second(
    quota: Quota,
    periods: usize,
    tries: usize,
) -> Vec<usize> {
    let clock = FakeRelativeClock::default();
    let limiter = RateLimiter::direct_with_clock(quota, clock.clone());
    let mut admitted = Vec::new();
    for _ in 0..periods {
        // `check` never waits: Ok if a cell is free now, Err(when) if not.
        let ok = (0..tries).filter(|_| limiter.check().is_ok()).count();
        admitted.push(ok);
        clock.advance(Duration::from_secs(1));
    }
    admitted
}
// ANCHOR_END: quota

/// How long after the first denial the limiter says to wait, on a fake
/// clock: GCRA frees one cell every `1 s / per_second`.
pub fn wait_after_burst(quota: Quota) -> Duration {
    let clock = FakeRelativeClock::default();
    let limiter = RateLimiter::direct_with_clock(quota, clock.clone());
    while limiter.check().is_ok() {}
    let denied = limiter.check().expect_err("the burst is used up");
    denied.wait_time_from(clock.now())
}

// ANCHOR: until_ready
/// `calls` calls through `limiter`, each waiting its turn; returns when
/// each was let through, measured from the first.
pub async fn paced_calls(
    limiter: &DefaultDirectRateLimiter,
    calls: usize,
) -> Vec<Duration> {
    let start = Instant::now();
    let mut at = Vec::with_capacity(calls);
    for _ in 0..calls {
        limiter.until_ready().await; // waits on governor's own clock
        at.push(start.elapsed());
    }
    at
}
// ANCHOR_END: until_ready
