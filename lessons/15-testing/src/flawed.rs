//! Subtly broken implementations, for the "write the test" exercises.
//!
//! Each returns the right values in the easy cases; each gets one thing
//! wrong, and the learner's test must notice. Reading them first spoils the
//! exercises, but reading them afterwards shows how small a real bug can be.

pub mod deadline;
pub mod notify;
pub mod retry;

/// A broken implementation names its flaw: the message a learner sees when
/// their test lets it through ("your test did not catch: …").
pub trait Flaw {
    const FLAW: &'static str;
}
