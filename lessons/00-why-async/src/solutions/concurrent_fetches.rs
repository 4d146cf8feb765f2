//! Reference solution for 00-concurrent-fetches.

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job of every panel concurrently; results grouped by panel.
pub async fn fetch_panels(panels: &[Vec<Job>]) -> Vec<Vec<String>> {
    // `join_all` returns a future like any other, so the futures it joins
    // can be `join_all`s themselves: one per panel, all driven together.
    // Each level keeps its input order, so the shape comes back intact.
    join_all(panels.iter().map(|panel| {
        join_all(panel.iter().map(|job| fetch(job.name, job.delay)))
    }))
    .await
}
