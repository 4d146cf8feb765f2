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
//! - [`shutdown`]: signals, `CancellationToken`, stopping workers;
//! - [`echo`]: a TCP echo server with a connection cap that drains on
//!   shutdown (`cargo run -p lesson-13-patterns -- echo-server`).

pub mod background;
pub mod backoff;
pub mod deadline;
pub mod echo;
pub mod rate_limit;
pub mod shutdown;

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
