//! Reference solution for 15-test-retry.

use std::time::Duration;

use tokio::time::Instant;

use crate::retry::Retry;

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Panics unless `subject` keeps the contract above.
pub async fn check<R: Retry>(subject: R) {
    // Three failures, then a success: the fourth attempt's value comes
    // back, and the attempt times are the backoff schedule.
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

    // Every attempt fails: all four are made, the last error comes back,
    // with no wait after it.
    let start = Instant::now();
    let mut calls = Vec::new();
    let got: Result<(), String> = subject
        .retry(4, ms(100), || {
            calls.push(start.elapsed());
            let error = format!("failure {}", calls.len());
            async move { Err(error) }
        })
        .await;
    assert_eq!(got, Err("failure 4".to_owned()), "the last error");
    assert_eq!(calls, [ms(0), ms(100), ms(300), ms(700)], "attempt times");
    assert_eq!(start.elapsed(), ms(700), "no wait after the last attempt");
}
