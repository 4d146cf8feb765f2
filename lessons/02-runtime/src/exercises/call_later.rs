//! Exercise 02-call-later (core): `loop.call_later` with a cancellable handle.
//!
//! Write `call_later(delay, f)`: schedule the plain function `f` to run once,
//! `delay` from now, on the current tokio runtime, and return a
//! `TimerHandle` (Python's `asyncio.TimerHandle`) that can:
//!
//! - `when()`: say when the call is due, on tokio's clock;
//! - `cancel()`: make sure `f` never runs if it has not run yet (and do
//!   nothing if it already has).
//!
//! One difference from a tokio `JoinHandle` matters here, and Python agrees:
//! *dropping* the `TimerHandle` must not cancel the call. Only `cancel()`
//! does.
//!
//! Check it: `cargo run -p course -- check 02-call-later`

use std::time::Duration;

use tokio::time::Instant;

/// A scheduled call, as returned by [`call_later`].
#[derive(Debug)]
pub struct TimerHandle {
    // Add the fields you need: the deadline, and a way to stop the task.
}

/// Runs `f` once, `delay` from now. Must be called inside a tokio runtime.
pub fn call_later<F>(delay: Duration, f: F) -> TimerHandle
where
    F: FnOnce() + Send + 'static,
{
    todo!()
}

impl TimerHandle {
    /// When the call is due, on tokio's clock.
    pub fn when(&self) -> Instant {
        todo!()
    }

    /// Stops the call if it has not run yet.
    pub fn cancel(&self) {
        todo!()
    }
}
