//! "The current runtime": a thread-local set while `block_on` runs.
//!
//! `spawn`, `sleep` and the sockets find their runtime here, the way
//! tokio's do (and the way asyncio's `get_running_loop()` does): that is
//! why they need no runtime argument, and why they panic outside one.

use std::cell::RefCell;
use std::rc::Rc;

use super::Core;

thread_local! {
    static CURRENT: RefCell<Option<Rc<Core>>> = const { RefCell::new(None) };
}

/// Calls `f` with the current runtime's core.
///
/// # Panics
/// Outside `Runtime::block_on`, with a message that says so.
pub fn with_core<R>(f: impl FnOnce(&Core) -> R) -> R {
    try_with_core(f).expect(
        "no lesson runtime is running: call this inside Runtime::block_on",
    )
}

/// Like [`with_core`], but `None` outside a runtime (for `Drop`s, which may
/// run after the runtime is gone).
pub fn try_with_core<R>(f: impl FnOnce(&Core) -> R) -> Option<R> {
    let core = CURRENT.with(|current| current.borrow().clone())?;
    Some(f(&core))
}

/// Makes `core` current until the guard is dropped.
pub fn enter(core: Rc<Core>) -> EnterGuard {
    let previous = CURRENT.with(|current| current.replace(Some(core)));
    EnterGuard { previous }
}

#[derive(Debug)]
pub struct EnterGuard {
    previous: Option<Rc<Core>>,
}

impl Drop for EnterGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|current| *current.borrow_mut() = previous);
    }
}
