//! `run NN`: the lesson's demo program, its output streamed as it comes.

use std::process::{ExitCode, Stdio};

use anyhow::{Result, anyhow, bail};

use crate::cargo;
use crate::manifest::Course;

pub fn run(course: &Course, lesson: &str, args: &[String]) -> Result<ExitCode> {
    let lesson = course.lesson(lesson)?;
    if !lesson.ready {
        bail!("lesson {} is not written yet", lesson.number);
    }
    let status = cargo::command(&course.root)
        .args(["run", "-q", "-p", &lesson.package(), "--"])
        .args(args)
        .stdin(Stdio::inherit())
        .status()
        .map_err(|e| anyhow!("could not run cargo: {e}"))?;
    // Pass the program's own exit code on; a signal gives 1.
    let code = status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1));
    Ok(ExitCode::from(code))
}
