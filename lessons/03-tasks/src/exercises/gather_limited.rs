//! Exercise 03-gather-limited (core).
//!
//! A `gather` that never runs more than `limit` jobs at once: when one
//! finishes, the next waiting job starts at once (not when a whole batch is
//! done). The results come back in the order of `jobs`, whatever order they
//! finish in. `limit` is at least 1.
//!
//! Ten 1 s jobs under a limit of 3 take exactly 4 s on the paused clock,
//! and a slow job must not hold up the jobs behind it: 3, 1, 1, 1 s under a
//! limit of 2 take 3 s, not 4. (Python would use an `asyncio.Semaphore`
//! around each job; lesson 05 does that. Here, try it without one.)
//!
//! Check it: `cargo run -p course -- check 03-gather-limited`

use std::future::Future;

/// Runs `jobs` with at most `limit` in flight; outputs in input order.
pub async fn gather_limited<F>(jobs: Vec<F>, limit: usize) -> Vec<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    todo!()
}
