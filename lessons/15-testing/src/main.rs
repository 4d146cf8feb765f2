//! `cargo run -p lesson-15-testing`: every demo of lesson 15, in order.
//!
//! Each section runs on its own runtime, the way each `#[tokio::test]` does:
//! paused-clock sections on a paused one, the network section on a real one.

use std::process::ExitCode;

use clap::Parser;

mod tour;

/// Lesson 15 — testing async code: #[tokio::test] and its flavours, the
/// paused clock and `advance`, timers that tie, retries and timeouts tested
/// deterministically, mockall, an axum handler over real HTTP, a database
/// fixture, and how the course grades a test you write.
///
/// Runs every demo of the chapter in order (a second or two).
#[derive(Debug, Parser)]
#[command(name = "lesson-15-testing", version, about)]
struct Cli {}

// No `#[tokio::main]`: each section builds the runtime its test would get.
fn main() -> ExitCode {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    match tour::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
