//! Exercise 16-capped-fanout (core): one cap for every fan-out.
//!
//! The chapter's `fan_out` caps *one* fan-out with a number. A service runs
//! many at once, and the cap that matters is the process's: the server's
//! listen queue and the client's file descriptors do not care which fan-out
//! a connection belongs to. So the cap is a `Semaphore`, `gate`, shared by
//! every fan-out of the process. Write `fetch_capped`:
//!
//! - GET `url` `n` times with the given client (one client, shared), each
//!   request in a task of its own, as in `fan_out`;
//! - a request runs only while it holds a permit of `gate`, and gives it
//!   back when it is done, answered or failed;
//! - a task is created only once its permit is taken: with 10,000 requests
//!   and 5 permits, 10,000 tasks waiting for a permit would each hold a
//!   future (this chapter counts those bytes);
//! - read each body to the end; return how many answered 200, or the first
//!   error (a status that is not 2xx is an error).
//!
//! The Python version:
//!
//! ```python
//! async def fetch_capped(session, url, n, gate):
//!     async def one():
//!         try:
//!             async with session.get(url) as r:
//!                 await r.read()
//!                 r.raise_for_status()
//!         finally:
//!             gate.release()
//!     tasks = []
//!     for _ in range(n):
//!         await gate.acquire()                        # the permit first,
//!         tasks.append(asyncio.create_task(one()))    # then the task
//!     await asyncio.gather(*tasks)
//!     return n
//! ```
//!
//! Tests: `capped_fanout` in `tests/exercises.rs`, against the test server
//! over HTTP/1.1: two fan-outs of 15 requests of 50 ms share a gate of 5
//! permits (never more than 5 in flight, and 5 reached); while the test
//! holds every permit, a fan-out of 30 may allocate no more than 4 KiB (no
//! task is waiting for a permit); a 500 is an error, and the permits come
//! back after it; and a request keeps its permit until its body is read
//! (the test's own server sends a body bigger than every buffer and looks
//! at the gate while the client reads it).
//!
//! Check it: `cargo run -p course -- check 16-capped-fanout`

use std::sync::Arc;

use tokio::sync::Semaphore;

/// `n` GETs of `url`, each in its own task holding a permit of `gate`; the
/// count of 200s.
pub async fn fetch_capped(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: Arc<Semaphore>,
) -> anyhow::Result<usize> {
    todo!()
}
