//! Async, but awaited one after another: no faster than blocking code.
//!
//! Each `.await` suspends this function until that fetch is done, so the
//! loop below waits for the fetches in turn and the total is the sum of the
//! delays. The thread is *free* while it waits (a runtime could run other
//! tasks on it), but this function gains nothing from that.

use kit::Timeline;
use kit::sim::fetch;

use crate::workload::Job;

// ANCHOR: sequential
/// Awaits the jobs one after another and returns their results in order.
pub async fn run_sequential(timeline: &Timeline, jobs: &[Job]) -> Vec<String> {
    let mut results = Vec::new();
    for job in jobs {
        // The next fetch is not even created until this one has finished.
        results
            .push(timeline.track(job.name, fetch(job.name, job.delay)).await);
    }
    results
}
// ANCHOR_END: sequential
