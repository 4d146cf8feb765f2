//! Exercise 15-test-retry (core): write the test.
//!
//! A [`Retry`] calls an operation until it succeeds, with exponential
//! backoff, like this Python:
//!
//! ```python
//! async def retry(attempts, first_delay, op):
//!     delay = first_delay
//!     for attempt in range(1, attempts + 1):
//!         try:
//!             return await op()
//!         except Exception:
//!             if attempt == attempts:
//!                 raise
//!             await asyncio.sleep(delay)
//!             delay *= 2
//! ```
//!
//! `subject.retry(attempts, first_delay, op).await` must:
//!
//! - call `op` up to `attempts` times, and return its first `Ok`;
//! - wait `first_delay` after the first failure, then double it each time:
//!   with 100 ms, the attempts start at 0, 100, 300 and 700 ms;
//! - when every attempt fails, return the *last* error, at once (no wait
//!   after the last attempt: 4 failed attempts end at 700 ms).
//!
//! Write `check`: it uses `subject` and panics if `subject` breaks any of
//! that. The course runs it (clock paused, fresh runtime each time) on the
//! correct implementation, where it must pass, and on six subtly broken
//! ones, where it must panic.
//!
//! The tests are the `test_retry` module of `tests/exercises.rs`.
//!
//! Check it: `cargo run -p course -- check 15-test-retry`

use crate::retry::Retry;

/// Panics unless `subject` keeps the contract above.
pub async fn check<R: Retry>(subject: R) {
    todo!()
}
