//! `cargo run -p lesson-13-patterns`: every demo of lesson 13, in order.
//!
//! `cargo run -p lesson-13-patterns -- echo-server --port 7000` runs the
//! echo server on its own until Ctrl-C or SIGTERM; try it with
//! `nc 127.0.0.1 7000`. The shutdown test starts it the same way.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use lesson_13_patterns::echo::{self, Narrate};

mod tour;

/// Lesson 13: patterns for production.
#[derive(Debug, Parser)]
#[command(about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the echo server until Ctrl-C or SIGTERM, then drain and exit.
    EchoServer {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 7000)]
        port: u16,
        /// Connections served at once; more wait their turn.
        #[arg(
            long,
            default_value_t = 250,
            value_parser = clap::value_parser!(u32).range(1..=100_000)
        )]
        max_connections: u32,
        /// Milliseconds of simulated work per exchange.
        #[arg(long, default_value_t = 0)]
        work_ms: u64,
        /// Milliseconds a shutdown waits for busy connections.
        #[arg(long, default_value_t = 5_000)]
        drain_ms: u64,
    },
}

// A runtime built by hand: the tour starts runtimes of its own on other
// threads, and the echo server's exit code depends on its report.
fn main() -> ExitCode {
    let cli = Cli::parse(); // bad arguments: clap prints why, exits 2
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    match cli.command {
        None => {
            hide_the_deliberate_panic();
            runtime.block_on(tour::run());
            ExitCode::SUCCESS
        }
        Some(Command::EchoServer {
            port,
            max_connections,
            work_ms,
            drain_ms,
        }) => {
            let config = echo::Config {
                max_connections: max_connections as usize,
                work: Duration::from_millis(work_ms),
                drain_deadline: Duration::from_millis(drain_ms),
                narrate: Narrate::Stdout,
            };
            let served = echo::serve_until_signal(port, config);
            match runtime.block_on(served) {
                Ok(report) if report.cut_off == 0 => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE, // the deadline cut someone off
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The tour's one deliberate panic (a JoinSet task) is shown as a result;
/// any other still gets the default report.
fn hide_the_deliberate_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if kit::panics::message(info.payload()) != "upload failed" {
            report(info);
        }
    }));
}
