//! Pitfall: timers or sockets without a runtime that drives them.
//!
//! tokio's timers and sockets register with *drivers* that live in the
//! runtime: a timer wheel and the I/O reactor. A runtime built by hand
//! without `enable_all()` (or `enable_time()` / `enable_io()`) has
//! neither, and the first timer or socket panics. So does using them with
//! no tokio runtime at all — under `futures::executor::block_on`, or on a
//! plain thread. Each function here returns the panic message it got.
//!
//! (`sleep(d)` finds its timer when it is *called*, not when awaited, so
//! the calls below sit inside `async` blocks: `block_on(sleep(d))` would
//! call `sleep` before `block_on` has entered the runtime.)

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use tokio::runtime::Builder;

use crate::panics::message;

/// Runs `f`, returning its panic message if it panicked.
fn panic_message(f: impl FnOnce()) -> Option<String> {
    catch_unwind(AssertUnwindSafe(f))
        .err()
        .map(|payload| message(&*payload))
}

// ANCHOR: no_enable
/// A sleep on a runtime built without `enable_all()`.
pub fn sleep_without_enable_time() -> Option<String> {
    let runtime = Builder::new_current_thread().build().expect("runtime");
    panic_message(|| {
        runtime.block_on(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
        });
    })
}

/// A TCP listener on a runtime built without `enable_all()`.
pub fn socket_without_enable_io() -> Option<String> {
    let runtime = Builder::new_current_thread().build().expect("runtime");
    panic_message(|| {
        let _ = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"));
    })
}

/// A tokio sleep under another executor: no tokio runtime at all.
pub fn sleep_without_a_runtime() -> Option<String> {
    panic_message(|| {
        futures::executor::block_on(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
        });
    })
}

/// The fix: `enable_all()` turns on both drivers.
pub fn sleep_with_enable_all() -> Option<String> {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    panic_message(|| {
        runtime.block_on(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
        });
    })
}
// ANCHOR_END: no_enable
