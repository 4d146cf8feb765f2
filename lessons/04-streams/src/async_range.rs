//! A stream written by hand: `Stream::poll_next` is `__anext__`.
//!
//! Python's async iterator is a class with `__aiter__` and `__anext__`;
//! `__anext__` returns the next value or raises `StopAsyncIteration`. Rust's
//! `Stream` trait has one method, `poll_next`, which returns
//! `Ready(Some(item))` for the next value, `Ready(None)` at the end, or
//! `Pending` (with the waker arranged, exactly as for a `Future`) while the
//! next value is not there yet. `futures::StreamExt` then adds `.next()`,
//! `.map()`, `.collect()` and the rest on top of that one method.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use futures::Stream;
use tokio::time::{Sleep, sleep};

// ANCHOR: async_range
/// Yields `0..end`, each number after a wait of `per_item`.
#[derive(Debug)]
pub struct AsyncRange {
    next: u32,
    end: u32,
    per_item: Duration,
    // The wait for the current item, if one is under way. Boxed so that
    // `AsyncRange` is `Unpin` and needs no pinning to call `.next()`.
    wait: Option<Pin<Box<Sleep>>>,
}

impl AsyncRange {
    /// A range of `end` numbers, one every `per_item`.
    pub fn new(end: u32, per_item: Duration) -> Self {
        Self {
            next: 0,
            end,
            per_item,
            wait: None,
        }
    }
}

impl Stream for AsyncRange {
    type Item = u32;

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<u32>> {
        if self.next == self.end {
            return Poll::Ready(None); // StopAsyncIteration
        }
        // Start this item's wait on the first poll, then keep polling it.
        let per_item = self.per_item;
        let wait = self.wait.get_or_insert_with(|| Box::pin(sleep(per_item)));
        ready!(wait.as_mut().poll(cx)); // Pending: the timer will wake us
        self.wait = None;
        let item = self.next;
        self.next += 1;
        Poll::Ready(Some(item))
    }
}
// ANCHOR_END: async_range
