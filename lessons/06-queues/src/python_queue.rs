//! `asyncio.Queue`, faithfully: one shared object that never closes.
//!
//! Used only to translate the Python tutorials' programs line for line.
//! Everyone holds the whole queue, both ends, as in Python; so the channel
//! inside can never close, and a consumer waiting on an empty queue waits
//! for ever. `task_done()` and `join()` are a counted wait: `put` adds one
//! unfinished item, `task_done` takes one off, and `join` waits for zero.

use tokio::sync::watch;

// ANCHOR: py_queue
/// `asyncio.Queue(maxsize)`: `put`, `get`, `task_done`, `join`, `qsize`.
#[derive(Debug)]
pub struct PyQueue<T> {
    tx: async_channel::Sender<T>,
    rx: async_channel::Receiver<T>,
    unfinished: watch::Sender<usize>,
}

impl<T> PyQueue<T> {
    /// A queue holding at most `maxsize` items (0: no limit, as in Python).
    pub fn new(maxsize: usize) -> Self {
        let (tx, rx) = match maxsize {
            0 => async_channel::unbounded(),
            n => async_channel::bounded(n),
        };
        let (unfinished, _) = watch::channel(0);
        Self { tx, rx, unfinished }
    }

    /// Waits for room, then adds `item` (one more unfinished task).
    pub async fn put(&self, item: T) {
        // This queue holds a receiver itself, so it is never closed.
        self.tx.send(item).await.expect("never closed");
        self.unfinished.send_modify(|n| *n += 1);
    }

    /// Waits for an item. On an empty queue nobody will fill, for ever.
    pub async fn get(&self) -> T {
        self.rx.recv().await.expect("never closed")
    }

    /// One item taken with `get` is fully handled.
    pub fn task_done(&self) {
        self.unfinished.send_modify(|n| {
            *n = n.checked_sub(1).expect("task_done() called too many times");
        });
    }

    /// Waits until every item ever put has been marked `task_done`.
    pub async fn join(&self) {
        let mut count = self.unfinished.subscribe();
        let _ = count.wait_for(|&n| n == 0).await; // `self` keeps the sender
    }

    /// Items waiting in the queue now.
    pub fn qsize(&self) -> usize {
        self.rx.len()
    }

    /// Items put but not yet marked `task_done`.
    pub fn unfinished(&self) -> usize {
        *self.unfinished.borrow()
    }
}
// ANCHOR_END: py_queue

impl<T> Clone for PyQueue<T> {
    // Another handle on the same queue (no `T: Clone` needed).
    fn clone(&self) -> Self {
        Self {
            tx: self.tx.clone(),
            rx: self.rx.clone(),
            unfinished: self.unfinished.clone(),
        }
    }
}
