//! Lesson 00 — why async: waiting, not working.
//!
//! Most programs that talk to networks, disks and databases spend their time
//! *waiting*. This lesson runs one workload — three fetches of 300, 200 and
//! 400 ms — four ways: plain blocking code, one OS thread per fetch, async
//! awaits one after another, and async awaits run concurrently on one
//! thread. Then it looks at CPU-bound work, where waiting is not the problem
//! and Rust threads (no GIL) really do run in parallel.
//!
//! Each module below is one idea, run in order by
//! `cargo run -p lesson-00-why-async` and shown in the book chapter
//! `book/src/00-why-async.md`.

pub mod blocking;
pub mod concurrent;
pub mod cpu;
pub mod request;
pub mod sequential;
pub mod services;
pub mod threads;
pub mod workload;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod concurrent_fetches;
    pub mod dashboard;
    pub mod in_batches;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod concurrent_fetches;
    pub mod dashboard;
    pub mod in_batches;
}
