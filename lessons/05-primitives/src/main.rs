//! `cargo run -p lesson-05-primitives`: every demo of lesson 05, in order.
//!
//! The demos run on the real clock with every delay cut to a quarter of the
//! chapter's numbers (the rate limiter runs four times as fast), so the tour
//! takes a few seconds. The claim tests run the same functions with the
//! full numbers on tokio's paused clock.

use clap::Parser;

mod tour;

/// Lesson 05 — synchronisation primitives: a lost update and tokio's
/// Mutex, std's Mutex, spawn_local, events (watch, CancellationToken,
/// Notify), Semaphore, RwLock, Barrier, OnceCell, a rate limiter, and
/// interval's missed ticks.
///
/// Runs every demo of the chapter in order, each delay a quarter of the
/// chapter's (about ten seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-05-primitives", version, about)]
struct Cli {}

// One thread: each chart then lists its tasks in the order they started.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    tour::run().await;
}
