//! Wrong answer: a real-clock habit on the paused clock, "about the limit" with a 50 ms margin
//! Expect: it gives up 1 ms after the limit
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
    let start = Instant::now();
    let slow = async {
        sleep(ms(5000)).await;
        "slow"
    };
    assert_eq!(subject.within(ms(1000), slow).await, None);
    let took = start.elapsed();
    assert!(took < ms(1050), "gave up at about 1 s, not {took:?}");

    let start = Instant::now();
    let fast = async {
        sleep(ms(500)).await;
        "fast"
    };
    assert_eq!(subject.within(ms(3000), fast).await, Some("fast"));
    let took = start.elapsed();
    assert!(took < ms(550), "done at about 500 ms, not {took:?}");

    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let work = async move {
        sleep(ms(2000)).await;
        flag.store(true, Ordering::SeqCst);
    };
    assert_eq!(subject.within(ms(1000), work).await, None);
    sleep(ms(10_000)).await;
    assert!(!finished.load(Ordering::SeqCst), "the work was cancelled");
}
