//! Reference solution for 12-cap-concurrency.

use futures::stream::{self, StreamExt};

use crate::api::{Api, TooManyRequests};

/// Every `api.get(url)`, at most `limit` at a time, in the order of `urls`.
pub async fn fetch_all(
    api: &Api,
    urls: &[String],
    limit: usize,
) -> Vec<Result<String, TooManyRequests>> {
    // A stream of futures that have not started; `buffered` runs `limit`
    // of them at a time and yields the results in input order.
    stream::iter(urls)
        .map(|url| api.get(url))
        .buffered(limit)
        .collect()
        .await
}
