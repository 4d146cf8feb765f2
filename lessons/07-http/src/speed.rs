//! Sequential vs concurrent requests: the Python tutorials' headline
//! numbers, for real.
//!
//! Each request waits on the server (`/delay/{ms}`), so the client spends
//! its time waiting, which is exactly what async is good at: n requests in
//! flight together take about as long as the slowest one.

use futures::future::try_join_all;
use reqwest::Client;

use crate::errors::status_of;

// ANCHOR: sequential
/// One request after another: the total is the sum of the delays.
pub async fn fetch_sequentially(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<u16>> {
    let mut statuses = Vec::new();
    for url in urls {
        statuses.push(status_of(client, url).await?);
    }
    Ok(statuses)
}
// ANCHOR_END: sequential

// ANCHOR: concurrent
/// Every request at once: the total is the longest delay. Results come back
/// in the order of `urls`; the first error ends the lot (and drops, so
/// cancels, the requests still running).
pub async fn fetch_concurrently(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<u16>> {
    try_join_all(urls.iter().map(|url| status_of(client, url))).await
}
// ANCHOR_END: concurrent
