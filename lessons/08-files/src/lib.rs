//! Lesson 08 — files: `tokio::fs` and the blocking pool.
//!
//! Operating systems offer no portable non-blocking API for regular files,
//! so `tokio::fs` does what Python's aiofiles does: every call is handed to
//! a thread of tokio's blocking pool (`spawn_blocking`) and awaited. That
//! keeps the runtime's threads free, but costs a thread hand-off per call.
//! This lesson uses it, measures it, and shows when plain `std::fs` inside
//! one `spawn_blocking` is the better tool. (The old `tokio-fs` crate is
//! now this module, `tokio::fs`.)
//!
//! Each module is one idea, run in order by `cargo run -p lesson-08-files`
//! and shown in `book/src/08-files.md`. Every file lives in a temporary
//! directory.

pub mod atomic;
pub mod basics;
pub mod concurrent;
pub mod crash;
pub mod flush;
pub mod json_file;
pub mod lines;
pub mod listing;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod count_errors;
    pub mod download_all;
    pub mod save_json;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod count_errors;
    pub mod download_all;
    pub mod save_json;
}
