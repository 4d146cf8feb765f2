//! Exercise 04-limited-fetch (core): the first few results, a few at a time.
//!
//! Write `first_to_finish(backend, jobs, limit, n)`: fetch the `(name,
//! delay)` jobs with `backend.fetch(name, delay)`, never more than `limit`
//! at the same time (the backend counts), starting the next job as soon as
//! a slot is free — and return the first `n` results *to finish*, in the
//! order they finish. Once `n` results are in, stop: the fetches still
//! running are cancelled, and the jobs not yet started are never started.
//! Fewer than `n` jobs: all their results.
//!
//! In Python this is a semaphore around each fetch, `as_completed`, a
//! `break` after `n` results, and a loop that cancels the rest:
//!
//! ```python
//! sem = asyncio.Semaphore(limit)
//! async def one(name, delay):
//!     async with sem:
//!         return await backend.fetch(name, delay)
//! tasks = [asyncio.create_task(one(n, d)) for n, d in jobs]
//! results = []
//! for next_done in asyncio.as_completed(tasks):
//!     results.append(await next_done)
//!     if len(results) == n:
//!         break
//! for t in tasks:
//!     t.cancel()
//! ```
//!
//! With jobs a 400 ms, b 100 ms, c 200 ms, d 300 ms, a limit of 2 and
//! `n = 2`, the answer is b then c, at 300 ms; a is cancelled and d is
//! never fetched.
//!
//! Check it: `cargo run -p course -- check 04-limited-fetch`

use std::time::Duration;

use crate::services::Backend;

/// The first `n` results to finish, at most `limit` fetches at once.
pub async fn first_to_finish(
    backend: &Backend,
    jobs: &[(&str, Duration)],
    limit: usize,
    n: usize,
) -> Vec<String> {
    todo!()
}
