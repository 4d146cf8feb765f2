//! Wrong answer: checks what `within` returns, never when it returns
//! Expect: only when the whole limit has passed
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::sleep;

use crate::deadline::Deadline;

/// Panics unless `subject` keeps the contract above.
pub async fn check<D: Deadline>(subject: D) {
    let slow = async {
        sleep(Duration::from_secs(5)).await;
        "slow"
    };
    assert_eq!(subject.within(Duration::from_secs(1), slow).await, None);

    let fast = async {
        sleep(Duration::from_millis(500)).await;
        "fast"
    };
    let got = subject.within(Duration::from_secs(3), fast).await;
    assert_eq!(got, Some("fast"));

    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let work = async move {
        sleep(Duration::from_secs(2)).await;
        flag.store(true, Ordering::SeqCst);
    };
    assert_eq!(subject.within(Duration::from_secs(1), work).await, None);
    sleep(Duration::from_secs(10)).await;
    assert!(!finished.load(Ordering::SeqCst), "the work was cancelled");
}
