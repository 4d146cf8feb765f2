//! Exercise 01-flag (challenge): a `Future` written by hand.
//!
//! A `Flag` is raised once, by anyone (a task, a plain thread); `wait()`
//! returns a future that completes when the flag is up — an `asyncio.Event`
//! with one waiter. Write the future's `poll` and the flag's `raise`:
//!
//! - `poll`: if the flag is up, `Ready`; otherwise store the context's waker
//!   (replacing an older one: a future can move between tasks) and `Pending`.
//! - `raise`: set the flag, then wake the stored waker, if any.
//!
//! Never wake yourself from `poll`: that busy-loops, and the tests count.
//!
//! Check it: `cargo run -p course -- check 01-flag`

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
        todo!()
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
        todo!()
    }
}
