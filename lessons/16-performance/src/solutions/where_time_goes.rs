//! Reference solution for 16-where-time-goes.

use std::time::Duration;

use futures::future::try_join_all;
use tokio::sync::Semaphore;
use tokio::time::Instant;

pub use crate::exercises_support::Breakdown;

/// The Python program of the exercise, in Rust.
pub async fn where_time_goes(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: &Semaphore,
) -> anyhow::Result<Breakdown> {
    let submitted = Instant::now();
    let timed = || async {
        // `async with gate:` is a permit held until the end of the block.
        let _permit = gate.acquire().await?;
        let started = Instant::now();
        let response = client.get(url).send().await?.error_for_status()?;
        response.bytes().await?;
        anyhow::Ok((started - submitted, started.elapsed()))
    };
    // asyncio.gather: every request's future polled at once, the gate
    // deciding which may go on; the first error ends it.
    let parts: Vec<(Duration, Duration)> =
        try_join_all((0..n).map(|_| timed())).await?;
    let wall = submitted.elapsed();
    Ok(Breakdown {
        requests: parts.len(),
        max_waited: parts.iter().map(|p| p.0).max().unwrap_or_default(),
        min_served: parts.iter().map(|p| p.1).min().unwrap_or_default(),
        total_served: parts.iter().map(|p| p.1).sum(),
        wall,
    })
}
