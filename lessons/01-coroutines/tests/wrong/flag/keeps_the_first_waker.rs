//! Wrong answer: poll stores a waker only the first time, so after the future moves, raise wakes a stale task
//! Expect: stale

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// What the flag and its waiter share.
#[derive(Debug, Default)]
struct State {
    raised: bool,
    waker: Option<Waker>,
}

/// A one-shot flag; clones share the same flag.
#[derive(Debug, Clone, Default)]
pub struct Flag {
    state: Arc<Mutex<State>>,
}

impl Flag {
    /// A flag that is down.
    pub fn new() -> Self {
        Self::default()
    }

    /// Raises the flag and wakes the waiter, if one is parked.
    pub fn raise(&self) {
        let waker = {
            let mut state = self.state.lock().unwrap();
            state.raised = true;
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// A future that completes once the flag is raised.
    pub fn wait(&self) -> FlagWait {
        FlagWait {
            state: self.state.clone(),
        }
    }
}

/// The future returned by [`Flag::wait`].
#[derive(Debug)]
pub struct FlagWait {
    state: Arc<Mutex<State>>,
}

impl Future for FlagWait {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.state.lock().unwrap();
        if state.raised {
            return Poll::Ready(());
        }
        // One waker is enough: store it once.
        if state.waker.is_none() {
            state.waker = Some(cx.waker().clone());
        }
        Poll::Pending
    }
}
