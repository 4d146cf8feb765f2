//! Lesson 01 — coroutines, the Rust way: futures.
//!
//! An `async fn` returns a *future*: a value that describes work and does
//! none of it until something polls it. `.await` is how one future polls
//! another; a runtime (tokio) polls the outermost one. Each module below is
//! one idea, run in order by `cargo run -p lesson-01-coroutines` and shown in
//! the book chapter `book/src/01-coroutines.md`.

pub mod awaitables;
pub mod colour;
pub mod countdown;
pub mod lazy;
pub mod lifecycle;
pub mod sequential;
pub mod yielding;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod flag;
    pub mod one_after_another;
    pub mod timed;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod flag;
    pub mod one_after_another;
    pub mod timed;
}
