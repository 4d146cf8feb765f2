//! Pitfall: sequential awaits where concurrency was meant.
//!
//! Three `.await`s in a row wait one after another: the times add up.
//! Nothing warns, the code is correct, it is only slow. Join them.

use std::time::Duration;

use kit::sim::fetch;

// ANCHOR: sequential
/// The mistake: each fetch starts only when the previous one is done.
pub async fn one_by_one(delay: Duration) -> Vec<String> {
    let a = fetch("url1", delay).await;
    let b = fetch("url2", delay).await;
    let c = fetch("url3", delay).await;
    vec![a, b, c]
}

/// The fix: build the three futures, then wait for all of them at once.
pub async fn joined(delay: Duration) -> Vec<String> {
    let (a, b, c) = tokio::join!(
        fetch("url1", delay),
        fetch("url2", delay),
        fetch("url3", delay)
    );
    vec![a, b, c]
}
// ANCHOR_END: sequential
