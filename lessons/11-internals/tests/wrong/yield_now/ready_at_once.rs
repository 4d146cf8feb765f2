//! Wrong answer: it returns Ready on the first poll, so it never yields
//! Expect: was polled 1 times, expected 2
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The future returned by [`yield_now`].
#[derive(Debug)]
pub struct YieldNow {}

/// Lets the other ready tasks run once, then completes.
pub fn yield_now() -> YieldNow {
    YieldNow {}
}

impl Future for YieldNow {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Wake the others, then go on.
        cx.waker().wake_by_ref();
        Poll::Ready(())
    }
}
