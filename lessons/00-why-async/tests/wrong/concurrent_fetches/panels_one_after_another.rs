//! Wrong answer: each panel's fetches run together, but the panels one after another
//! Expect: panels one after another

use futures::future::join_all;
use kit::sim::fetch;

use crate::workload::Job;

/// Fetches every job of every panel concurrently; results grouped by panel.
pub async fn fetch_panels(panels: &[Vec<Job>]) -> Vec<Vec<String>> {
    let mut page = Vec::new();
    for panel in panels {
        page.push(
            join_all(panel.iter().map(|job| fetch(job.name, job.delay))).await,
        );
    }
    page
}
