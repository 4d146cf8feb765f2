//! Lesson 10 — executors: mixing sync and async.
//!
//! Async code and blocking code meet in both directions:
//!
//! - **Async calls sync.** A blocking call (a sync library, `std::fs`, a
//!   long computation) inside a task stalls every other task on that
//!   thread. `spawn_blocking` moves it to tokio's blocking pool
//!   (`asyncio.to_thread`); CPU-heavy work goes to a CPU pool such as
//!   rayon, bridged back with a `oneshot` — no process pool, because there
//!   is no GIL.
//! - **Sync calls async.** `Runtime::block_on` at the program's edges, a
//!   struct that owns a runtime to give a sync API over async code, and
//!   `Handle::block_on` from a plain thread. Doing it from *inside* a
//!   runtime panics: the nested-runtime panic, with its fixes.
//!
//! Each module below is one idea, run in order by
//! `cargo run -p lesson-10-executors` and shown in `book/src/10-executors.md`.

pub mod block_in_place;
pub mod blocking;
pub mod bridge;
pub mod cpu;
pub mod kv;
pub mod legacy;
pub mod nested;
pub mod panics;
pub mod pool_limit;
pub mod primes;
pub mod stall;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod offload;
    pub mod parallel_primes;
    pub mod sync_facade;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod offload;
    pub mod parallel_primes;
    pub mod sync_facade;
}
