//! `cargo run -p lesson-10-executors`: every demo of lesson 10, in order.
//!
//! Real clock throughout: blocking calls and CPU work are what this lesson
//! is about, and tokio's paused clock cannot show them. The blocking call
//! is cut from the chapter's 2 s to 0.5 s so the tour stays short.

use clap::Parser;
use lesson_10_executors::nested;
use lesson_10_executors::panics;

mod tour;

/// Lesson 10 — executors, mixing sync and async: spawn_blocking, who
/// waits for a blocked thread, CPU work on a rayon pool, the blocking
/// pool's limit, block_in_place, block_on at the edges, a sync bridge
/// over async code, and the nested-runtime panic with its fixes.
///
/// Runs every demo of the chapter in order, on the real clock (a few
/// seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-10-executors", version, about)]
struct Cli {}

/// The panics this tour provokes on purpose (tokio's messages).
const EXPECTED: [&str; 2] = [
    nested::NESTED_RUNTIME,
    "can call blocking only when running on the multi-threaded runtime",
];

// A plain `fn main`: this lesson builds runtimes of its own and blocks on
// them, which is only allowed outside any runtime.
fn main() {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    quiet_expected_panics();
    tour::run();
}

/// The demos panic on purpose, inside tasks; the runtime catches those
/// panics and the demo prints tokio's message itself. Keep the default
/// report for any other panic.
fn quiet_expected_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = panics::message(info.payload());
        if !EXPECTED.iter().any(|start| text.starts_with(start)) {
            report(info);
        }
    }));
}
