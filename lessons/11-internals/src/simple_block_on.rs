//! Step 1: the smallest executor that is not a busy loop.
//!
//! `block_on` polls one future on the current thread. When the future says
//! `Pending`, the thread parks (sleeps) until the future's waker unparks it.
//! The waker is ours to build: `std::task::Wake` turns any `Arc<T>` whose
//! `T: Wake` into a `Waker`, so no unsafe code and no raw vtables.

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

// ANCHOR: thread_waker
/// A waker that unparks the thread blocked in [`block_on`].
struct ThreadWaker {
    thread: Thread,
}

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        // `unpark` before `park` is not lost: the next `park` returns at
        // once. So a wake from another thread can never be missed.
        self.thread.unpark();
    }
}
// ANCHOR_END: thread_waker

// ANCHOR: block_on
/// Runs `fut` to completion on this thread; returns its output and how many
/// times it was polled.
pub fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    let mut fut = pin!(fut);
    let waker = Waker::from(Arc::new(ThreadWaker {
        thread: thread::current(),
    }));
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return (out, polls);
        }
        // Pending: the future has stored our waker somewhere. Sleep until
        // it is used. (`park` may also return spuriously; then we poll
        // once more, find the future still pending, and park again.)
        thread::park();
    }
}
// ANCHOR_END: block_on

/// A future that is ready after `wakes` wakes from a helper thread: each
/// poll hands the waker to the thread, which wakes it a little later.
/// Shows that `block_on` polls once per wake.
pub fn woken_by_thread(wakes: usize) -> impl Future<Output = usize> {
    let seen = Arc::new(AtomicUsize::new(0));
    std::future::poll_fn(move |cx| {
        let n = seen.load(Ordering::SeqCst);
        if n >= wakes {
            return Poll::Ready(n);
        }
        let seen = seen.clone();
        let waker = cx.waker().clone();
        thread::spawn(move || {
            thread::sleep(std::time::Duration::from_millis(5));
            seen.fetch_add(1, Ordering::SeqCst);
            waker.wake();
        });
        Poll::Pending
    })
}
