//! "Function colour": calling async code from sync code.
//!
//! Only async code can `.await`. Python bridges the gap with
//! `asyncio.run(coro)`; Rust's bridge is a runtime's `block_on`, which
//! drives one future to completion on the calling thread. Do it at the edge
//! of a program (a `main`, a sync library call, a test) — never from inside
//! async code, where it would block the runtime (lesson 10 shows the panic).

use std::time::Duration;

// ANCHOR: colour
/// A plain, synchronous function that needs an async one's result.
pub fn fetch_blocking(name: &str) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time() // the fetch sleeps, so the runtime needs its timer
        .build()
        .expect("a runtime");
    runtime.block_on(kit::sim::fetch(name, Duration::from_millis(50)))
}
// ANCHOR_END: colour
