//! An API handler that makes five database calls.
//!
//! A web request often needs several independent queries. Made one by one,
//! their latencies add up and the user waits for all of them in turn; made
//! together, the request costs one query's latency. `tokio::join!` is the
//! tool when the number of futures is fixed and known at compile time.

use std::time::Duration;

use kit::sim::query;

// ANCHOR: request
/// Five queries, awaited one by one: five round trips in a row.
pub async fn handle_request_sequential(delay: Duration) -> [u32; 5] {
    [
        query(1, delay).await,
        query(2, delay).await,
        query(3, delay).await,
        query(4, delay).await,
        query(5, delay).await,
    ]
}

/// The same five queries in flight together: one round trip of waiting.
pub async fn handle_request_concurrent(delay: Duration) -> [u32; 5] {
    let (a, b, c, d, e) = tokio::join!(
        query(1, delay),
        query(2, delay),
        query(3, delay),
        query(4, delay),
        query(5, delay),
    );
    [a, b, c, d, e]
}
// ANCHOR_END: request
