//! The ready queue: the ids of the tasks that are due to be polled.
//!
//! Wakers push onto it, from any thread (a `Waker` must be `Send + Sync`),
//! so it sits behind a `Mutex`. It is also the runtime's doorbell: if the
//! runtime is asleep in the reactor when a task becomes ready, pushing
//! rings the reactor's `mio::Waker` so that the sleep ends at once.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Identifies a task of the runtime; `MAIN` is the future in `block_on`.
pub type TaskId = usize;

/// The id of the future passed to `block_on`.
pub const MAIN: TaskId = 0;

// ANCHOR: queue
/// Tasks ready to run, first come first served.
#[derive(Debug)]
pub struct ReadyQueue {
    ids: Mutex<VecDeque<TaskId>>,
    /// Ends the reactor's sleep (an eventfd or a pipe under the hood).
    doorbell: mio::Waker,
    /// True while the runtime sleeps in the reactor.
    sleeping: AtomicBool,
    /// Every wake ever made, counted for the lesson's claims.
    wakes: AtomicUsize,
}

impl ReadyQueue {
    pub fn new(doorbell: mio::Waker) -> Self {
        Self {
            ids: Mutex::new(VecDeque::new()),
            doorbell,
            sleeping: AtomicBool::new(false),
            wakes: AtomicUsize::new(0),
        }
    }

    /// Queues `id` and, if the runtime is asleep, wakes it up.
    pub fn push(&self, id: TaskId) {
        self.ids.lock().unwrap().push_back(id);
        if self.sleeping.load(Ordering::SeqCst) {
            // Only a wake from another thread can find the runtime asleep;
            // a failed ring is as bad as a lost wake, so do not hide it.
            self.doorbell.wake().expect("the reactor's doorbell rings");
        }
    }

    pub fn pop(&self) -> Option<TaskId> {
        self.ids.lock().unwrap().pop_front()
    }
}
// ANCHOR_END: queue

impl ReadyQueue {
    /// Marks the runtime asleep; returns false (and stays awake) if a task
    /// was queued meanwhile. Pairs with the check in [`push`](Self::push):
    /// either the runtime sees the new id here, or the pusher sees
    /// `sleeping` and rings the doorbell. A wake is never lost.
    pub fn try_sleep(&self) -> bool {
        self.sleeping.store(true, Ordering::SeqCst);
        if self.ids.lock().unwrap().is_empty() {
            return true;
        }
        self.sleeping.store(false, Ordering::SeqCst);
        false
    }

    pub fn woke_up(&self) {
        self.sleeping.store(false, Ordering::SeqCst);
    }

    pub fn count_wake(&self) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }

    pub fn wakes(&self) -> usize {
        self.wakes.load(Ordering::SeqCst)
    }
}
