//! `cargo run -p lesson-04-streams`: every demo of lesson 04, in order.

use clap::Parser;

mod tour;

/// Lesson 04 — streams and resources: async iterators and guards. Streams
/// by hand, from unfold and from a channel; collect, buffered and
/// buffer_unordered; guards and with-helpers that give a connection back;
/// closing without an async Drop.
///
/// Runs every demo of the chapter in order (about five seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-04-streams", version, about)]
struct Cli {}

#[tokio::main]
async fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run().await;
}
