//! `cargo run -p lesson-06-queues`: every demo of lesson 06, in order.
//!
//! The demos run on the real clock with every delay cut to a quarter of the
//! chapter's numbers, so the tour takes a few seconds. The claim tests run
//! the same functions with the full numbers on tokio's paused clock.

use clap::Parser;

mod tour;

/// Lesson 06 — queues and channels: a bounded mpsc as asyncio.Queue, two
/// Python programs that hang and the fix (close the channel), a pipeline
/// of reader, workers and writer, task_done and join, oneshot, broadcast
/// and watch.
///
/// Runs every demo of the chapter in order, each delay a quarter of the
/// chapter's (about fifteen seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-06-queues", version, about)]
struct Cli {}

// One thread: each chart then lists its tasks in the order they started.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run().await;
}
