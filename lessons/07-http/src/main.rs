//! `cargo run -p lesson-07-http`: every demo of lesson 07, in order, against
//! the course's test server started in this process on 127.0.0.1. Offline:
//! nothing leaves the machine.
//!
//! Delays are a tenth of those in the Python tutorials this course follows
//! (their 1 s is 100 ms here), so the tour takes a few seconds; the times
//! printed are real.

use std::process::ExitCode;

use clap::Parser;

mod tour;

/// Lesson 07 — HTTP clients with reqwest: one shared Client, GET and POST
/// with JSON, errors, sequential against concurrent requests, a cap, the
/// pool, HTTP/2, retries with backoff, bodies dropped or streamed,
/// cancelling, and the blocking client.
///
/// Runs every demo of the chapter in order against a test server it starts
/// on 127.0.0.1; nothing leaves the machine (about five seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-07-http", version, about)]
struct Cli {}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    Cli::parse(); // bad arguments: clap prints why and exits 2
    match tour::run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
