//! Wrong answer: keeps batch_size fetches in flight, starting the next job as soon as any slot is free
//! Expect: refilled

use futures::StreamExt;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches the jobs `batch_size` at a time; results in job order.
pub async fn fetch_in_batches(jobs: &[Job], batch_size: usize) -> Vec<String> {
    futures::stream::iter(jobs)
        .map(|job| fetch(job.name, job.delay))
        .buffered(batch_size)
        .collect()
        .await
}
