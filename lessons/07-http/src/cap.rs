//! Capping requests in flight.
//!
//! reqwest pools connections but never limits them: a `join_all` over ten
//! thousand URLs opens ten thousand connections at once (and may run out of
//! file descriptors: "Too many open files"). aiohttp's
//! `TCPConnector(limit=100)` caps by default; in Rust the cap is yours to
//! add, around the requests: `buffer_unordered(n)` on a stream of them, or
//! a `Semaphore` of `n` permits, as lesson 05 taught. The test server
//! counts the most requests it ever had in flight, so a test can prove the
//! cap holds.

use futures::future::join_all;
use futures::stream::{self, StreamExt};
use reqwest::Client;
use tokio::sync::Semaphore;

use crate::errors::status_of;

// ANCHOR: buffer_unordered
/// At most `cap` requests in flight: `buffer_unordered` polls `cap` of the
/// request futures and starts the next as soon as one finishes. Results
/// arrive in finishing order, so each carries its index.
pub async fn fetch_capped(
    client: &Client,
    urls: &[String],
    cap: usize,
) -> Vec<reqwest::Result<u16>> {
    let mut results: Vec<_> = stream::iter(urls.iter().enumerate())
        .map(|(i, url)| async move { (i, status_of(client, url).await) })
        .buffer_unordered(cap)
        .collect()
        .await;
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}
// ANCHOR_END: buffer_unordered

// ANCHOR: semaphore
/// The same cap with a `Semaphore`, Python's way: every request is started,
/// and each waits for a permit before it sends.
pub async fn fetch_with_semaphore(
    client: &Client,
    urls: &[String],
    cap: usize,
) -> Vec<reqwest::Result<u16>> {
    let permits = Semaphore::new(cap);
    let requests = urls.iter().map(|url| async {
        // Held until this request is done; dropping it frees the slot.
        let _permit = permits.acquire().await.expect("never closed");
        status_of(client, url).await
    });
    join_all(requests).await // results in input order
}
// ANCHOR_END: semaphore
