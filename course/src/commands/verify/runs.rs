//! Building a lesson's exercise tests and running them with a time limit.

use std::process::Command;
use std::time::Duration;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cargo::{self, Build, Captured, TestResult, TestStatus};
use crate::manifest::{Course, Lesson};

/// The per-test results of one lesson's two runs.
#[derive(Debug)]
pub(super) struct Runs {
    /// `--ignored`: the stub tests.
    pub stub: Vec<TestResult>,
    /// The plain run: the solution tests (and the stub ones, ignored).
    pub solution: Vec<TestResult>,
}

/// Builds the lesson's exercise tests, then runs the stub tests (`--ignored`)
/// and the rest (the solutions) with a time limit each. The inner `Err` is
/// a problem to report.
pub(super) fn run_tests(
    course: &Course,
    lesson: &Lesson,
    timeout: Duration,
) -> Result<Result<Runs, String>> {
    let package = lesson.package();
    let building = spinner(format!("building {package} tests/exercises.rs"));
    let built = cargo::build_exercise_tests(&course.root, &package);
    building.finish_and_clear();
    let binary = match built? {
        Build::Built(binary) => binary,
        Build::Failed(output) => {
            return Ok(Err(format!(
                "lesson {}: `cargo test -p {package} --test exercises` does not build:\n{}",
                lesson.number,
                build_log(&output)
            )));
        }
    };

    let dir = std::path::absolute(course.path(&lesson.dir()))?;
    // What `cargo test` would do: run in the package folder.
    let test_binary = |args: &[&str]| {
        let mut cmd = Command::new(&binary);
        cmd.args(args)
            .current_dir(&dir)
            .env("CARGO_MANIFEST_DIR", &dir);
        cmd
    };
    let run = |args: &[&str], what: &str| -> Result<Result<Captured, String>> {
        let running = spinner(format!("running the {what} tests of {package}"));
        let out = cargo::run_captured(&mut test_binary(args), "the test binary", Some(timeout));
        running.finish_and_clear();
        let out = out?;
        if out.status.is_some() {
            return Ok(Ok(out));
        }
        // Name the tests that never reported: those are the hung ones.
        let listed = cargo::run_captured(
            &mut test_binary(&[args, &["--list"]].concat()),
            "the test binary",
            Some(timeout),
        )?;
        let finished: Vec<String> = cargo::parse_results(&out.stdout)
            .into_iter()
            .map(|r| r.name)
            .collect();
        let hung: Vec<&str> = listed
            .stdout
            .lines()
            .filter_map(|line| line.strip_suffix(": test"))
            .filter(|name| !finished.iter().any(|f| f == name))
            .collect();
        Ok(Err(format!(
            "lesson {}: the {what} tests did not finish within {} s; still running: {}",
            lesson.number,
            timeout.as_secs(),
            hung.join(", ")
        )))
    };

    let stub = match run(&["--ignored"], "stub")? {
        Ok(out) => out,
        Err(problem) => return Ok(Err(problem)),
    };
    let solution = match run(&[], "solution")? {
        Ok(out) => out,
        Err(problem) => return Ok(Err(problem)),
    };
    if !solution.success() {
        let failing = cargo::parse_results(&solution.stdout)
            .iter()
            .any(|r| r.status == TestStatus::Failed);
        if !failing {
            // Crashed rather than failed a test: no per-test line explains it.
            return Ok(Err(format!(
                "lesson {}: the test binary exited abnormally:\n{}",
                lesson.number,
                tail(&format!("{}{}", solution.stdout, solution.stderr), 30)
            )));
        }
    }
    Ok(Ok(Runs {
        stub: cargo::parse_results(&stub.stdout),
        solution: cargo::parse_results(&solution.stdout),
    }))
}

/// The start of a failed build's log, without the progress lines: the
/// first error is what matters.
fn build_log(text: &str) -> String {
    let progress = [
        "Compiling ",
        "Checking ",
        "Blocking ",
        "Building ",
        "Finished ",
    ];
    text.lines()
        .filter(|line| !progress.iter().any(|p| line.trim_start().starts_with(p)))
        .take(40)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The last `n` lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// A spinner on stderr; indicatif draws nothing when it is not a terminal.
fn spinner(message: String) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
