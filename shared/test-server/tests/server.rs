//! The test server's tests in one binary, each file below one of its
//! modules: one binary links once, keeps `target/` small and runs its
//! tests side by side (every test starts its own server).
//! `tests/realtime.rs` is a binary of its own;
//! `tests/tests/course_map.rs` checks that every test file is in one.

mod cli;
mod counters;
mod lifecycle;
mod protocols;
mod routes;
