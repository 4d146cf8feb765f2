//! Wrong answer: the timer is polled before the job, so a value that is ready at the limit is thrown away
//! Expect: poll the job before the timer
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use crate::runtime::sleep;

/// The limit passed before the future finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

/// Runs `fut` for at most `limit`.
pub async fn timeout<F: Future>(
    limit: Duration,
    fut: F,
) -> Result<F::Output, Elapsed> {
    let mut fut = pin!(fut);
    let mut timer = pin!(sleep(limit));
    poll_fn(|cx| {
        if timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(Elapsed));
        }
        fut.as_mut().poll(cx).map(Ok)
    })
    .await
}
