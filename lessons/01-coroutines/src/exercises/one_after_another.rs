//! Exercise 01-one-after-another (warm-up).
//!
//! Fetch "a" (100 ms), then "b" (200 ms), then "c" (300 ms), each with
//! `kit::sim::fetch`, one after another, and return their results in that
//! order. The tests run on tokio's paused clock and expect exactly 600 ms.
//!
//! Check it: `cargo run -p course -- check 01-one-after-another`

use std::time::Duration;

use kit::sim::fetch;

/// Fetches a, b and c in sequence and returns the three results in order.
pub async fn fetch_in_order() -> Vec<String> {
    todo!()
}
