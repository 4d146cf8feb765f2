//! `verify` (maintainers, CI): proves every exercise of every ready lesson
//! is sound: its tests fail on the stub, on each of its known-wrong answers
//! (with a message that names the mistake) and pass on the solution; it has
//! a hint and a book section; and course.toml lists exactly the exercise
//! files.

mod runs;
mod table;
pub mod wrong;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use self::runs::{Runs, run_tests};
use self::table::{Row, ratio, table};
use super::check::{Target, test_prefix};
use crate::cargo::{TestResult, TestStatus};
use crate::lint;
use crate::manifest::{Course, Exercise, Lesson};
use crate::ui;

/// `verify [ONLY]`: every ready lesson, or one lesson (`05`) or exercise
/// (`05-bank-account`).
pub fn verify(course: &Course, only: Option<&str>, timeout: Duration) -> Result<ExitCode> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let scope = Scope::parse(course, only)?;
    // Only the exercises this run covers: another verify may be running
    // on another lesson, with its own stand-ins in place.
    for ex in course.exercises.iter().filter(|ex| scope.wants(ex)) {
        if wrong::restore_leftover(course, ex)? {
            println!(
                "{} {} was left replaced by an interrupted verify; it is put back",
                ui::bold("!"),
                ex.file.display()
            );
        }
    }
    problems.extend(lint::course_order(course));
    for lesson in course.lessons.iter().filter(|l| l.ready) {
        if scope.wants_lesson(lesson) {
            verify_lesson(course, lesson, scope, timeout, &mut rows, &mut problems)?;
        }
    }

    if rows.is_empty() && problems.is_empty() {
        println!("no ready lesson has exercises yet: nothing to verify");
        return Ok(ExitCode::SUCCESS);
    }
    print!("{}", table(&rows));
    println!();
    if problems.is_empty() {
        let wrong: usize = rows.iter().map(|r| r.wrong_failed).sum();
        println!(
            "{} every exercise ({}) fails on its stub, passes on its solution, \
             and its tests kill all {wrong} known-wrong answers",
            ui::green("✓"),
            rows.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} {} problem(s):", ui::red("✗"), problems.len());
    for problem in &problems {
        println!("  - {}", problem.replace('\n', "\n    "));
    }
    Ok(ExitCode::FAILURE)
}

/// What one run covers: every ready lesson, one lesson or one exercise.
#[derive(Debug, Clone, Copy)]
enum Scope<'a> {
    All,
    Lesson(&'a Lesson),
    Exercise(&'a Exercise),
}

impl<'a> Scope<'a> {
    /// An exercise id, else a lesson (`05`, `05-primitives`).
    fn parse(course: &'a Course, only: Option<&str>) -> Result<Scope<'a>> {
        Ok(match only {
            None => Scope::All,
            Some(o) => match course.exercise(o) {
                Ok(ex) => Scope::Exercise(ex),
                Err(_) => Scope::Lesson(course.lesson(o)?),
            },
        })
    }

    fn wants_lesson(self, lesson: &Lesson) -> bool {
        match self {
            Scope::All => true,
            Scope::Lesson(l) => l.number == lesson.number,
            Scope::Exercise(ex) => ex.lesson == lesson.number,
        }
    }

    fn wants(self, ex: &Exercise) -> bool {
        match self {
            Scope::All => true,
            Scope::Lesson(l) => l.number == ex.lesson,
            Scope::Exercise(only) => only.id == ex.id,
        }
    }
}

fn verify_lesson(
    course: &Course,
    lesson: &Lesson,
    scope: Scope<'_>,
    timeout: Duration,
    rows: &mut Vec<Row>,
    problems: &mut Vec<String>,
) -> Result<()> {
    let listed: Vec<&Exercise> = course.exercises_of(lesson).collect();
    problems.extend(lint::exercise_tests_file(course, lesson));
    let dir = course.path(&lesson.dir());
    if !dir.is_dir() {
        problems.push(format!(
            "lesson {}: it is ready, but {} does not exist",
            lesson.number,
            lesson.dir().display()
        ));
        return Ok(());
    }

    // course.toml and the exercise files must agree both ways.
    let modules: BTreeSet<String> = listed.iter().map(|e| e.module.clone()).collect();
    for module in exercise_files(&dir.join("src").join("exercises"))? {
        if !modules.contains(&module) {
            problems.push(format!(
                "lesson {}: src/exercises/{module}.rs is not listed in course.toml \
                 (add an [[exercise]] with id `{}-{}`)",
                lesson.number,
                lesson.number,
                module.replace('_', "-")
            ));
        }
    }
    if listed.is_empty() {
        return Ok(());
    }

    let Runs {
        stub: stub_run,
        solution: solution_run,
    } = match run_tests(course, lesson, timeout)? {
        Ok(runs) => runs,
        Err(problem) => {
            problems.push(problem);
            for ex in listed.into_iter().filter(|ex| scope.wants(ex)) {
                rows.push(Row {
                    tests: "-".into(),
                    stub_fails: "-".into(),
                    solution_passes: "-".into(),
                    ..static_checks(course, ex, problems)
                });
            }
            return Ok(());
        }
    };

    // Tests of modules course.toml does not know would never be checked.
    let all_names = stub_run
        .iter()
        .chain(&solution_run)
        .map(|r| r.name.as_str());
    let strays: BTreeSet<&str> = all_names
        .filter_map(|name| {
            let mut parts = name.split("::");
            let (module, kind) = (parts.next()?, parts.next()?);
            let exercise_like = kind == "stub" || kind == "solution";
            (exercise_like && !modules.contains(module)).then_some(module)
        })
        .collect();
    for module in strays {
        problems.push(format!(
            "lesson {}: tests/exercises.rs has tests for `{module}`, which is not an exercise in course.toml",
            lesson.number
        ));
    }

    for ex in listed.into_iter().filter(|ex| scope.wants(ex)) {
        let mut row = verify_exercise(course, ex, &stub_run, &solution_run, problems);
        verify_wrong_answers(course, ex, timeout, &mut row, problems)?;
        rows.push(row);
    }
    Ok(())
}

/// Tries each of `ex`'s known-wrong answers in place of its stub, and
/// prints the first failure message a learner making that mistake reads.
fn verify_wrong_answers(
    course: &Course,
    ex: &Exercise,
    timeout: Duration,
    row: &mut Row,
    problems: &mut Vec<String>,
) -> Result<()> {
    let answers = wrong::wrong_answers(course, ex)?;
    row.wrong = answers.len();
    // Too few answers, or one without its header lines, is a static
    // problem that `lint::exercise` already reported.
    for answer in answers {
        let answer = match answer {
            Ok(answer) => answer,
            Err(_) => continue,
        };
        let outcome = wrong::try_answer(course, ex, &answer, timeout)?;
        let mark = if outcome.problem.is_none() {
            row.wrong_failed += 1;
            ui::green("✓")
        } else {
            ui::red("✗")
        };
        println!(
            "{mark} {}/{}: {}",
            ex.id,
            outcome.name,
            outcome.first_message.as_deref().unwrap_or("(no failure)")
        );
        problems.extend(outcome.problem);
    }
    Ok(())
}

/// The module names of `dir/*.rs`, but `mod.rs`.
fn exercise_files(dir: &Path) -> Result<BTreeSet<String>> {
    let mut modules = BTreeSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(modules);
    };
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "rs")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            && stem != "mod"
        {
            modules.insert(stem.to_owned());
        }
    }
    Ok(modules)
}

/// The checks that need no test run (see [`crate::lint`]).
fn static_checks(course: &Course, ex: &Exercise, problems: &mut Vec<String>) -> Row {
    let findings = lint::exercise(course, ex);
    problems.extend(findings.problems);
    Row {
        id: ex.id.clone(),
        hint: findings.hint,
        book: findings.book,
        ..Row::default()
    }
}

fn verify_exercise(
    course: &Course,
    ex: &Exercise,
    stub_run: &[TestResult],
    solution_run: &[TestResult],
    problems: &mut Vec<String>,
) -> Row {
    let id = &ex.id;
    let mut row = static_checks(course, ex, problems);
    let stub_prefix = test_prefix(ex, Target::Stub);
    let solution_prefix = test_prefix(ex, Target::Solution);
    let named = |run: &[TestResult], prefix: &str| -> Vec<(String, TestStatus)> {
        run.iter()
            .filter_map(|r| Some((r.name.strip_prefix(prefix)?.to_owned(), r.status)))
            .collect()
    };
    let stub = named(stub_run, &stub_prefix);
    let solution = named(solution_run, &solution_prefix);

    // In the plain run the stub tests must be ignored, or `cargo test`
    // would fail on every fresh checkout.
    for r in solution_run
        .iter()
        .filter(|r| r.name.starts_with(&stub_prefix))
    {
        if r.status != TestStatus::Ignored {
            problems.push(format!(
                "{id}: the stub test {} is not #[ignore]d, so plain `cargo test` runs it",
                r.name
            ));
        }
    }

    let stub_failed = stub
        .iter()
        .filter(|(_, s)| *s == TestStatus::Failed)
        .count();
    let solution_passed = solution
        .iter()
        .filter(|(_, s)| *s == TestStatus::Passed)
        .count();
    row.tests = solution.len().max(stub.len()).to_string();
    row.stub_fails = ratio(stub_failed, stub.len());
    row.solution_passes = ratio(solution_passed, solution.len());

    if stub.is_empty() && solution.is_empty() {
        problems.push(format!(
            "{id}: tests/exercises.rs has no tests for it (expected `{stub_prefix}*` and `{solution_prefix}*`)"
        ));
        return row;
    }
    for (name, status) in &stub {
        if *status != TestStatus::Failed {
            let how = if *status == TestStatus::Passed {
                "passes"
            } else {
                "is ignored"
            };
            problems.push(format!(
                "{id}: the stub test {stub_prefix}{name} {how}; every test must fail on the stub"
            ));
        }
    }
    for (name, status) in &solution {
        if *status != TestStatus::Passed {
            let how = if *status == TestStatus::Failed {
                "fails"
            } else {
                "is ignored"
            };
            problems.push(format!(
                "{id}: the solution test {solution_prefix}{name} {how}; every test must pass on the solution"
            ));
        }
    }
    let stub_names: BTreeSet<&str> = stub.iter().map(|(n, _)| n.as_str()).collect();
    let solution_names: BTreeSet<&str> = solution.iter().map(|(n, _)| n.as_str()).collect();
    if stub_names != solution_names {
        let only = |a: &BTreeSet<&str>, b: &BTreeSet<&str>| {
            a.difference(b).copied().collect::<Vec<_>>().join(", ")
        };
        problems.push(format!(
            "{id}: the stub and solution tests differ (only on the stub: [{}]; only on the solution: [{}])",
            only(&stub_names, &solution_names),
            only(&solution_names, &stub_names)
        ));
    }
    row
}
