//! Exercise 16-where-time-goes (challenge, a port): find where the time
//! goes.
//!
//! Port this Python program. It sends `n` requests, each only while it
//! holds a permit of `gate` (a semaphore the whole process shares, so other
//! work may hold some of its permits too), and splits each request's time
//! into waiting for a permit and being served:
//!
//! ```python
//! async def where_time_goes(session, url, n, gate):
//!     submitted = time.perf_counter()
//!
//!     async def timed():
//!         async with gate:
//!             started = time.perf_counter()
//!             async with session.get(url) as r:
//!                 await r.read()
//!                 r.raise_for_status()
//!             return started - submitted, time.perf_counter() - started
//!
//!     parts = await asyncio.gather(*(timed() for _ in range(n)))
//!     wall = time.perf_counter() - submitted
//!     waited = [w for w, _ in parts]
//!     served = [s for _, s in parts]
//!     return dict(requests=n, max_waited=max(waited),
//!                 min_served=min(served), total_served=sum(served),
//!                 wall=wall)
//! ```
//!
//! Return a [`Breakdown`]; a status that is not 2xx is an error. Time
//! with `tokio::time::Instant`.
//!
//! Tests: `where_time_goes` in `tests/exercises.rs`, against the test
//! server: 20 requests of 50 ms through a gate of 4 permits, all 4 held by
//! the test for the first 110 ms. That gives 20 requests, never more than 4
//! in flight and 4 reached, every request served in at least 50 ms, the
//! last ones waiting at least 110 + 4 × 50 ms (counted as 300 ms), and all served times adding
//! up to at most 4 × the wall time (at most 4 are served at any moment, so
//! a served time that includes the wait gives itself away).
//!
//! Check it: `cargo run -p course -- check 16-where-time-goes`

use tokio::sync::Semaphore;

pub use crate::exercises_support::Breakdown;

/// The Python program above, in Rust.
pub async fn where_time_goes(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: &Semaphore,
) -> anyhow::Result<Breakdown> {
    todo!()
}
