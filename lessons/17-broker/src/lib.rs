//! Lesson 17 — beyond one process: lesson 06's work queue on a real broker.

pub mod bench;
pub mod bounded;
pub mod children;
pub mod crash;
pub mod dedup;
pub mod drain;
pub mod produce;
pub mod queue;
pub mod results;
pub mod server;
pub mod shared;
pub mod support;
pub mod worker;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod ack_after_store;
    pub mod graceful_worker;
    pub mod submit_once;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod ack_after_store;
    pub mod graceful_worker;
    pub mod submit_once;
}
