//! Exercise 13-graceful (challenge): port a shutdown handler.
//!
//! A job runner that stops gracefully. The Python program to port:
//!
//! ```python
//! async def run_jobs(jobs: asyncio.Queue, stop: asyncio.Event, grace):
//!     running, finished, cancelled = set(), [], []
//!
//!     async def run(name, work):
//!         try:
//!             await work
//!             finished.append(name)
//!         except asyncio.CancelledError:
//!             cancelled.append(name)
//!             raise
//!
//!     while True:       # take jobs, each its own task, until told to stop
//!         get = asyncio.ensure_future(jobs.get())
//!         halt = asyncio.ensure_future(stop.wait())
//!         done, _ = await asyncio.wait(
//!             {get, halt}, return_when=asyncio.FIRST_COMPLETED)
//!         if halt in done:              # stopping wins a tie
//!             get.cancel()
//!             break
//!         halt.cancel()
//!         task = asyncio.create_task(run(*get.result()))
//!         running.add(task)
//!         task.add_done_callback(running.discard)
//!
//!     if running:       # no new jobs; the running ones get `grace` seconds
//!         _, late = await asyncio.wait(running, timeout=grace)
//!         for task in late:
//!             task.cancel()
//!         await asyncio.gather(*late, return_exceptions=True)
//!     return finished, cancelled
//! ```
//!
//! In Rust: take `Job`s from the channel and run each one's `work`
//! concurrently with the others, until `stop` is cancelled (a closed
//! channel, every sender gone, also means stop). Then take no more jobs;
//! wait at most `grace` for the running ones; cancel (drop) the rest. The
//! `Report` lists the finished jobs in the order they finished, and the
//! cancelled ones in any order. Return as soon as nothing is left running.
//!
//! The tests (`lessons/13-patterns/tests/exercises.rs`, paused clock):
//! jobs of 1 s and 3 s, stop at 2 s, grace 500 ms: `a` finished, `b`
//! cancelled (its work really dropped, never completing later), returned
//! at exactly 2.5 s; three 1 s jobs all finish at 1 s; a job still queued
//! at the stop never starts; with nothing running the stop returns at once.
//!
//! Check it: `cargo run -p course -- check 13-graceful`

use std::time::Duration;

use futures::future::BoxFuture;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// A named piece of work.
pub struct Job {
    pub name: &'static str,
    pub work: BoxFuture<'static, ()>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").field("name", &self.name).finish()
    }
}

/// What became of the jobs that were started.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// In the order they finished.
    pub finished: Vec<&'static str>,
    /// In any order.
    pub cancelled: Vec<&'static str>,
}

/// Runs jobs until `stop`, then drains them within `grace`.
pub async fn run_jobs(
    jobs: mpsc::Receiver<Job>,
    stop: CancellationToken,
    grace: Duration,
) -> Report {
    todo!()
}
