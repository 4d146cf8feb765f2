//! The timer: deadlines in a min-heap, and the `sleep` future.
//!
//! No thread per timer. A sleeping task leaves its deadline and its waker
//! here; when the runtime has nothing to run it asks for the nearest
//! deadline and tells the reactor to wait *at most that long* for I/O. On
//! waking up it fires every timer that is due.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use super::context;

/// The runtime's clock: the real one. (This runtime is not tokio, so
/// tokio's paused test clock does not apply to it.)
#[expect(
    clippy::disallowed_methods,
    reason = "the lesson's runtime keeps real time, not tokio's clock"
)]
pub fn now() -> Instant {
    Instant::now()
}

// ANCHOR: timer
/// Pending deadlines, nearest first.
#[derive(Debug, Default)]
pub struct Timer {
    /// `(deadline, timer id)`; `Reverse` turns std's max-heap into a
    /// min-heap.
    heap: BinaryHeap<Reverse<(Instant, u64)>>,
    /// The waker of each live timer. A dropped `Sleep` removes its entry;
    /// its stale heap entry is skipped when it comes up.
    wakers: HashMap<u64, Waker>,
    next_id: u64,
    /// The most timers ever pending at once (for the lesson's claims).
    max_pending: usize,
}

impl Timer {
    /// Adds a timer; returns its id.
    pub fn insert(&mut self, deadline: Instant, waker: Waker) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.heap.push(Reverse((deadline, id)));
        self.wakers.insert(id, waker);
        self.max_pending = self.max_pending.max(self.wakers.len());
        id
    }

    /// How long the runtime may sleep before the nearest deadline.
    pub fn time_to_next(&self, now: Instant) -> Option<Duration> {
        let Reverse((deadline, _)) = self.heap.peek()?;
        Some(deadline.saturating_duration_since(now))
    }

    /// Wakes every timer whose deadline has passed.
    pub fn fire_due(&mut self, now: Instant) {
        while let Some(&Reverse((deadline, id))) = self.heap.peek() {
            if deadline > now {
                break;
            }
            self.heap.pop();
            if let Some(waker) = self.wakers.remove(&id) {
                waker.wake();
            }
        }
    }
}
// ANCHOR_END: timer

impl Timer {
    /// Replaces the waker of a live timer (the task may have moved on to a
    /// new `Waker`, e.g. inside a `join!`).
    pub fn update(&mut self, id: u64, waker: &Waker) {
        if let Some(old) = self.wakers.get_mut(&id)
            && !old.will_wake(waker)
        {
            old.clone_from(waker);
        }
    }

    /// Forgets a timer that nobody waits for any more.
    pub fn cancel(&mut self, id: u64) {
        self.wakers.remove(&id);
    }

    pub fn max_pending(&self) -> usize {
        self.max_pending
    }
}

// ANCHOR: sleep
/// Waits until `duration` from now, on the current lesson runtime.
pub fn sleep(duration: Duration) -> Sleep {
    Sleep {
        deadline: now() + duration,
        timer_id: None,
    }
}

/// The future returned by [`sleep`].
#[derive(Debug)]
pub struct Sleep {
    deadline: Instant,
    timer_id: Option<u64>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if now() >= self.deadline {
            return Poll::Ready(());
        }
        // Not yet: leave the deadline and our waker with the timer (once;
        // on a later poll just refresh the waker).
        let deadline = self.deadline;
        let id = self.timer_id;
        context::with_core(|core| {
            let mut timer = core.timer.borrow_mut();
            match id {
                Some(id) => timer.update(id, cx.waker()),
                None => {
                    self.timer_id =
                        Some(timer.insert(deadline, cx.waker().clone()));
                }
            }
        });
        Poll::Pending
    }
}
// ANCHOR_END: sleep

impl Drop for Sleep {
    fn drop(&mut self) {
        // A sleep dropped early (cancelled) takes its waker back out.
        if let Some(id) = self.timer_id {
            context::try_with_core(|core| core.timer.borrow_mut().cancel(id));
        }
    }
}
