//! `cargo run -p lesson-02-runtime`: every demo of lesson 02, in order.

use clap::Parser;

mod tour;

/// Lesson 02 — the runtime: tokio's event loop. Starting and stopping a
/// runtime, scheduling callbacks, a task's handle, the paused clock,
/// current_thread against multi_thread, and reaching a runtime from a
/// plain thread.
///
/// Runs every demo of the chapter in order (about five seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-02-runtime", version, about)]
struct Cli {}

fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run();
}
