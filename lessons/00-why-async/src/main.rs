//! `cargo run -p lesson-00-why-async`: every demo of lesson 00, in order.

use clap::Parser;

mod tour;

/// Lesson 00 — why async: three waits run blocking, on threads, awaited
/// one by one and awaited together, timed side by side; then CPU-bound
/// work, where async gains nothing.
///
/// Runs every demo of the chapter in order (about ten seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-00-why-async", version, about)]
struct Cli {}

fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run();
}
