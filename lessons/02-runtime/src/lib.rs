//! Lesson 02 — the runtime: tokio's event loop.
//!
//! Python has one event loop per thread, started by `asyncio.run`. Rust's
//! language has no loop at all: a *runtime* is a library value you build,
//! run futures on with `block_on`, and drop. tokio's runtime is a scheduler
//! (the ready queue), an I/O driver (epoll/kqueue through mio) and a timer.
//! Each module below is one idea, run in order by
//! `cargo run -p lesson-02-runtime` and shown in the book chapter
//! `book/src/02-runtime.md`.

pub mod clock;
pub mod entry;
pub mod flavors;
pub mod manual;
pub mod per_thread;
pub mod running;
pub mod scheduling;
pub mod task_handle;
pub mod threadsafe;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod call_later;
    pub mod run_sync;
    pub mod submit_from_thread;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod call_later;
    pub mod run_sync;
    pub mod submit_from_thread;
}
