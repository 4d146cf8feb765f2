//! Lesson 13 — patterns for production.
//!
//! What a service needs beyond "it works": limits on how fast it calls
//! others, retries that do not stampede, deadlines that nest, background
//! work that is not lost, and a shutdown that finishes what it started.
//!
//! Each module is one idea, run in order by `cargo run -p lesson-13-patterns`
//! and shown in `book/src/13-patterns.md`:
//!
//! - [`rate_limit`]: `governor` quotas and waiting for a free cell;
//! - [`backoff`]: exponential backoff with full jitter, seeded for tests;
//! - [`deadline`]: per-call timeouts under a request's budget;
//! - [`background`]: `TaskTracker` for work that outlives a request;
//! - [`task_ids`]: which task ended how: `join_next_with_id`, task `Id`s;
//! - [`shutdown`]: signals, `CancellationToken`, stopping workers;
//! - [`periodic`]: an `interval` that stops on a token;
//! - [`drain`]: the three steps of a graceful drain, on a timeline;
//! - [`echo`]: a TCP echo server with a connection cap that drains on
//!   shutdown (`cargo run -p lesson-13-patterns -- echo-server`).

pub mod background;
pub mod backoff;
pub mod deadline;
pub mod drain;
pub mod echo;
pub mod periodic;
pub mod rate_limit;
pub mod shutdown;
pub mod task_ids;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod budget;
    pub mod graceful;
    pub mod retry;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod budget;
    pub mod graceful;
    pub mod retry;
}
