//! Wrong answer: exact times for slow and fast work, but nothing checks that given-up work stops
//! Expect: work that ran out of time is not cancelled
use std::time::Duration;

use tokio::time::{Instant, sleep};

use crate::deadline::Deadline;

/// Panics unless `subject` keeps the contract above.
pub async fn check<D: Deadline>(subject: D) {
    let start = Instant::now();
    let slow = async {
        sleep(Duration::from_secs(5)).await;
        "slow"
    };
    assert_eq!(subject.within(Duration::from_secs(1), slow).await, None);
    assert_eq!(start.elapsed(), Duration::from_secs(1), "gave up at 1 s");

    let start = Instant::now();
    let fast = async {
        sleep(Duration::from_millis(500)).await;
        "fast"
    };
    let got = subject.within(Duration::from_secs(3), fast).await;
    assert_eq!(got, Some("fast"));
    assert_eq!(
        start.elapsed(),
        Duration::from_millis(500),
        "done at 500 ms"
    );
}
