//! Wrong answer: it wakes itself on every Pending to look at the clock again: a busy loop
//! Expect: More polls mean a busy loop
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::{Duration, Instant};

/// The limit passed before the future finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elapsed;

/// Runs `fut` for at most `limit`.
pub async fn timeout<F: Future>(
    limit: Duration,
    fut: F,
) -> Result<F::Output, Elapsed> {
    let deadline = Instant::now() + limit;
    let mut fut = pin!(fut);
    poll_fn(|cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            return Poll::Ready(Ok(out));
        }
        if Instant::now() >= deadline {
            return Poll::Ready(Err(Elapsed));
        }
        // Come back soon to check the clock again.
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await
}
