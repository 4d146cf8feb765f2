//! Lesson 03 — tasks: running futures concurrently.
//!
//! Two ways to have several things in flight at once, and the tools built on
//! them:
//!
//! - **Tasks** (`tokio::spawn`, `JoinSet`): the runtime owns and polls them,
//!   whether or not anyone awaits their handle — Python's `create_task`.
//! - **Futures polled together inside one task** (`join!`, `join_all`,
//!   `select!`, `FuturesUnordered`): no spawning, borrowing allowed, and
//!   dropping the combination cancels every future in it.
//!
//! Each module below is one idea, run in order by
//! `cargo run -p lesson-03-tasks` and shown in `book/src/03-tasks.md`. The
//! demos take their delays as arguments: the claim tests pass the numbers
//! the chapter states and run them on tokio's paused clock; `main` passes
//! scaled-down ones so the whole tour takes a few seconds.

use std::time::Duration;

pub mod as_completed;
pub mod background;
pub mod cancel;
pub mod deadline;
pub mod detach;
pub mod errors;
pub mod first;
pub mod first_success;
pub mod gather;
pub mod handles;
pub mod spawn;
pub mod taskgroup;
pub mod timeout;

/// A simulated fetch: its name and how long it takes (see [`kit::sim::fetch`]).
pub type Job = (&'static str, Duration);

/// A simulated fetch that may fail: name, delay, and how it ends
/// (see [`kit::sim::try_fetch`]).
pub type Attempt = (&'static str, Duration, Outcome);

pub use kit::sim::Outcome;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod first_ok;
    pub mod gather;
    pub mod gather_limited;
    pub mod wait_deadline;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod first_ok;
    pub mod gather;
    pub mod gather_limited;
    pub mod wait_deadline;
}
