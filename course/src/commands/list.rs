//! `list`: every lesson, its exercises and their status, and the progress.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Result;

use crate::manifest::{Course, RUNNER};
use crate::state::State;
use crate::ui;

pub fn list(course: &Course) -> Result<ExitCode> {
    let state = State::load(&State::path(&course.root))?;
    print!("{}", render(course, &state));
    Ok(ExitCode::SUCCESS)
}

/// The bare command: the list, then where to go next.
pub fn overview(course: &Course) -> Result<ExitCode> {
    list(course)?;
    println!("\nRun `{RUNNER} next` to see what to do next.");
    Ok(ExitCode::SUCCESS)
}

/// The listing as text.
pub fn render(course: &Course, state: &State) -> String {
    let id_width = course
        .exercises
        .iter()
        .map(|e| e.id.len())
        .max()
        .unwrap_or(0);
    let level_width = course
        .exercises
        .iter()
        .map(|e| e.level.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for lesson in &course.lessons {
        let draft = if lesson.ready {
            String::new()
        } else {
            format!("  {}", ui::dim("(draft)"))
        };
        let _ = writeln!(out, "{}  {}{draft}", ui::bold(&lesson.number), lesson.title);
        for ex in course.exercises_of(lesson) {
            let mark = if state.is_done(&ex.id) {
                ui::green("✓")
            } else {
                ui::dim("·")
            };
            let _ = writeln!(
                out,
                "    {mark} {:id_width$}  {:level_width$}  {}",
                ex.id, ex.level, ex.title
            );
        }
    }
    let total = course.exercises.len();
    let done = course
        .exercises
        .iter()
        .filter(|e| state.is_done(&e.id))
        .count();
    let _ = writeln!(out, "\n{done} of {total} exercises done");
    let _ = writeln!(out, "{}", ui::progress_bar(done, total, 40));
    out
}
