//! Exercise 11-timeout: reference solution.

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
    // Both futures are polled from this one: whichever woke the task,
    // poll both. `pin!` fixes them in place on this future's state.
    let mut fut = pin!(fut);
    let mut timer = pin!(sleep(limit));
    poll_fn(|cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(out));
        }
        if timer.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(Elapsed));
        }
        Poll::Pending
    })
    .await
    // Returning drops `fut` (cancelled, if it was still running) and the
    // timer (its entry leaves the timer heap).
}
