//! Reference solution for 00-in-batches.

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches the jobs `batch_size` at a time; results in job order.
pub async fn fetch_in_batches(jobs: &[Job], batch_size: usize) -> Vec<String> {
    let mut results = Vec::with_capacity(jobs.len());
    for batch in jobs.chunks(batch_size) {
        // Concurrent inside the batch, sequential between batches: the
        // next batch starts only when this one's slowest fetch is done.
        results.extend(
            join_all(batch.iter().map(|job| fetch(job.name, job.delay))).await,
        );
    }
    results
}
