//! `spawn` and `JoinHandle`: a task's output, delivered to whoever awaits.
//!
//! The spawned future is wrapped: when it finishes, the wrapper stores the
//! output in a shared slot and wakes the task waiting on the handle, if
//! any. Everything stays on the runtime's one thread, so `Rc<RefCell<..>>`
//! is enough (and the compiler holds us to it: `Rc` cannot cross threads).

use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::context;

// ANCHOR: join
/// The slot a task's output goes to.
#[derive(Debug)]
struct Slot<T> {
    output: Option<T>,
    waiter: Option<Waker>,
}

/// Awaits the output of a spawned task.
#[derive(Debug)]
pub struct JoinHandle<T> {
    slot: Rc<RefCell<Slot<T>>>,
}

/// Starts `fut` as a task of the current lesson runtime.
pub fn spawn<F>(fut: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    let slot = Rc::new(RefCell::new(Slot {
        output: None,
        waiter: None,
    }));
    let filler = slot.clone();
    context::with_core(|core| {
        core.spawn_task(async move {
            let output = fut.await;
            let waiter = {
                let mut slot = filler.borrow_mut();
                slot.output = Some(output);
                slot.waiter.take()
            };
            if let Some(waker) = waiter {
                waker.wake();
            }
        });
    });
    JoinHandle { slot }
}

impl<T> Future for JoinHandle<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.slot.borrow_mut();
        match slot.output.take() {
            Some(output) => Poll::Ready(output),
            None => {
                slot.waiter = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: join

impl<T> JoinHandle<T> {
    /// True once the task has finished (and its output is waiting here).
    pub fn is_finished(&self) -> bool {
        self.slot.borrow().output.is_some()
    }
}
