//! `asyncio.run_coroutine_threadsafe(coro, loop).result()`: submitting a
//! future from a plain thread.
//!
//! A `Handle` is a cheap, cloneable, `Send` reference to a runtime. Any
//! thread holding one can `spawn` onto that runtime: the future runs on the
//! runtime's workers, and the `JoinHandle` that comes back is the
//! `concurrent.futures.Future`. The plain thread then waits for it with
//! `Handle::block_on`, which blocks *this* thread until the task is done.
//! (Never do that on a runtime thread: `block_on` inside async code panics.)

use std::future::Future;
use std::thread::{self, ThreadId};
use std::time::Duration;

use tokio::runtime::Handle;

// ANCHOR: submit
/// Runs `fut` on the runtime behind `handle` and blocks the calling (plain)
/// thread until its output is back.
pub fn submit_and_wait<F>(handle: &Handle, fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let task = handle.spawn(fut); // scheduled on the runtime, starts at once
    handle
        .block_on(task)
        .expect("the task neither panicked nor was cancelled")
}
// ANCHOR_END: submit

/// What [`from_a_plain_thread`] observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The plain thread that submitted the future.
    pub caller: ThreadId,
    /// Whether that thread was inside a runtime (it is not).
    pub caller_in_runtime: bool,
    /// The thread the future ran on.
    pub ran_on: ThreadId,
    /// That thread's name.
    pub ran_on_name: String,
    /// Whether the future ran inside the runtime's context.
    pub ran_in_runtime: bool,
    /// The thread the result arrived on.
    pub came_back_on: ThreadId,
    /// The result.
    pub value: u32,
}

// ANCHOR: plain_thread
/// Starts a plain thread that submits a small async job to `handle`'s
/// runtime, and reports where everything happened.
pub fn from_a_plain_thread(handle: Handle) -> Report {
    thread::spawn(move || {
        let caller = thread::current().id();
        let caller_in_runtime = Handle::try_current().is_ok();
        let (ran_on, ran_on_name, ran_in_runtime, value) =
            submit_and_wait(&handle, async {
                let me = thread::current();
                let value =
                    kit::sim::query(42, Duration::from_millis(20)).await;
                (
                    me.id(),
                    me.name().unwrap_or("unnamed").to_string(),
                    Handle::try_current().is_ok(),
                    value,
                )
            });
        Report {
            caller,
            caller_in_runtime,
            ran_on,
            ran_on_name,
            ran_in_runtime,
            came_back_on: thread::current().id(),
            value,
        }
    })
    .join()
    .expect("the plain thread did not panic")
}
// ANCHOR_END: plain_thread
