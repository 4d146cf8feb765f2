//! Wrong answer: starts every job at once, ignoring batch_size
//! Expect: all at once

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches the jobs `batch_size` at a time; results in job order.
pub async fn fetch_in_batches(jobs: &[Job], batch_size: usize) -> Vec<String> {
    join_all(jobs.iter().map(|job| fetch(job.name, job.delay))).await
}
