//! Reference solution for 16-where-time-goes.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use tokio::time::Instant;

pub use crate::exercises_support::Breakdown;

// ANCHOR: where_time_goes
/// The Python program of the exercise, in Rust.
pub async fn where_time_goes(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    limit: usize,
) -> anyhow::Result<Breakdown> {
    let submitted = Instant::now();
    // An async block runs nothing until polled, and `buffer_unordered`
    // polls it only when a slot is free: its first line is "got a slot".
    let timed = || async {
        let started = Instant::now();
        let response = client.get(url).send().await?.error_for_status()?;
        response.bytes().await?;
        anyhow::Ok((started - submitted, started.elapsed()))
    };
    let parts: Vec<(Duration, Duration)> = stream::iter(0..n)
        .map(|_| timed())
        .buffer_unordered(limit.max(1))
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<anyhow::Result<_>>()?;
    let wall = submitted.elapsed();
    Ok(Breakdown {
        requests: parts.len(),
        max_waited: parts.iter().map(|p| p.0).max().unwrap_or_default(),
        min_served: parts.iter().map(|p| p.1).min().unwrap_or_default(),
        total_served: parts.iter().map(|p| p.1).sum(),
        wall,
    })
}
// ANCHOR_END: where_time_goes
