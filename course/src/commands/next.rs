//! `next`: the first exercise not done yet, and everything needed to do it.

use std::process::ExitCode;

use anyhow::Result;

use crate::manifest::{Course, Exercise};
use crate::state::State;
use crate::ui;

pub fn next(course: &Course) -> Result<ExitCode> {
    let state = State::load(&State::path(&course.root))?;
    match first_not_done(course, &state) {
        Some(ex) => print!("{}", describe(ex)),
        None => print!("{}", all_done(course)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The first exercise, in course order, of a ready lesson and not done.
pub fn first_not_done<'a>(course: &'a Course, state: &State) -> Option<&'a Exercise> {
    course.available_exercises().find(|e| !state.is_done(&e.id))
}

/// What the learner needs to start on `ex`.
pub fn describe(ex: &Exercise) -> String {
    format!(
        "{} {}: {} ({})\n\n  read:   {}, section \"Exercise {}\"\n  edit:   {}\n  hint:   {}\n  check:  {}\n",
        ui::bold("Next:"),
        ex.id,
        ex.title,
        ex.level,
        ex.chapter.display(),
        ex.id,
        ex.file.display(),
        ex.hint_command(),
        ex.check_command(),
    )
}

/// The message once every available exercise is done.
pub fn all_done(course: &Course) -> String {
    let done = course.available_exercises().count();
    let mut text = format!(
        "{} you have done every exercise written so far ({done} of {done}).\n",
        ui::green("Congratulations:")
    );
    if course.lessons.iter().any(|l| !l.ready) {
        text.push_str("More lessons are on the way; `git pull` now and then to get them.\n");
    }
    text
}
