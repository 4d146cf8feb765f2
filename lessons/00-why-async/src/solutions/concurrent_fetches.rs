//! Reference solution for 00-concurrent-fetches.

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job concurrently and returns the results in job order.
pub async fn fetch_all(jobs: &[Job]) -> Vec<String> {
    // The map builds lazy futures; join_all polls them all together and
    // keeps the results in input order.
    join_all(jobs.iter().map(|job| fetch(job.name, job.delay))).await
}
