//! Exercise 13-retry (core): retries a busy service can survive.
//!
//! `retry(policy, budget, rng, op)` calls `op` until it succeeds, under
//! four rules at once:
//!
//! 1. **Only what can succeed next time is retried.** `Failure::Fatal` (a
//!    400: it fails the same way every time) ends the call at once with
//!    `GaveUp::Fatal`. `Failure::Retryable` (a 503, a reset connection) is
//!    retried.
//! 2. **Backoff with seeded jitter.** The pause before retry `n` (0 for the
//!    first retry) is `policy.backoff.pause(n, rng)`, the chapter's policy:
//!    ceiling `min(cap, base × 2ⁿ)`, full jitter drawn from the `rng` you
//!    are given, one draw per pause, in order. A seeded `rng` makes the
//!    whole schedule exact.
//! 3. **One deadline for everything.** `policy.deadline`, counted from the
//!    call, bounds the tries *and* the pauses. Each try also has its own
//!    limit, `policy.per_try` from its start, and gets whichever ends
//!    first. A try cut by its own limit is a retryable failure; a try cut
//!    by the deadline ends the call with `GaveUp::Deadline`. A pause that
//!    would end at or after the deadline is not taken: give up at once,
//!    `GaveUp::Deadline`. A try that is cut short is dropped, not left
//!    running.
//! 4. **One retry budget, shared.** Every call given the same `RetryBudget`
//!    takes its retries from it (a call's first try is free). After a
//!    retryable failure, take one retry from the budget, then draw the
//!    pause. When the budget is empty, end the call at once with
//!    `GaveUp::BudgetSpent` and that failure's message ("timed out" for a
//!    try cut by its own limit). A thousand clients failing together then
//!    retry `retries` times in all, not a thousand times each.
//!
//! `tries` in `GaveUp` counts the calls of `op` made, the last one too.
//!
//! The tests (`lessons/13-patterns/tests/exercises.rs`, paused clock) use
//! base 100 ms, cap 400 ms, full jitter, `StdRng::seed_from_u64(7)` and
//! time every call: three 503s then a success follow the seeded pauses
//! exactly; a 400 is called once; a try that hangs is cut at `per_try`
//! (300 ms) and dropped; a service that never answers, under a 1 s
//! deadline with 400 ms per try, gives up by 1 s, never later; two calls
//! sharing a budget of 3 retries make 5 calls of `op` in all.
//!
//! Check it: `cargo run -p course -- check 13-retry`

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::backoff::Backoff;

/// Why one call of `op` failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth another try: a timeout, a 503, a reset connection.
    Retryable(String),
    /// Not worth it: a 400 fails the same way every time.
    Fatal(String),
}

/// How to retry.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// The pauses between tries.
    pub backoff: Backoff,
    /// The limit of one try, from its start.
    pub per_try: Duration,
    /// The limit of the whole call, tries and pauses, from its start.
    pub deadline: Duration,
}

/// Why `retry` gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GaveUp {
    /// A fatal failure, which is not retried.
    Fatal { tries: u32, error: String },
    /// The deadline cut a try short, or the next pause would reach it.
    Deadline { tries: u32 },
    /// A retryable failure, with no retry left in the shared budget.
    BudgetSpent { tries: u32, last: String },
}

/// Retries shared by every call that is given the same budget.
#[derive(Debug)]
pub struct RetryBudget {
    left: AtomicU32,
}

impl RetryBudget {
    /// A budget of `retries` retries in all.
    pub fn new(retries: u32) -> RetryBudget {
        RetryBudget {
            left: AtomicU32::new(retries),
        }
    }

    /// How many retries are left.
    pub fn left(&self) -> u32 {
        self.left.load(Ordering::SeqCst)
    }
}

/// `op`'s first success, or why it gave up.
pub async fn retry<T, F, Fut>(
    policy: Policy,
    budget: &RetryBudget,
    rng: &mut impl rand::Rng,
    op: F,
) -> Result<T, GaveUp>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Failure>>,
{
    todo!()
}
