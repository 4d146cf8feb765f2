//! `cargo run -p lesson-14-web`: the service, until Ctrl-C or SIGTERM.
//!
//! `cargo run -p lesson-14-web -- --tour` starts it on a free port, walks
//! through every endpoint with an HTTP client, and shuts it down.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use lesson_14_web::Stopped;
use tracing_subscriber::EnvFilter;

mod service;
mod tour;

/// Lesson 14: a user service with axum and sqlx.
#[derive(Debug, Parser)]
#[command(about)]
struct Cli {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    port: u16,
    /// sqlite://PATH or postgres://USER@HOST/DB; a temporary SQLite file
    /// when absent.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Connections in the database pool.
    #[arg(
        long,
        default_value_t = 20,
        value_parser = clap::value_parser!(u32).range(1..=1000)
    )]
    pool: u32,
    /// Simulated database round trip, in milliseconds.
    #[arg(long, default_value_t = 0)]
    db_latency_ms: u64,
    /// How long sending one welcome mail takes, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    mail_ms: u64,
    /// How long shutdown waits for requests and mail, in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    drain_ms: u64,
    /// Walk through every endpoint, then stop.
    #[arg(long)]
    tour: bool,
}

// One multi-threaded runtime: a worker thread per core, every connection
// a task any of them can run. uvicorn's `--workers 4` starts four
// processes instead, each with its own event loop, pool and memory.
#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse(); // bad flags: clap explains, exits 2
    // RUST_LOG overrides; the tour shows less so its output stays short.
    let default = if cli.tour {
        "info"
    } else {
        "info,tower_http=debug"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| default.into()),
        )
        .with_ansi(std::io::stdout().is_terminal())
        .with_target(false)
        .without_time()
        .init();
    match service::run(cli).await {
        Ok(Stopped::Clean) => ExitCode::SUCCESS,
        Ok(Stopped::DeadlinePassed) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
