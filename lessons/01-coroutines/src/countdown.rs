//! A future written by hand: `poll`, `Poll::Pending` and the `Waker`.
//!
//! An `async fn` compiles to a state machine implementing `Future`. Writing
//! one by hand shows the contract: `poll` either returns `Ready(value)` or
//! returns `Pending` *after arranging for the waker to be called*. A future
//! that returns `Pending` without that arrangement is never polled again.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: countdown
/// Completes after being polled `n + 1` times, yielding to the runtime in
/// between: the smallest useful hand-written future.
#[derive(Debug)]
pub struct Countdown {
    remaining: u32,
    polls: u32,
}

impl Countdown {
    /// A countdown from `n`.
    pub fn new(n: u32) -> Self {
        Self {
            remaining: n,
            polls: 0,
        }
    }
}

impl Future for Countdown {
    /// How many times it was polled.
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.remaining == 0 {
            return Poll::Ready(self.polls);
        }
        self.remaining -= 1;
        // Not done: ask to be polled again. Waking ourselves at once is what
        // `tokio::task::yield_now` does; real I/O futures instead hand the
        // waker to whoever will produce the value (a socket, a timer).
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: countdown

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn countdown_is_polled_n_plus_one_times() {
        assert_eq!(Countdown::new(0).await, 1);
        assert_eq!(Countdown::new(5).await, 6);
    }
}
