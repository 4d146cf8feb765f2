//! Reference solution for 16-capped-fanout.

use futures::stream::{self, StreamExt, TryStreamExt};

// ANCHOR: capped
/// `n` GETs of `url`, at most `limit` in flight; the count of 200s.
pub async fn fetch_capped(
    client: &reqwest::Client,
    url: &str,
    n: usize,
    limit: usize,
) -> anyhow::Result<usize> {
    let one = || async {
        let response = client.get(url).send().await?.error_for_status()?;
        response.bytes().await?; // read to the end: the connection is free
        anyhow::Ok(1)
    };
    // `buffer_unordered(limit)` polls at most `limit` requests at a time
    // and starts the next when any one answers; `try_fold` stops at the
    // first error (dropping, so cancelling, the requests still in flight).
    stream::iter(0..n)
        .map(|_| one())
        .buffer_unordered(limit.max(1))
        .try_fold(0, |total, one| async move { Ok(total + one) })
        .await
}
// ANCHOR_END: capped
