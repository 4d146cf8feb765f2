//! Exercise 12-cap-concurrency (core): find and fix the pitfall.
//!
//! This Python worker takes jobs off a queue and handles each one in a
//! task of its own. It never waits: a burst of ten thousand jobs makes ten
//! thousand tasks, most of them only waiting for their turn.
//!
//! ```python
//! async def run_jobs(jobs: asyncio.Queue, limit, handle):
//!     sem = asyncio.Semaphore(limit)
//!     tasks = set()
//!     while (job := await jobs.get()) is not None:
//!         async def one(job=job):
//!             async with sem:              # caps the work in flight...
//!                 await handle(job)
//!         tasks.add(asyncio.create_task(one()))  # ...not the tasks
//!     await asyncio.gather(*tasks)
//! ```
//!
//! Write `run_jobs(jobs, limit, handle)`: every job received on `jobs`
//! runs as `handle(job)` in a task of its own (`tokio::spawn`), and
//! - at most `limit` of those tasks exist at any moment: not just `limit`
//!   running, `limit` alive. A job stays in the channel until there is
//!   room for its task, so a producer sending into a full channel waits;
//! - a job starts as soon as a slot is free (a slow job holds up only its
//!   own slot, never a whole batch);
//! - `run_jobs` returns once the channel is closed and every job has
//!   finished.
//!
//! The tests (in `lessons/12-pitfalls/tests/exercises.rs`, module
//! `cap_concurrency`, on the paused clock) count the tasks alive with
//! tokio's runtime metrics each time a job starts: 100 jobs of 100 ms
//! under a limit of 10 take exactly 1 s with at most (and at some point
//! exactly) 10 tasks alive; one 1 s job and ten 100 ms jobs under a limit
//! of 2 take exactly 1 s; with a channel of capacity 1, the producer is
//! never more than 2 jobs ahead of the jobs started.
//!
//! Check it: `cargo run -p course -- check 12-cap-concurrency`

use std::future::Future;

use tokio::sync::mpsc;

/// Runs `handle(job)` for every job, each in a task of its own, with at
/// most `limit` such tasks alive at once; returns when all are done.
pub async fn run_jobs<F, Fut>(
    jobs: mpsc::Receiver<u32>,
    limit: usize,
    handle: F,
) where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    todo!()
}
