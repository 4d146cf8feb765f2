//! Lesson 15 — testing async code.
//!
//! Python tests async code with pytest-asyncio, patches `asyncio.sleep` to
//! skip waits, and fakes collaborators with `AsyncMock`. The Rust
//! counterparts, one idea per module:
//!
//! - [`flavours`]: `#[tokio::test]` builds a runtime per test; which kind.
//! - [`clock`]: tokio's paused clock — a one-hour timeout tested in
//!   milliseconds, and `advance` in steps.
//! - [`ties`]: two timers due at the same instant.
//! - [`deadline`] and [`retry`]: code whose behaviour is *timing*, tested
//!   exactly on the paused clock.
//! - [`users`]: an async trait mocked with `mockall` (AsyncMock's
//!   counterpart) and the code that uses it.
//! - [`service`]: an axum handler, tested without a network (`oneshot`) and
//!   with one ([`fixtures::TestApp`] on port 0, reqwest).
//! - [`db`] and [`fixtures::TestDb`]: the same API over SQLite, with a
//!   fresh database per test.
//! - [`grading`] and [`flawed`]: the "write the test" exercises — the
//!   learner's test runs against a correct implementation and against
//!   subtly broken ones, and must tell them apart.
//!
//! `cargo run -p lesson-15-testing` runs a tour of them.

pub mod clock;
pub mod db;
pub mod deadline;
pub mod fixtures;
pub mod flavours;
pub mod flawed;
pub mod grading;
pub mod retry;
pub mod service;
pub mod ties;
pub mod users;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod port_asyncmock;
    pub mod test_deadline;
    pub mod test_retry;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod port_asyncmock;
    pub mod test_deadline;
    pub mod test_retry;
}
