//! `cargo run -p lesson-08-files`: every demo of lesson 08, in order, in a
//! temporary directory that is removed at the end.
//!
//! The same program is the crash test's child process:
//! `lesson-08-files crash-writer naive|atomic|atomic-loop PATH` (see
//! `lesson_08_files::crash`); the tour starts it that way itself.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand};
use lesson_08_files::crash::{self, Writer};

mod tour;

/// Lesson 08 — files: tokio::fs and the blocking pool. Whole files and
/// handles, what a drop without a flush loses, reading line by line, many
/// files at once and what it costs, try_collect, a JSON round trip, and a
/// write that survives a crash (temp file, sync, rename).
///
/// Without a command, runs every demo of the chapter in order, in a
/// temporary directory (a few seconds).
#[derive(Debug, Parser)]
#[command(name = "lesson-08-files", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Internal: the crash test's child; writes PATH until it is killed.
    #[command(hide = true)]
    CrashWriter {
        /// How it writes.
        #[arg(value_parser = PossibleValuesParser::new(
            [Writer::Naive, Writer::Atomic, Writer::AtomicLoop].map(Writer::name)
        ))]
        mode: String,
        path: PathBuf,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse(); // bad arguments: clap prints why and exits 2
    let outcome = match cli.command {
        None => tour::run().await,
        Some(Command::CrashWriter { mode, path }) => {
            crash_writer(&mode, path).await
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The child process of the crash test. It only returns on an error.
async fn crash_writer(mode: &str, path: PathBuf) -> tour::Result {
    let writer = Writer::parse(mode).expect("clap checked the name");
    crash::child(writer, &path).await?;
    Ok(())
}
