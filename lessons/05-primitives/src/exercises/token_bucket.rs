//! Exercise 05-token-bucket (challenge).
//!
//! A limiter for calls to an API that allows bursts but a steady rate, and
//! that must not have too many calls open at once. `run(call)` waits until
//! `call` may start, runs it, and returns its output. Two limits hold
//! together:
//!
//! - **a cap**: at most `in_flight` calls run at the same time;
//! - **a token bucket** on the starts: up to `burst` calls may start at
//!   once; after that, one per `1 / per_second`. While idle, the bucket
//!   earns `per_second` tokens a second (fractions too), never holding more
//!   than `burst`. So in any stretch of time T, at most
//!   `burst + per_second × T` calls start.
//!
//! A caller that gives up while it waits (its `run` future dropped by a
//! timeout or a `select!`) spends nothing: no slot in flight, no token.
//! The limiter is shared by spawned tasks (behind an `Arc`), so it must be
//! `Send + Sync`.
//!
//! The Python callers it serves:
//!
//! ```python
//! limiter = Limiter(in_flight=3, burst=5, per_second=10)
//!
//! async def fetch(i):
//!     async with limiter:        # waits for both limits
//!         return await client.get(f"/items/{i}")
//! ```
//!
//! The tests (`tests/exercises.rs`, module `token_bucket`), on the paused
//! clock, allowing 2 ms of rounding per start: 25 calls at once through
//! `new(100, 5, 10)` start five at 0 s, then one every 0.1 s up to 2.0 s;
//! ten 1 s calls through `new(3, 100, 1000)` never run more than 3 at once
//! and take 4 s; through `new(3, 1, 10)`, when three calls end at the same
//! moment, the three that were waiting start 100 ms apart, not together;
//! after 10 s idle, a burst of 5 goes at once and the 6th waits 100 ms;
//! 250 ms after the bucket emptied, 2 calls go at once and the next 2 at 50
//! and 150 ms; a caller that gave up does not delay the next one.
//!
//! Check it: `cargo run -p course -- check 05-token-bucket`

use std::future::Future;

/// A cap on calls in flight and a token bucket on their starts.
#[derive(Debug)]
pub struct Limiter {}

impl Limiter {
    /// At most `in_flight` calls at once; starts: bursts up to `burst`,
    /// refilling at `per_second`.
    pub fn new(in_flight: usize, burst: u32, per_second: u32) -> Self {
        todo!()
    }

    /// Waits until `call` may start under both limits, then runs it.
    pub async fn run<F: Future>(&self, call: F) -> F::Output {
        todo!()
    }
}
