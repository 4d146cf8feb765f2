//! Events: waking every waiting task at once, Python's `asyncio.Event`.
//!
//! tokio has no type called `Event`; three tools cover its uses, and each
//! differs from it somewhere:
//!
//! - [`Event`] below, built on a `watch` channel of `bool`: set, clear,
//!   `is_set`, and `wait` that returns at once if the flag is already set.
//!   This is the faithful counterpart.
//! - `CancellationToken` (tokio-util): an event that, once set, stays set
//!   for good. No `clear`. Built for "stop now" signals, and cheap to clone
//!   into every task; `child_token()` makes a tree of them.
//! - `Notify`: a wake-up call with no flag. `notify_waiters()` wakes the
//!   tasks waiting *right now* and remembers nothing, so a task that starts
//!   waiting a moment later sleeps on. (`notify_one()` does store one
//!   permit for the next waiter.)

use std::time::Duration;

use futures::future::join_all;
use kit::Timeline;
use tokio::sync::{Notify, watch};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;

// ANCHOR: event
/// `asyncio.Event` made of a `watch` channel holding a flag.
#[derive(Debug, Clone)]
pub struct Event {
    flag: watch::Sender<bool>, // a clone is another handle on one flag
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}

impl Event {
    /// A new event, not set.
    pub fn new() -> Self {
        Self {
            flag: watch::Sender::new(false),
        }
    }

    /// Sets the flag and wakes every waiter; later `wait`s return at once.
    pub fn set(&self) {
        self.flag.send_replace(true);
    }

    /// Clears the flag: `wait` blocks again.
    pub fn clear(&self) {
        self.flag.send_replace(false);
    }

    /// Is the flag set? (Python's `is_set()`.)
    pub fn is_set(&self) -> bool {
        *self.flag.borrow()
    }

    /// Waits until the flag is set; returns at once if it already is.
    pub async fn wait(&self) {
        let mut seen = self.flag.subscribe();
        // `wait_for` checks the current value first, then every change.
        // It fails only if the sender is gone, and `self` holds it.
        let _ = seen.wait_for(|&set| set).await;
    }
}
// ANCHOR_END: event

/// Which tool plays the event in [`waiters_then_set`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The `watch`-based [`Event`].
    Watch,
    /// A `CancellationToken`.
    Token,
    /// A `Notify` and `notify_waiters()`.
    Notify,
}

// ANCHOR: waiters
/// Starts `waiters` tasks that wait for a signal, sets it after `set_after`,
/// and returns when each waiter woke up.
pub async fn waiters_then_set(
    timeline: &Timeline,
    kind: EventKind,
    waiters: usize,
    set_after: Duration,
) -> Vec<Duration> {
    let event = Event::new();
    let token = CancellationToken::new();
    let notify = Notify::new();

    let waiter = |i: usize| {
        let mark = timeline.start(format!("waiter {i}"));
        let (event, token, notify) = (&event, &token, &notify);
        async move {
            match kind {
                EventKind::Watch => mark.wait(event.wait()).await,
                EventKind::Token => mark.wait(token.cancelled()).await,
                EventKind::Notify => mark.wait(notify.notified()).await,
            }
            let woke = timeline.now();
            mark.end();
            woke
        }
    };
    let setter = async {
        let mark = timeline.start("setter");
        sleep(set_after).await;
        match kind {
            EventKind::Watch => event.set(),
            EventKind::Token => token.cancel(),
            EventKind::Notify => notify.notify_waiters(),
        }
        mark.end();
    };
    let (woke, ()) = tokio::join!(join_all((1..=waiters).map(waiter)), setter);
    woke
}
// ANCHOR_END: waiters

// ANCHOR: late_waiter
/// Signals first, then starts one waiter, which gives up after `patience`.
/// Returns whether the late waiter woke up.
pub async fn late_waiter(kind: EventKind, patience: Duration) -> bool {
    let event = Event::new();
    let token = CancellationToken::new();
    let notify = Notify::new();
    match kind {
        EventKind::Watch => event.set(),
        EventKind::Token => token.cancel(),
        EventKind::Notify => notify.notify_waiters(), // nobody is waiting
    }
    let wait = async {
        match kind {
            EventKind::Watch => event.wait().await,
            EventKind::Token => token.cancelled().await,
            EventKind::Notify => notify.notified().await,
        }
    };
    timeout(patience, wait).await.is_ok()
}
// ANCHOR_END: late_waiter

// ANCHOR: notify_one
/// `notify_one()` with nobody waiting stores a permit: the next
/// `notified()` returns at once. Returns whether the late waiter woke.
pub async fn notify_one_is_kept(patience: Duration) -> bool {
    let notify = Notify::new();
    notify.notify_one();
    timeout(patience, notify.notified()).await.is_ok()
}
// ANCHOR_END: notify_one
