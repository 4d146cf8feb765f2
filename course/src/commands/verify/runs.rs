//! Building a lesson's exercise tests and running them with a time limit.

use std::time::Duration;

use anyhow::Result;

use crate::cargo::{TestResult, TestStatus};
use crate::manifest::{Course, Lesson};
use crate::testrun::{self, HUNG, TestRun};
use crate::ui;

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
    let building = ui::spinner(format!("building {package} tests/exercises.rs"));
    let built = testrun::build(&course.root, &package, &lesson.dir());
    building.finish_and_clear();
    let binary = match built? {
        Ok(binary) => binary,
        Err(log) => {
            return Ok(Err(format!(
                "lesson {}: `cargo test -p {package} --test exercises` does not build:\n{}",
                lesson.number,
                testrun::shown_log(&log),
            )));
        }
    };

    let run = |args: &[&str], what: &str| -> Result<Result<TestRun, String>> {
        let running = ui::spinner(format!("running the {what} tests of {package}"));
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let out = binary.run(&args, timeout);
        running.finish_and_clear();
        let out = out?;
        Ok(match &out.hung {
            None => Ok(out),
            Some(hung) => Err(format!(
                "lesson {}: the {what} tests {HUNG} within {} s; still running: {}",
                lesson.number,
                timeout.as_secs(),
                hung.join(", ")
            )),
        })
    };

    let stub = match run(&["--ignored"], "stub")? {
        Ok(out) => out,
        Err(problem) => return Ok(Err(problem)),
    };
    let solution = match run(&[], "solution")? {
        Ok(out) => out,
        Err(problem) => return Ok(Err(problem)),
    };
    if !solution.raw.success() {
        let failing = solution
            .results
            .iter()
            .any(|r| r.status == TestStatus::Failed);
        if !failing {
            // Crashed rather than failed a test: no per-test line explains it.
            return Ok(Err(format!(
                "lesson {}: the test binary exited abnormally:\n{}",
                lesson.number,
                tail(
                    &format!("{}{}", solution.raw.stdout, solution.raw.stderr),
                    30
                )
            )));
        }
    }
    Ok(Ok(Runs {
        stub: stub.results,
        solution: solution.results,
    }))
}

/// The last `n` lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
