//! The waker of a task: "put task N back on the ready queue".
//!
//! `std::task::Wake` turns an `Arc<TaskWaker>` into a `std::task::Waker`
//! (`Waker::from(arc)`), safely. A task keeps one `TaskWaker` for life and
//! hands out clones of the same `Waker` on every poll.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Wake;

use super::queue::{ReadyQueue, TaskId};

// ANCHOR: task_waker
#[derive(Debug)]
pub struct TaskWaker {
    id: TaskId,
    /// True from a wake until the task is next polled: waking a task that
    /// is already queued must not queue (and so poll) it twice.
    queued: AtomicBool,
    queue: Arc<ReadyQueue>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.queue.count_wake();
        if !self.queued.swap(true, Ordering::SeqCst) {
            self.queue.push(self.id);
        }
    }
}
// ANCHOR_END: task_waker

impl TaskWaker {
    pub fn new(id: TaskId, queue: Arc<ReadyQueue>) -> Arc<Self> {
        Arc::new(Self {
            id,
            queued: AtomicBool::new(false),
            queue,
        })
    }

    /// Queues the task without counting a wake: its first poll.
    pub fn schedule(&self) {
        self.queued.store(true, Ordering::SeqCst);
        self.queue.push(self.id);
    }

    /// Called just before the task is polled: a wake from now on (even one
    /// made during this very poll) queues it again.
    pub fn clear_queued(&self) {
        self.queued.store(false, Ordering::SeqCst);
    }
}
