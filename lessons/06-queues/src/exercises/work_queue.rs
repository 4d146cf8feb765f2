//! Exercise 06-work-queue (challenge: a port).
//!
//! Port this Python work queue: a fixed set of workers behind a bounded
//! queue, and a `shutdown` that stops taking jobs, lets the workers finish
//! every job already accepted, and reports what was done.
//!
//! ```python
//! import asyncio
//!
//! class Closed(Exception): pass
//!
//! class WorkQueue:
//!     def __init__(self, workers, capacity):
//!         self.queue = asyncio.Queue(maxsize=capacity)
//!         self.closed = False
//!         self.done = []
//!         self.workers = [asyncio.create_task(self._work())
//!                         for _ in range(workers)]
//!
//!     async def _work(self):
//!         while True:
//!             job = await self.queue.get()
//!             await asyncio.sleep(job.takes)
//!             self.done.append(job.id)
//!             self.queue.task_done()
//!
//!     async def submit(self, job):             # waits while full
//!         if self.closed:
//!             raise Closed(job)
//!         await self.queue.put(job)
//!
//!     def try_submit(self, job):               # never waits
//!         if self.closed:
//!             raise Closed(job)
//!         try:
//!             self.queue.put_nowait(job)
//!         except asyncio.QueueFull:
//!             raise Full(job)
//!
//!     async def shutdown(self):
//!         self.closed = True
//!         await self.queue.join()              # drain what was accepted
//!         for w in self.workers:
//!             w.cancel()
//!         return self.done
//! ```
//!
//! In Rust, `new` starts the workers (call it inside a runtime), refusals
//! hand the job back (`SubmitError::Full(job)` / `Closed(job)`), and
//! `shutdown` returns the done ids in the order they finished. Once
//! `shutdown` has begun, `submit` and `try_submit` refuse with `Closed`,
//! and the workers end when the queue is drained.
//!
//! The tests (`tests/exercises.rs`, module `work_queue`), on the paused
//! clock: 10 jobs of 1 s with 3 workers, then `shutdown`: all 10 done, at
//! exactly 4 s; with 1 worker and room for 1, a third `submit` waits until
//! 1 s; `try_submit` on a full queue gives `Full`; a submit during shutdown
//! gives `Closed`; an idle queue shuts down at once.
//!
//! Check it: `cargo run -p course -- check 06-work-queue`

use crate::support::{Job, SubmitError};

/// A pool of workers behind a bounded queue, drained on shutdown.
#[derive(Debug)]
pub struct WorkQueue {}

impl WorkQueue {
    /// Starts `workers` workers behind a queue with room for `capacity`.
    pub fn new(workers: usize, capacity: usize) -> Self {
        todo!()
    }

    /// Queues `job`, waiting while the queue is full.
    pub async fn submit(&self, job: Job) -> Result<(), SubmitError> {
        todo!()
    }

    /// Queues `job` if there is room now.
    pub fn try_submit(&self, job: Job) -> Result<(), SubmitError> {
        todo!()
    }

    /// Stops taking jobs, waits for every accepted one, returns their ids.
    pub async fn shutdown(&self) -> Vec<u32> {
        todo!()
    }
}
