//! `check [ID]`: runs an exercise's tests on the learner's stub (or, with
//! `--solution`, on the reference solution), output streamed through so
//! compile errors and the failing assertion are visible.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cargo::{self, TestStatus};
use crate::manifest::{Course, Exercise};
use crate::state::State;
use crate::ui;

/// Which implementation the tests run against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The learner's file, `src/exercises/NAME.rs`: the `NAME::stub` tests.
    Stub,
    /// The reference, `src/solutions/NAME.rs`: the `NAME::solution` tests.
    Solution,
}

impl Target {
    fn module(self) -> &'static str {
        match self {
            Target::Stub => "stub",
            Target::Solution => "solution",
        }
    }
}

/// The libtest name prefix of `ex`'s tests for `target`: `NAME::stub::`.
pub fn test_prefix(ex: &Exercise, target: Target) -> String {
    format!("{}::{}::", ex.module, target.module())
}

/// The arguments after `cargo`: `test -p PKG --test exercises -- ...`.
///
/// libtest filters by substring, so `flag::stub::` would also run the tests
/// of an exercise `red_flag`; such neighbours in the same lesson are skipped
/// explicitly.
pub fn test_args(course: &Course, ex: &Exercise, target: Target, colour: bool) -> Vec<String> {
    let prefix = test_prefix(ex, target);
    let mut args: Vec<String> = ["test", "-p", &ex.package, "--test", "exercises", "--"]
        .map(str::to_owned)
        .to_vec();
    if target == Target::Stub {
        // The stub tests are `#[ignore]`d so `cargo test` stays green.
        args.push("--ignored".into());
    }
    args.push(prefix.clone());
    let lesson = course.lesson_of(ex);
    for other in course.exercises_of(lesson).filter(|o| o.id != ex.id) {
        let theirs = test_prefix(other, target);
        if theirs.contains(&prefix) {
            args.extend(["--skip".into(), theirs]);
        }
    }
    if colour {
        args.extend(["--color".into(), "always".into()]);
    }
    args
}

/// Runs the tests of `ex` against `target`, streaming their output, then
/// prints the verdict. `Ok(true)` if they all pass.
pub fn check_one(course: &Course, ex: &Exercise, target: Target) -> Result<bool> {
    let lesson = course.lesson_of(ex);
    if !lesson.ready {
        bail!("lesson {} is not written yet", lesson.number);
    }
    let checked = match target {
        Target::Stub => ex.file.display(),
        Target::Solution => ex.solution.display(),
    };
    println!("{} {} ({checked})", ui::bold("Checking"), ex.id);

    let (status, results) = cargo::run_streaming(cargo::command(&course.root).args(test_args(
        course,
        ex,
        target,
        ui::is_terminal(),
    )))?;
    let prefix = test_prefix(ex, target);
    let ours: Vec<_> = results
        .iter()
        .filter(|r| r.name.starts_with(&prefix))
        .collect();
    let all_pass = ours.iter().all(|r| r.status == TestStatus::Passed);
    let passed = status.success() && !ours.is_empty() && all_pass;

    println!();
    if status.success() && ours.is_empty() {
        // A course bug, not the learner's: say so rather than "not done".
        println!(
            "{} no tests named `{prefix}*` ran for {}; the course itself is broken, please report it",
            ui::red("✗"),
            ex.id
        );
        return Ok(false);
    }
    match (target, passed) {
        (Target::Stub, true) => println!("{} {} passes", ui::green("✓"), ex.id),
        (Target::Stub, false) => {
            println!("{} {} is not done yet", ui::red("✗"), ex.id);
            println!("  edit:  {}", ex.file.display());
            println!("  hint:  {}", ex.hint_command());
        }
        (Target::Solution, true) => println!("{} {}: the solution passes", ui::green("✓"), ex.id),
        (Target::Solution, false) => println!("{} {}: the solution fails", ui::red("✗"), ex.id),
    }
    Ok(passed)
}

/// `check ID` / `check` (every available exercise in order), recording
/// passes in the state file unless checking solutions.
pub fn check(course: &Course, id: Option<&str>, solution: bool) -> Result<ExitCode> {
    let target = if solution {
        Target::Solution
    } else {
        Target::Stub
    };
    let exercises: Vec<&Exercise> = match id {
        Some(id) => vec![course.exercise(id)?],
        None => course.available_exercises().collect(),
    };
    let state_path = State::path(&course.root);

    let mut failed = Vec::new();
    for (i, ex) in exercises.iter().enumerate() {
        if i > 0 {
            println!();
        }
        if check_one(course, ex, target)? {
            if target == Target::Stub {
                // Reload each time: `watch` may run alongside and record too.
                let mut state = State::load(&state_path)?;
                if state.mark_done(&ex.id) {
                    state.save(&state_path)?;
                }
            }
        } else {
            failed.push(ex.id.as_str());
        }
    }

    if id.is_none() {
        let passing = exercises.len() - failed.len();
        println!("\n{passing} of {} exercises pass", exercises.len());
        if !failed.is_empty() {
            println!("not passing: {}", failed.join(", "));
        }
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
