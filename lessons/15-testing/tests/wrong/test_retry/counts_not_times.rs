//! Wrong answer: counts the attempts and checks the results, but never looks at the clock
//! Expect: the delay never doubles
use std::time::Duration;

use crate::retry::Retry;

/// Panics unless `subject` keeps the contract above.
pub async fn check<R: Retry>(subject: R) {
    let mut calls = 0;
    let got = subject
        .retry(5, Duration::from_millis(100), || {
            calls += 1;
            let n = calls;
            async move { if n < 4 { Err(n) } else { Ok(n) } }
        })
        .await;
    assert_eq!(got, Ok(4), "the first success is returned");
    assert_eq!(calls, 4, "four attempts");

    let mut calls = 0;
    let got: Result<(), String> = subject
        .retry(4, Duration::from_millis(100), || {
            calls += 1;
            let error = format!("failure {calls}");
            async move { Err(error) }
        })
        .await;
    assert_eq!(got, Err("failure 4".to_owned()), "the last error");
    assert_eq!(calls, 4, "four attempts");
}
