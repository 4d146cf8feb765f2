//! `cargo run -p lesson-03-tasks`: every demo of lesson 03, in order.
//!
//! The demos run on the real clock with every delay cut to a quarter of the
//! chapter's numbers, so the tour takes a few seconds. The claim tests run
//! the same functions with the full numbers on tokio's paused clock.

use clap::Parser;

mod tour;

/// Lesson 03 — tasks: running futures concurrently. Spawning, join! and
/// join_all (gather), select! and select_ok, JoinSet as completed and as a
/// task group, deadlines, timeouts, cancelling with cleanup.
///
/// Runs every demo of the chapter in order, each delay a quarter of the
/// chapter's (about seven seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-03-tasks", version, about)]
struct Cli {}

// One thread is plenty for waiting, and it makes each chart list its tasks
// in the order they started. (Tasks can run in parallel on the default
// multi-threaded runtime; nothing here depends on it.)
#[tokio::main(flavor = "current_thread")]
async fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run().await;
}
