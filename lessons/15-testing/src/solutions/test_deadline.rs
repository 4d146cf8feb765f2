//! Reference solution for 15-test-deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep};

use crate::deadline::Deadline;

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Panics unless `subject` keeps the contract above.
pub async fn check<D: Deadline>(subject: D) {
    // Too slow: None, and exactly at the limit (the clock is paused, so
    // "exactly" is exact).
    let start = Instant::now();
    let slow = async {
        sleep(ms(5000)).await;
        "slow"
    };
    assert_eq!(subject.within(ms(1000), slow).await, None);
    assert_eq!(start.elapsed(), ms(1000), "should give up at the limit");

    // In time: the output, as soon as it is ready.
    let start = Instant::now();
    let fast = async {
        sleep(ms(500)).await;
        "fast"
    };
    assert_eq!(subject.within(ms(3000), fast).await, Some("fast"));
    assert_eq!(start.elapsed(), ms(500), "should return when the work ends");

    // Given up on: cancelled, so it never gets to set the flag.
    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let work = async move {
        sleep(ms(2000)).await;
        flag.store(true, Ordering::SeqCst);
    };
    assert_eq!(subject.within(ms(1000), work).await, None);
    sleep(ms(10_000)).await;
    assert!(
        !finished.load(Ordering::SeqCst),
        "work that timed out must be cancelled, not left running"
    );
}
