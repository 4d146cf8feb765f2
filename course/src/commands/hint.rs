//! `hint ID`: the hint, the file to edit and how to check it.

use std::process::ExitCode;

use anyhow::Result;

use crate::manifest::Course;
use crate::ui;

pub fn hint(course: &Course, id: &str) -> Result<ExitCode> {
    let ex = course.exercise(id)?;
    println!("{} {}: {}\n", ui::bold("Hint for"), ex.id, ex.title);
    if ex.hint.is_empty() {
        println!(
            "  (this exercise has no hint; read its section in {})",
            ex.chapter.display()
        );
    } else {
        println!("{}", ui::indent(&ex.hint, 2));
    }
    println!("\n  edit:   {}", ex.file.display());
    println!("  check:  {}", ex.check_command());
    Ok(ExitCode::SUCCESS)
}
