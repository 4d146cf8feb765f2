//! Wrong answer: every failed attempt returns the same error, so "the last error" cannot be told from the first
//! Expect: returns the first error, not the last
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
            async move { if n < 4 { Err("down") } else { Ok(n) } }
        })
        .await;
    assert_eq!(got, Ok(4), "the first success is returned");
    assert_eq!(calls, [ms(0), ms(100), ms(300), ms(700)], "attempt times");

    let start = Instant::now();
    let mut calls = Vec::new();
    let got: Result<(), &str> = subject
        .retry(4, ms(100), || {
            calls.push(start.elapsed());
            async { Err("down") }
        })
        .await;
    assert_eq!(got, Err("down"), "the error comes back");
    assert_eq!(calls, [ms(0), ms(100), ms(300), ms(700)], "attempt times");
    assert_eq!(start.elapsed(), ms(700), "no wait after the last attempt");
}
