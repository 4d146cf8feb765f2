//! Exercise 11-yield-now (warm-up).
//!
//! Write `yield_now()`, Python's `await asyncio.sleep(0)`: a future that
//! gives the other ready tasks a turn, then finishes. Build the future by
//! hand: fill in `YieldNow` (add the fields you need) and its `poll`.
//!
//! The tests run it on the lesson's own runtime
//! (`lesson_11_internals::runtime`):
//! - two tasks that each log a step and yield, three times, interleave:
//!   `a0 b0 a1 b1 a2 b2`;
//! - a task that yields once is polled exactly twice, and the runtime never
//!   has to sleep for it (it parks 0 times);
//! - it works on tokio too.
//!
//! Tests: the `yield_now` module of `lessons/11-internals/tests/exercises.rs`.
//!
//! Check it: `cargo run -p course -- check 11-yield-now`

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The future returned by [`yield_now`].
#[derive(Debug)]
pub struct YieldNow {}

/// Lets the other ready tasks run once, then completes.
pub fn yield_now() -> YieldNow {
    todo!()
}

impl Future for YieldNow {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        todo!()
    }
}
