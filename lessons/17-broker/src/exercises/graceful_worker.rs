//! Exercise 17-graceful-worker (challenge).
//!
//! Port a Python worker that stops gracefully. It fetches jobs (each a
//! [`Job`] as JSON) from the pull consumer `jobs` in batches of at most
//! 4, runs `handle` on each job and then acknowledges it. When `stop` is
//! cancelled it fetches nothing more, but finishes and acknowledges every
//! job of the batch it holds, then returns how many jobs it handled. An
//! idle worker, waiting for jobs, must notice the stop within a second.
//! The Python (nats-py):
//!
//! ```python
//! async def work_until_stopped(sub, stop: asyncio.Event, handle):
//!     done = 0
//!     while not stop.is_set():
//!         try:
//!             msgs = await sub.fetch(batch=4, timeout=0.5)
//!         except nats.errors.TimeoutError:
//!             continue
//!         for msg in msgs:
//!             await handle(Job(**json.loads(msg.data)))
//!             await msg.ack()
//!             done += 1
//!     return done
//! ```
//!
//! The tests (`tests/exercises.rs`, module `graceful_worker`), on a NATS
//! server with JetStream (set `NATS_URL`): 8 jobs waiting and a stop while
//! job 2 is handled: it handles jobs 1 to 4, returns 4 within 2 s, leaves
//! no job unacknowledged and 4 in the stream; with no jobs, it returns 0
//! within 1 s of the stop; with no stop, it handles all of 10 jobs, then
//! returns 10 within 1 s of the stop.
//!
//! Check it: `cargo run -p course -- check 17-graceful-worker`

use std::future::Future;

use async_nats::jetstream::consumer::PullConsumer;
use tokio_util::sync::CancellationToken;

use crate::support::Job;

/// Handles jobs from `jobs` until `stop`, finishing the batch it holds;
/// how many it handled.
pub async fn work_until_stopped<F, Fut>(
    jobs: PullConsumer,
    stop: CancellationToken,
    handle: F,
) -> anyhow::Result<usize>
where
    F: Fn(Job) -> Fut,
    Fut: Future<Output = ()>,
{
    todo!()
}
