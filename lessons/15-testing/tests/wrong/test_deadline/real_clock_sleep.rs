//! Wrong answer: the slow work sleeps on the real clock (std::thread::sleep), which blocks the runtime instead of waiting
//! Expect: fails on the CORRECT implementation
use std::time::Duration;

use tokio::time::{Instant, sleep};

use crate::deadline::Deadline;

/// Panics unless `subject` keeps the contract above.
pub async fn check<D: Deadline>(subject: D) {
    let start = Instant::now();
    let slow = async {
        // "Really slow": 200 ms of real time, against a 100 ms limit.
        std::thread::sleep(Duration::from_millis(200));
        "slow"
    };
    let got = subject.within(Duration::from_millis(100), slow).await;
    assert_eq!(got, None, "slow work must give None");
    assert_eq!(start.elapsed(), Duration::from_millis(100), "at the limit");

    let start = Instant::now();
    let fast = async {
        sleep(Duration::from_millis(500)).await;
        "fast"
    };
    let got = subject.within(Duration::from_secs(3), fast).await;
    assert_eq!(got, Some("fast"), "fast work gives its output");
    assert_eq!(start.elapsed(), Duration::from_millis(500), "when done");
}
