//! `cargo run -p lesson-11-internals`: every demo of lesson 11, in order.
//!
//! The lesson's own runtime keeps real time, so its delays are tens of
//! milliseconds; tokio's metrics and spans run on tokio.

use std::process::ExitCode;

use clap::Parser;

mod tour;

/// Lesson 11 — internals: a small runtime built from scratch (block_on
/// and a waker, a ready queue, spawn and JoinHandle, a timer heap, a mio
/// reactor, an echo server on one thread), then tokio looked at from
/// inside: RuntimeMetrics and tracing spans.
///
/// Runs every demo of the chapter in order (about a second).
#[derive(Debug, Parser)]
#[command(name = "lesson-11-internals", version, about)]
struct Cli {}

fn main() -> ExitCode {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    match tour::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
