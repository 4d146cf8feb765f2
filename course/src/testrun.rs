//! Building a lesson's exercise tests and running them with a time limit:
//! what `check`, `watch` and `verify` share.
//!
//! The test binary is built first and then run directly, not through `cargo
//! test`: the time limit then covers the tests alone (a cold build may take
//! minutes), and killing a hung run kills the binary itself (killing `cargo
//! test` would leave it spinning).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::Result;

use crate::cargo::{self, Build, Captured, Failure, TestResult};

/// What a learner is told when the time limit is hit.
pub const HUNG: &str = "did not finish: a busy loop, a wake-up that never comes, \
or an await on something that never completes";

/// One run of a test binary.
#[derive(Debug)]
pub struct TestRun {
    /// Every `test NAME ... RESULT` line.
    pub results: Vec<TestResult>,
    /// The failing tests' messages.
    pub failures: Vec<Failure>,
    /// `Some` if the run hit its time limit: the tests that never reported.
    pub hung: Option<Vec<String>>,
    /// The binary's own output, for `--verbose`.
    pub raw: Captured,
}

/// A lesson's built exercise test binary.
#[derive(Debug)]
pub struct TestBinary {
    pub path: PathBuf,
    /// The lesson's folder: `cargo test` runs tests there.
    pub package_dir: PathBuf,
}

/// Builds `package`'s `tests/exercises.rs`. `Err(log)` carries the
/// compiler's diagnostics, without cargo's progress lines.
pub fn build(root: &Path, package: &str, lesson_dir: &Path) -> Result<Result<TestBinary, String>> {
    Ok(match cargo::build_exercise_tests(root, package)? {
        Build::Built(path) => Ok(TestBinary {
            path,
            package_dir: std::path::absolute(root.join(lesson_dir))?,
        }),
        Build::Failed(log) => Err(build_log(&log)),
    })
}

impl TestBinary {
    fn command(&self, args: &[String]) -> Command {
        let mut cmd = Command::new(&self.path);
        cmd.args(args)
            .current_dir(&self.package_dir)
            .env("CARGO_MANIFEST_DIR", &self.package_dir)
            // A backtrace only to find the learner's own frame in it
            // (`Failure::learner_frame`); `check` shows the message.
            .env("RUST_BACKTRACE", "1");
        cmd
    }

    /// Runs the tests `args` select, killing the run after `limit`.
    pub fn run(&self, args: &[String], limit: Duration) -> Result<TestRun> {
        let raw = cargo::run_captured(&mut self.command(args), "the test binary", Some(limit))?;
        let results = cargo::parse_results(&raw.stdout);
        let failures = cargo::parse_failures(&raw.stdout);
        let hung = if raw.status.is_some() {
            None
        } else {
            // The tests that never printed a result are the ones that hung.
            let mut list_args = args.to_vec();
            list_args.push("--list".into());
            let listed = cargo::run_captured(
                &mut self.command(&list_args),
                "the test binary",
                Some(Duration::from_secs(30)),
            )?;
            let still_running = listed
                .stdout
                .lines()
                .filter_map(|line| line.strip_suffix(": test"))
                .filter(|name| !results.iter().any(|r| r.name == *name))
                .map(str::to_owned)
                .collect();
            Some(still_running)
        };
        Ok(TestRun {
            results,
            failures,
            hung,
            raw,
        })
    }
}

/// A failed build's log without the progress lines: the errors matter.
/// Whole, for reading mistakes from; [`shown_log`] is what a learner sees.
pub fn build_log(text: &str) -> String {
    let progress = [
        "Compiling ",
        "Checking ",
        "Blocking ",
        "Building ",
        "Finished ",
    ];
    text.lines()
        .filter(|line| !progress.iter().any(|p| line.trim_start().starts_with(p)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first screenful of a build log: the first errors are the ones to fix.
pub fn shown_log(log: &str) -> String {
    log.lines().take(60).collect::<Vec<_>>().join("\n")
}
