//! `cargo run -p lesson-12-pitfalls`: each pitfall of lesson 12, its
//! symptom and its fix, in order.
//!
//! Blocking calls run on the real clock (that is the point); everything
//! else is cut short so the tour takes a few seconds.

use clap::Parser;
use lesson_12_pitfalls::panics;

mod tour;

/// Lesson 12 — pitfalls, each with its symptom and its fix: blocking the
/// runtime, a future never awaited, sequential awaits, a runtime inside a
/// runtime, unbounded concurrency, locks and Rc across .await, a
/// non-cancel-safe read in select!, a panicking task, detached tasks at
/// shutdown, a runtime built without enable_all.
///
/// Runs every pitfall of the chapter in order (a few seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-12-pitfalls", version, about)]
struct Cli {}

/// The panics this tour provokes on purpose.
const EXPECTED: [&str; 6] = [
    "Cannot start a runtime from within a runtime",
    "payment service exploded",
    "A Tokio 1.x context was found",
    "there is no reactor running",
    "can call blocking only",
    "Cannot drop a runtime",
];

// An error (no local test server, no runtime) is printed by `main`'s
// `Result`, exit 1.
fn main() -> std::io::Result<()> {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    quiet_expected_panics();
    tour::run()
}

/// Keeps the default report for any panic but the ones shown on purpose.
fn quiet_expected_panics() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = panics::message(info.payload());
        if !EXPECTED.iter().any(|start| text.starts_with(start)) {
            report(info);
        }
    }));
}
