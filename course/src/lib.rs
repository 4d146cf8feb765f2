//! The learner's runner for the async I/O course: `cargo run -p course --
//! list | run | check | hint | next | watch | reset | verify`.
//!
//! A library as well as a binary so other crates (the cross-lesson checks)
//! can read `course.toml` through [`manifest`] with the same rules.

pub mod cargo;
pub mod changes;
pub mod commands;
pub mod error;
pub mod git;
pub mod lint;
pub mod manifest;
pub mod mistakes;
pub mod root;
pub mod state;
pub mod suggest;
pub mod testrun;
pub mod ui;

/// How the learner runs the runner; printed in every suggested command.
/// Here at the root so both `manifest` and `error` can name it without
/// importing each other (`manifest` uses `error`, not the other way).
pub const RUNNER: &str = "cargo run -p course --";

pub use error::UsageError;
pub use manifest::{Claim, Course, Exercise, Lesson};
pub use state::State;
