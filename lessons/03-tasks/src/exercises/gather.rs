//! Exercise 03-gather (warm-up).
//!
//! Fetch every `(name, delay)` job with `kit::sim::fetch`, all at the same
//! time, but give each fetch its own time `limit`: a fetch still running
//! when its limit is up is given up on (cancelled) and its result is
//! `None`; the others keep theirs. The results come in the order of
//! `jobs`, not the order they finish. In Python:
//!
//! ```python
//! async def fetch_or_none(name, delay, limit):
//!     try:
//!         return await asyncio.wait_for(fetch(name, delay), limit)
//!     except asyncio.TimeoutError:
//!         return None
//!
//! async def gather_within(jobs, limit):
//!     return await asyncio.gather(
//!         *(fetch_or_none(name, delay, limit) for name, delay in jobs))
//! ```
//!
//! The tests run on tokio's paused clock: a hundred 1 s fetches take
//! exactly 1 s, and fetches of 1 s, 3 s and 0.5 s under a 2 s limit give
//! `[Some(..), None, Some(..)]` in exactly 2 s.
//!
//! Check it: `cargo run -p course -- check 03-gather`

use std::time::Duration;

use kit::sim::fetch;

/// Fetches every `(name, delay)` concurrently, each given up on after
/// `limit`; results in input order.
pub async fn gather_within(
    jobs: &[(&str, Duration)],
    limit: Duration,
) -> Vec<Option<String>> {
    todo!()
}
