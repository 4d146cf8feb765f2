//! Exercise 07-status-capped (core).
//!
//! GET every URL in `urls` and report what became of each, in the order of
//! `urls`: [`Outcome::Status`] for any answer (a 500 is an answer),
//! [`Outcome::TimedOut`] when no answer came within `per_request`,
//! [`Outcome::NoAnswer`] when there was none at all (nothing listens, the
//! connection broke). `cap` is at least 1.
//!
//! Each request runs in a task of its own (so the requests spread over the
//! runtime's threads), and never more than `cap` of those tasks exist at
//! once: a million URLs must not mean a million parked tasks. When one
//! request finishes, the next starts at once; one slow request must not
//! hold up the rest. The Python it replaces:
//!
//! ```python
//! async def statuses(session, urls, cap, per_request):
//!     sem = asyncio.Semaphore(cap)
//!     outcomes = [None] * len(urls)
//!
//!     async def one(i, url):
//!         try:
//!             async with asyncio.timeout(per_request):
//!                 async with session.get(url) as resp:
//!                     outcomes[i] = resp.status
//!         except TimeoutError:
//!             outcomes[i] = "timed out"
//!         except aiohttp.ClientConnectionError:
//!             outcomes[i] = "no answer"
//!         finally:
//!             sem.release()
//!
//!     async with asyncio.TaskGroup() as tg:
//!         for i, url in enumerate(urls):
//!             await sem.acquire()        # before the task exists
//!             tg.create_task(one(i, url))
//!     return outcomes
//! ```
//!
//! The tests (`status_capped` in `lessons/07-http/tests/exercises.rs`)
//! count on the server and in the runtime: 20 requests under a cap of 4
//! reach exactly 4 in flight, never more; 30 slow requests under a cap of
//! 3 run in exactly 3 tasks of yours at a time; with a 5 s request in one
//! slot, ten quick ones all finish in the other within 2 s; a request that
//! hangs is cut off after `per_request`.
//!
//! Check it: `cargo run -p course -- check 07-status-capped`

use std::time::Duration;

use reqwest::Client;

/// What became of one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An answer, with its status.
    Status(u16),
    /// No answer within the time allowed for one request.
    TimedOut,
    /// No answer at all.
    NoAnswer,
}

/// What became of every URL, at most `cap` tasks at a time.
pub async fn statuses_capped(
    client: &Client,
    urls: &[String],
    cap: usize,
    per_request: Duration,
) -> Vec<Outcome> {
    todo!()
}
