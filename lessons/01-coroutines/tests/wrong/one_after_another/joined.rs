//! Wrong answer: joins the three fetches (asyncio.gather), which keeps the order of the results but not of the waits
//! Expect: at the same time

use std::time::Duration;

use kit::sim::fetch;

/// Fetches a, b and c in sequence and returns the three results in order.
pub async fn fetch_in_order() -> Vec<String> {
    let (a, b, c) = tokio::join!(
        fetch("a", Duration::from_millis(100)),
        fetch("b", Duration::from_millis(200)),
        fetch("c", Duration::from_millis(300)),
    );
    vec![a, b, c]
}
