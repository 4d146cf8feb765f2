//! "Is a loop running here?" — `Handle::try_current`.
//!
//! Python's `asyncio.get_running_loop()` returns the loop running in this
//! thread or raises `RuntimeError`. tokio keeps the current runtime in a
//! thread-local *context*: `Handle::try_current()` returns it or an error,
//! `Handle::current()` returns it or panics. The context belongs to a
//! thread: a plain thread spawned from async code does not inherit it, but
//! it can carry a `Handle` over and `enter()` it.

use tokio::runtime::{Builder, Handle};

// ANCHOR: running
/// `True` if this thread is inside a tokio runtime's context.
pub fn runtime_is_running() -> bool {
    Handle::try_current().is_ok()
}

/// Asks [`runtime_is_running`] from four places.
pub fn where_is_a_runtime() -> Vec<(&'static str, bool)> {
    let outside = runtime_is_running();
    let runtime = Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let inside = runtime.block_on(async { runtime_is_running() });

    // A plain thread does not inherit the runtime; with a Handle it can
    // enter the runtime's context (then spawn, create timers, and so on).
    let handle = runtime.handle().clone();
    let (plain, entered) = std::thread::spawn(move || {
        let plain = runtime_is_running();
        let _guard = handle.enter(); // the context lasts while the guard lives
        (plain, runtime_is_running())
    })
    .join()
    .expect("no panic");

    vec![
        ("outside any runtime", outside),
        ("inside block_on", inside),
        ("on a plain thread", plain),
        ("on a plain thread after handle.enter()", entered),
    ]
}
// ANCHOR_END: running
