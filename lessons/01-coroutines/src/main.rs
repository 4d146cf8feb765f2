//! `cargo run -p lesson-01-coroutines`: every demo of lesson 01, in order.

use clap::Parser;

mod tour;

/// Lesson 01 — coroutines, the Rust way: futures. Calling an async fn runs
/// nothing; awaits in a row add up; a future written by hand, traced from
/// created to ready; yield_now; calling async code from sync code.
///
/// Runs every demo of the chapter in order (about four seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-01-coroutines", version, about)]
struct Cli {}

fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run();
}
