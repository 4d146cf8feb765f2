//! Wrong answer: only a run where every attempt fails, checked by its last error and total time: no success, no attempt times
//! Expect: the delays run backwards
use std::time::Duration;

use tokio::time::Instant;

use crate::retry::Retry;

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Panics unless `subject` keeps the contract above.
pub async fn check<R: Retry>(subject: R) {
    let start = Instant::now();
    let mut calls = 0;
    let got: Result<(), u32> = subject
        .retry(4, ms(100), || {
            calls += 1;
            let n = calls;
            async move { Err(n) }
        })
        .await;
    assert_eq!(got, Err(4), "the last error");
    assert_eq!(start.elapsed(), ms(700), "the attempts took 700 ms");
}
