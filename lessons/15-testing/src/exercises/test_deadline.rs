//! Exercise 15-test-deadline (warm-up): write the test.
//!
//! This time the code exists and the test does not. A [`Deadline`] runs
//! some work for at most a time limit, like Python's
//!
//! ```python
//! async def within(limit, work):
//!     try:
//!         return await asyncio.wait_for(work, limit)
//!     except TimeoutError:
//!         return None
//! ```
//!
//! `subject.within(limit, work).await` must give:
//!
//! - for work that takes longer than `limit`: `None`, exactly at `limit`;
//! - for work that finishes in time: `Some(its output)`, as soon as the
//!   work is done (not at the limit);
//! - and work it gave up on is cancelled: it never finishes afterwards.
//!
//! Write `check`: it uses `subject`, and panics (`assert!`, `assert_eq!`)
//! if `subject` breaks any of that. The course runs your `check` on a fresh
//! runtime with the clock paused, as `#[tokio::test(start_paused = true)]`
//! would (so do not call `pause()` yourself): against the correct
//! implementation, where it must pass, and against four subtly broken
//! ones, where it must panic. Each broken one still returns the right
//! values in the easy case. Avoid work that ends at exactly the limit:
//! which of the two wins such a tie is not a promise.
//!
//! The tests are the `test_deadline` module of `tests/exercises.rs`.
//!
//! Check it: `cargo run -p course -- check 15-test-deadline`

use crate::deadline::Deadline;

/// Panics unless `subject` keeps the contract above.
pub async fn check<D: Deadline>(subject: D) {
    todo!()
}
