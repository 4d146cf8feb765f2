//! Wrong answer: a loop that awaits each timed request before the next, so the gate never has more than one taker
//! Expect: are the requests awaited one after another
use tokio::sync::Semaphore;
use tokio::time::Instant;

pub use crate::exercises_support::Breakdown;

/// The Python program above, in Rust.
pub async fn where_time_goes(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    gate: &Semaphore,
) -> anyhow::Result<Breakdown> {
    let submitted = Instant::now();
    let mut parts = Vec::with_capacity(n);
    for _ in 0..n {
        let _permit = gate.acquire().await?;
        let started = Instant::now();
        let response = client.get(url).send().await?.error_for_status()?;
        response.bytes().await?;
        parts.push((started - submitted, started.elapsed()));
    }
    let wall = submitted.elapsed();
    Ok(Breakdown {
        requests: parts.len(),
        max_waited: parts.iter().map(|p| p.0).max().unwrap_or_default(),
        min_served: parts.iter().map(|p| p.1).min().unwrap_or_default(),
        total_served: parts.iter().map(|p| p.1).sum(),
        wall,
    })
}
