//! The learner's runner: `cargo run -p course -- <command>`, or `cargo
//! course <command>` with the workspace alias.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use course::commands::{check, hint, list, next, reset, run, verify, watch};
use course::{Course, UsageError, root};

/// Your guide through the async I/O course: list the lessons, run them,
/// and check your exercise solutions.
#[derive(Debug, Parser)]
#[command(bin_name = "cargo run -p course --", version)]
struct Cli {
    /// The course folder [default: the nearest folder up from here that has
    /// a course.toml]
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Every lesson and exercise, with your progress
    List,
    /// Run a lesson's program, e.g. `run 01`
    Run {
        /// The lesson: `01`, `1` or `01-coroutines`
        lesson: String,
        /// Arguments for the lesson's program, after `--`
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Check an exercise (every exercise, in order, without an ID)
    Check {
        /// The exercise, e.g. `01-one-after-another`
        id: Option<String>,
        /// Check the reference solution instead of your file (maintainers)
        #[arg(long)]
        solution: bool,
        /// Show everything cargo and the tests printed
        #[arg(long, short)]
        verbose: bool,
    },
    /// Show an exercise's hint: a nudge, then the recipe with --more
    Hint {
        /// The exercise, e.g. `01-one-after-another`
        id: String,
        /// Show the recipe too: how to write it, step by step
        #[arg(long)]
        more: bool,
    },
    /// What to do next: the first exercise not done yet
    Next,
    /// Re-check the current exercise each time you save a file
    Watch {
        /// Don't watch files: re-check when you press Enter instead
        #[arg(long)]
        manual_run: bool,
    },
    /// Put an exercise's original stub back (yours is kept as a .backup)
    Reset {
        /// The exercise, e.g. `01-one-after-another`
        id: String,
    },
    /// maintainers: prove every exercise's tests fail on its stub and on
    /// its known-wrong answers, and pass on its solution
    Verify {
        /// Only this lesson (`05`) or exercise (`05-bank-account`)
        only: Option<String>,
        /// Seconds each test run may take before it counts as hung
        #[arg(long, value_name = "SECS", default_value_t = 120)]
        timeout: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            // A mistyped name is a usage error, like clap's own.
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = root::find(cli.root.as_deref())?;
    let course = Course::load(&root)?;
    match cli.command {
        None => list::overview(&course),
        Some(Cmd::List) => list::list(&course),
        Some(Cmd::Run { lesson, args }) => run::run(&course, &lesson, &args),
        Some(Cmd::Check {
            id,
            solution,
            verbose,
        }) => {
            let target = if solution {
                check::Target::Solution
            } else {
                check::Target::Stub
            };
            let output = if verbose {
                check::Output::Verbose
            } else {
                check::Output::Brief
            };
            check::check(&course, id.as_deref(), target, output)
        }
        Some(Cmd::Hint { id, more }) => hint::hint(&course, &id, more),
        Some(Cmd::Next) => next::next(&course),
        Some(Cmd::Watch { manual_run }) => watch::watch(&course, manual_run),
        Some(Cmd::Reset { id }) => reset::reset(&course, &id),
        Some(Cmd::Verify { only, timeout }) => {
            verify::verify(&course, only.as_deref(), Duration::from_secs(timeout))
        }
    }
}
