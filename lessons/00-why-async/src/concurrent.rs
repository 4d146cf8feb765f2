//! Async, awaited together: one thread, overlapping waits.
//!
//! `join_all` polls every future it is given; each one starts its wait and
//! returns `Pending`, and the runtime wakes whichever is ready. The waits
//! overlap, so the total is the longest delay — with one thread, no locks,
//! and a few hundred bytes per waiting future instead of a thread stack.
//! (Python: `await asyncio.gather(*coros)`; lesson 03 has the whole family.)

use futures::future::join_all;
use kit::Timeline;
use kit::sim::fetch;

use crate::workload::Job;

// ANCHOR: concurrent
/// Awaits all the jobs at once and returns their results in job order.
pub async fn run_concurrent(timeline: &Timeline, jobs: &[Job]) -> Vec<String> {
    // Build one future per job: nothing runs yet, futures are lazy...
    let fetches = jobs
        .iter()
        .map(|job| timeline.track(job.name, fetch(job.name, job.delay)));
    // ...then drive them all together. Results come back in input order,
    // whatever order the fetches finish in.
    join_all(fetches).await
}
// ANCHOR_END: concurrent
