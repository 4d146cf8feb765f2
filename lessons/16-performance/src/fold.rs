//! Adding up the answers of a fan-out with `TryStreamExt::try_fold`: a
//! running total over a stream of `Result`s that stops at the first error.

use futures::stream::{self, StreamExt, TryStreamExt};

/// The length of one GET's body; an answer other than 2xx is an error.
async fn body_len(client: &reqwest::Client, url: &str) -> anyhow::Result<u64> {
    let response = client.get(url).send().await?.error_for_status()?;
    Ok(response.bytes().await?.len() as u64)
}

// ANCHOR: try_fold
/// GETs every URL, at most `limit` at a time, and adds up the bytes of the
/// bodies. The first failure ends the sum: `try_fold` returns that error
/// and drops the stream, which cancels the requests still in flight and
/// starts no new one.
pub async fn total_bytes(
    client: &reqwest::Client,
    urls: &[String],
    limit: usize,
) -> anyhow::Result<u64> {
    stream::iter(urls)
        .map(|url| body_len(client, url))
        // In the URLs' order, so "the first failure" is the first URL
        // that failed; `buffer_unordered` would take whichever came first.
        .buffered(limit.max(1))
        .try_fold(0, |total, len| async move { Ok(total + len) })
        .await
}
// ANCHOR_END: try_fold
