//! Reference solution for 01-one-after-another.

use std::time::Duration;

use kit::sim::fetch;

/// Fetches a, b and c in sequence and returns the three results in order.
pub async fn fetch_in_order() -> Vec<String> {
    let a = fetch("a", Duration::from_millis(100)).await;
    let b = fetch("b", Duration::from_millis(200)).await;
    let c = fetch("c", Duration::from_millis(300)).await;
    vec![a, b, c]
}
