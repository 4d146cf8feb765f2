//! Lesson 04 — streams and resources: async iterators, generators, guards.
//!
//! A `Stream` is the async counterpart of an iterator: Python's `async for`
//! target. Resources that must be given back (connections, transactions,
//! buffered writers) are handled with guards whose `Drop` releases them on
//! every path out, with closure-taking "with" helpers, and — because there
//! is no async `Drop` — with an explicit `close().await` where the cleanup
//! itself has to wait. Each module below is one idea, run in order by
//! `cargo run -p lesson-04-streams` and shown in the book chapter
//! `book/src/04-streams.md`.

pub mod async_range;
pub mod boxed;
pub mod buffered;
pub mod close;
pub mod consume;
pub mod generators;
pub mod guard;
pub mod services;
pub mod with_helper;

/// The learner's exercises: stubs to fill in (`cargo run -p course -- next`).
#[allow(unused_variables, unused_imports, dead_code)]
pub mod exercises {
    pub mod countdown;
    pub mod limited_fetch;
    pub mod paginated;
    pub mod with_transaction;
}

/// Reference solutions, tested on every `cargo test --workspace`.
pub mod solutions {
    pub mod countdown;
    pub mod limited_fetch;
    pub mod paginated;
    pub mod with_transaction;
}
