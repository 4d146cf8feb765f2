//! Wrong answer: the panels run together, but inside a panel the fetches are awaited in turn
//! Expect: inside a panel

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job of every panel concurrently; results grouped by panel.
pub async fn fetch_panels(panels: &[Vec<Job>]) -> Vec<Vec<String>> {
    join_all(panels.iter().map(|panel| async move {
        let mut results = Vec::new();
        for job in panel {
            results.push(fetch(job.name, job.delay).await);
        }
        results
    }))
    .await
}
