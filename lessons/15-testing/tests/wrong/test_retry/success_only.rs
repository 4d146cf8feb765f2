//! Wrong answer: only a late success is tested, never a run where every attempt fails
//! Expect: after the last failed attempt it waits once more
use std::time::Duration;

use tokio::time::Instant;

use crate::retry::Retry;

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Panics unless `subject` keeps the contract above.
pub async fn check<R: Retry>(subject: R) {
    let start = Instant::now();
    let mut calls = Vec::new();
    let got = subject
        .retry(5, ms(100), || {
            calls.push(start.elapsed());
            let n = calls.len();
            async move { if n < 4 { Err(n) } else { Ok(n) } }
        })
        .await;
    assert_eq!(got, Ok(4), "the first success is returned");
    assert_eq!(calls, [ms(0), ms(100), ms(300), ms(700)], "attempt times");
}
