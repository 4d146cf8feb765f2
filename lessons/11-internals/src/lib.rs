//! Lesson 11 — internals: build a runtime, then look inside tokio's.
//!
//! - [`simple_block_on`]: step 1, `block_on` with a thread-parking waker.
//! - [`runtime`]: the lesson's own runtime — ready queue, wakers, `spawn`
//!   and `JoinHandle`, a timer heap, and an I/O reactor on mio.
//! - [`demos`]: the claims' experiments on that runtime (joined sleeps,
//!   counted polls).
//! - [`echo`]: a TCP echo server on the lesson's runtime, one thread.
//! - [`metrics`], [`spans`]: tokio's own runtime, observed: `RuntimeMetrics`
//!   and `tracing` spans.
//!
//! `cargo run -p lesson-11-internals` runs them all in order; the chapter
//! is `book/src/11-internals.md`.

pub mod demos;
pub mod echo;
pub mod metrics;
pub mod runtime;
pub mod simple_block_on;
pub mod spans;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod timeout;
    pub mod udp_recv;
    pub mod upper_server;
    pub mod yield_now;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod timeout;
    pub mod udp_recv;
    pub mod upper_server;
    pub mod yield_now;
}
