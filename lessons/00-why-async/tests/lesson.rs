//! Lesson 00's other tests in one binary, each file below one of its
//! modules: one binary links once, keeps `target/` small and runs its
//! tests side by side.
//! `tests/exercises.rs` and `tests/realtime.rs` are binaries of their own;
//! `tests/tests/course_map.rs` checks that every test file is in one.

mod claims;
mod cli;
mod demos;
