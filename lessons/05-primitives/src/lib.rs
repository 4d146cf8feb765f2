//! Lesson 05 — synchronisation primitives: coordinating tasks.
//!
//! asyncio's `Lock`, `Event`, `Semaphore`, `Barrier` and friends all have a
//! tokio counterpart in `tokio::sync` (plus `CancellationToken` from
//! tokio-util). They look alike, but two Rust facts change how they are
//! used: a lock *owns* the data it guards (no lock, no access), and what a
//! task spawned with `tokio::spawn` holds across an `.await` must be `Send`,
//! on every runtime flavour (only `spawn_local` on a `LocalSet` lifts that).
//!
//! Each module below is one idea, run in order by
//! `cargo run -p lesson-05-primitives` and shown in
//! `book/src/05-primitives.md`. The demos take their delays as arguments:
//! the claim tests pass the chapter's numbers on tokio's paused clock, and
//! `main` passes scaled-down ones on the real clock.

pub mod barrier;
pub mod event;
pub mod interval;
pub mod local;
pub mod lost_update;
pub mod once;
pub mod rate_and_cap;
pub mod rate_limiter;
pub mod rwlock;
pub mod semaphore;
pub mod std_mutex;
pub mod support;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod bank_account;
    pub mod single_flight;
    pub mod token_bucket;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod bank_account;
    pub mod single_flight;
    pub mod token_bucket;
}
