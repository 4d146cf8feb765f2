//! Wrong answer: splits the jobs into batches, but awaits the jobs of a batch one after another
//! Expect: one after another inside

use kit::sim::fetch;

use crate::workload::Job;

/// Fetches the jobs `batch_size` at a time; results in job order.
pub async fn fetch_in_batches(jobs: &[Job], batch_size: usize) -> Vec<String> {
    let mut results = Vec::with_capacity(jobs.len());
    for batch in jobs.chunks(batch_size) {
        for job in batch {
            results.push(fetch(job.name, job.delay).await);
        }
    }
    results
}
