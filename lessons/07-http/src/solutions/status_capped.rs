//! Reference solution for 07-status-capped.

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// The status of every URL (`None`: no answer), at most `cap` at a time.
pub async fn statuses_capped(
    client: &Client,
    urls: &[String],
    cap: usize,
) -> Vec<Option<u16>> {
    assert!(cap >= 1, "a cap of 0 would never send anything");
    // `buffer_unordered` refills a slot as soon as it frees up; the index
    // puts the finishing order back into input order.
    let mut statuses = vec![None; urls.len()];
    let mut finished = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move {
            let status = client.get(url).send().await.ok();
            (index, status.map(|response| response.status().as_u16()))
        })
        .buffer_unordered(cap);
    while let Some((index, status)) = finished.next().await {
        statuses[index] = status;
    }
    statuses
}
