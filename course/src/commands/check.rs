//! `check [ID]`: runs an exercise's tests on the learner's stub (or, with
//! `--solution`, on the reference solution) within the exercise's time
//! limit, and shows what helps: each test's verdict, a failing test's
//! message, the file to edit and the hint command. `--verbose` adds
//! everything cargo and the tests printed.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cargo::{Failure, TestStatus};
use crate::manifest::{Course, Exercise};
use crate::mistakes::{self, Mistake};
use crate::state::State;
use crate::testrun::{self, HUNG, TestRun};
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

/// How much `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Verdicts and failure messages only.
    Brief,
    /// Also cargo's and the tests' whole output.
    Verbose,
}

/// The libtest name prefix of `ex`'s tests for `target`: `NAME::stub::`.
pub fn test_prefix(ex: &Exercise, target: Target) -> String {
    format!("{}::{}::", ex.module, target.module())
}

/// The test binary's arguments that select `ex`'s tests for `target`.
///
/// libtest filters by substring, so `flag::stub::` would also run the tests
/// of an exercise `red_flag`; such neighbours in the same lesson are skipped
/// explicitly.
pub fn test_args(course: &Course, ex: &Exercise, target: Target) -> Vec<String> {
    let prefix = test_prefix(ex, target);
    let mut args = Vec::new();
    if target == Target::Stub {
        // The stub tests are `#[ignore]`d so `cargo test` stays green.
        args.push("--ignored".to_owned());
    }
    args.push(prefix.clone());
    let lesson = course.lesson_of(ex);
    for other in course.exercises_of(lesson).filter(|o| o.id != ex.id) {
        let theirs = test_prefix(other, target);
        if theirs.contains(&prefix) {
            args.extend(["--skip".into(), theirs]);
        }
    }
    args
}

/// Builds and runs the tests of `ex` against `target`, then prints the
/// verdict. `Ok(true)` if they all pass.
pub fn check_one(course: &Course, ex: &Exercise, target: Target, output: Output) -> Result<bool> {
    let lesson = course.lesson_of(ex);
    if !lesson.ready {
        bail!("lesson {} is not written yet", lesson.number);
    }
    let checked = match target {
        Target::Stub => ex.file.display(),
        Target::Solution => ex.solution.display(),
    };
    println!("{} {} ({checked})", ui::bold("Checking"), ex.id);

    let building = ui::spinner(format!("building {}", ex.package));
    let built = testrun::build(&course.root, &ex.package, &lesson.dir());
    building.finish_and_clear();
    let binary = match built? {
        Ok(binary) => binary,
        Err(log) => {
            println!("{}\n", testrun::shown_log(&log));
            println!("{} {} does not compile yet", ui::red("✗"), ex.id);
            print_known_mistakes(&mistakes::in_build_log(mistakes::table(), &log));
            print_next_steps(ex, target);
            return Ok(false);
        }
    };

    let running = ui::spinner(format!("running the tests of {}", ex.id));
    let run = binary.run(&test_args(course, ex, target), ex.time_limit);
    running.finish_and_clear();
    let run = run?;
    if output == Output::Verbose {
        println!("{}{}", run.raw.stdout, run.raw.stderr);
    }
    let passed = report(ex, target, output, &run);
    print_next_steps_if(ex, target, passed);
    Ok(passed)
}

/// Prints each test's verdict and the overall one; `true` if all passed.
fn report(ex: &Exercise, target: Target, output: Output, run: &TestRun) -> bool {
    let prefix = test_prefix(ex, target);
    let short = |name: &str| name.strip_prefix(&prefix).unwrap_or(name).to_owned();

    if let Some(still_running) = &run.hung {
        let names: Vec<String> = still_running.iter().map(|n| short(n)).collect();
        println!(
            "{} {}: your code {HUNG}.\n  The tests were stopped after {} s (its time limit).",
            ui::red("✗"),
            ex.id,
            ex.time_limit.as_secs()
        );
        if !names.is_empty() {
            println!("  Still running: {}", names.join(", "));
        }
        return false;
    }

    // By name, as libtest lists them: the same order on every run, so the
    // first ✗ a learner reads does not depend on which thread was quicker.
    let mut ours: Vec<_> = run
        .results
        .iter()
        .filter(|r| r.name.starts_with(&prefix))
        .collect();
    ours.sort_by(|a, b| a.name.cmp(&b.name));
    if ours.is_empty() {
        if run.raw.success() {
            // A course bug, not the learner's: say so rather than "not done".
            println!(
                "{} no tests named `{prefix}*` ran for {}; the course itself is broken, please report it",
                ui::red("✗"),
                ex.id
            );
        } else {
            println!(
                "{} {}: the tests crashed before reporting:\n{}",
                ui::red("✗"),
                ex.id,
                ui::indent(
                    &tail(&format!("{}{}", run.raw.stdout, run.raw.stderr), 20),
                    2
                )
            );
        }
        return false;
    }

    let unstarted = |message: &str| message.starts_with("not yet implemented");
    let failures: Vec<_> = run
        .failures
        .iter()
        .filter(|f| f.name.starts_with(&prefix))
        .collect();
    let all_todo = !failures.is_empty() && failures.iter().all(|f| unstarted(&f.message));
    // The same message from several tests is shown once, under the first.
    let mut shown: Vec<&str> = Vec::new();
    for result in &ours {
        match result.status {
            TestStatus::Passed => println!("  {} {}", ui::green("✓"), short(&result.name)),
            TestStatus::Ignored => println!("  - {} (ignored)", short(&result.name)),
            TestStatus::Failed => {
                let failure = failures
                    .iter()
                    .find(|f| f.name == result.name)
                    .filter(|_| !all_todo);
                let Some(failure) = failure else {
                    println!("  {} {}", ui::red("✗"), short(&result.name));
                    continue;
                };
                if shown.contains(&failure.message.as_str()) {
                    let same = ui::dim("(the same message as above)");
                    println!("  {} {} {same}", ui::red("✗"), short(&result.name));
                    continue;
                }
                shown.push(&failure.message);
                println!("  {} {}", ui::red("✗"), short(&result.name));
                println!("{}", ui::indent(&first_lines(&failure.message, 20), 6));
                let alike = failures
                    .iter()
                    .filter(|f| f.message == failure.message)
                    .count();
                if alike > 1 {
                    println!("      {}", ui::dim(&format!("({alike} tests)")));
                }
                if let Some(at) = shown_location(failure, output, ex) {
                    println!("      {}", ui::dim(&at));
                }
            }
        }
    }

    let failed = ours
        .iter()
        .filter(|r| r.status == TestStatus::Failed)
        .count();
    let passed = run.raw.success() && failed == 0;
    println!();
    match (target, passed) {
        (Target::Stub, true) => println!("{} {} passes", ui::green("✓"), ex.id),
        (Target::Stub, false) if all_todo => println!(
            "{} {} is not started yet: its `todo!()` is still there",
            ui::red("✗"),
            ex.id
        ),
        (Target::Stub, false) => println!(
            "{} {} is not done yet: {failed} of {} tests fail",
            ui::red("✗"),
            ex.id,
            ours.len()
        ),
        (Target::Solution, true) => {
            println!("{} {}: the solution passes", ui::green("✓"), ex.id);
        }
        (Target::Solution, false) => {
            println!("{} {}: the solution fails", ui::red("✗"), ex.id);
        }
    }
    if !passed && !all_todo {
        let messages = failures.iter().map(|f| f.message.as_str());
        print_known_mistakes(&mistakes::in_messages(mistakes::table(), messages));
    }
    passed
}

/// Where a failure is worth pointing at, as `check` prints it. The test
/// file is not the learner's to read, nor is a dependency's source: a
/// panic in their own file is, and so is their frame in the backtrace of a
/// panic raised inside a library (the frame is relative to the lesson's
/// folder, as the test binary runs there). `--verbose` shows the panic's
/// own place as well.
fn shown_location(failure: &Failure, output: Output, ex: &Exercise) -> Option<String> {
    let own = |at: &str| at.contains("src/exercises/");
    let lesson_dir = ex.file.ancestors().nth(3).unwrap_or(Path::new(""));
    let yours = |frame: &str| lesson_dir.join(frame).display().to_string();
    match (&failure.location, &failure.learner_frame) {
        (Some(at), _) if own(at) => Some(format!("(at {at})")),
        (Some(at), Some(frame)) if output == Output::Verbose => Some(format!(
            "(at {at}, called from your code at {})",
            yours(frame)
        )),
        (_, Some(frame)) => Some(format!("(called from your code at {})", yours(frame))),
        (Some(at), None) if output == Output::Verbose => Some(format!("(at {at})")),
        _ => None,
    }
}

/// One line per recognised mistake: what it is and where the book says so.
fn print_known_mistakes(found: &[&Mistake]) {
    if !found.is_empty() {
        println!();
    }
    for mistake in found {
        println!("  {}", ui::bold(&mistake.pointer()));
    }
}

fn print_next_steps_if(ex: &Exercise, target: Target, passed: bool) {
    if !passed {
        print_next_steps(ex, target);
    }
}

fn print_next_steps(ex: &Exercise, target: Target) {
    if target == Target::Stub {
        println!("  edit:  {}", ex.file.display());
        println!("  hint:  {}", ex.hint_command());
    }
    println!(
        "  {}",
        ui::dim(&format!("all the output: {} --verbose", ex.check_command()))
    );
}

/// The first `n` lines of `text`, and how many more there were.
fn first_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = lines[..lines.len().min(n)].join("\n");
    if lines.len() > n {
        out.push_str(&format!("\n… {} more lines (--verbose)", lines.len() - n));
    }
    out
}

/// The last `n` lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// `check ID` / `check` (every available exercise in order), recording
/// passes in the state file unless checking solutions.
pub fn check(
    course: &Course,
    id: Option<&str>,
    target: Target,
    output: Output,
) -> Result<ExitCode> {
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
        if check_one(course, ex, target, output)? {
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
