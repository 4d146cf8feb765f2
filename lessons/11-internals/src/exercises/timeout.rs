//! Exercise 11-timeout (core).
//!
//! Give the lesson's own runtime its `asyncio.wait_for(aw, timeout)`:
//! `timeout(limit, fut)` runs `fut`; if it finishes within `limit`, return
//! `Ok(its output)`, as soon as it finishes. If `limit` passes first,
//! return `Err(Elapsed)` at once, and drop `fut` (that cancels it).
//!
//! It must work on the lesson's runtime (`lesson_11_internals::runtime`),
//! whose clock is the real one; tokio's `timeout` will not do, it needs a
//! tokio runtime.
//!
//! The tests (the `timeout` module of
//! `lessons/11-internals/tests/exercises.rs`) check that:
//! - a 1 s job under a 50 ms limit fails at 50 ms (at least 50, at most
//!   the course's real-clock margin, 325 ms), and the job is dropped then;
//! - a 20 ms job under a 1 s limit returns its value at about 20 ms;
//! - a job whose value is ready on its first poll, under a limit of 0,
//!   returns `Ok` (a value that is there is never thrown away);
//! - a job that sleeps three times under a long limit is polled exactly 4
//!   times: once to start and once per wake, never in a loop.
//!
//! Check it: `cargo run -p course -- check 11-timeout`

use std::future::Future;
use std::time::Duration;

/// The limit passed before the future finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

/// Runs `fut` for at most `limit`.
pub async fn timeout<F: Future>(
    limit: Duration,
    fut: F,
) -> Result<F::Output, Elapsed> {
    todo!()
}
