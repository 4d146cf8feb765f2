//! Lesson 12 — pitfalls, and their fixes.
//!
//! One module per classic mistake of async code. Each shows the symptom a
//! learner actually meets — a compiler error, tokio's panic message, a
//! stall, lost data — next to the fix, and each is tested:
//!
//! | module | the mistake |
//! |---|---|
//! | [`blocking`] | blocking the runtime: `thread::sleep`, a sync HTTP call |
//! | [`never_awaited`] | a future that is never awaited |
//! | [`sequential`] | awaiting one by one where concurrency was meant |
//! | [`nested`] | blocking on a runtime from inside one |
//! | [`unbounded`] | starting everything at once |
//! | [`locks`] | a std `MutexGuard` or an `Rc` held across `.await` |
//! | [`select_loss`] | a non-cancel-safe read in a `select!` loop |
//! | [`task_panic`] | a panicking task |
//! | [`shutdown`] | detached tasks killed when the runtime shuts down |
//! | [`builder`] | a runtime built without `enable_all` |
//!
//! The two end-marker hangs of the Python tutorials this course follows
//! are lesson 06's.

pub mod blocking;
pub mod builder;
pub mod locks;
pub mod mailer;
pub mod nested;
pub mod never_awaited;
pub mod panics;
pub mod select_loss;
pub mod select_trace;
pub mod sequential;
pub mod server;
pub mod shutdown;
pub mod task_panic;
pub mod unbounded;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod cap_concurrency;
    pub mod frame_reader;
    pub mod send_all;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod cap_concurrency;
    pub mod frame_reader;
    pub mod send_all;
}
