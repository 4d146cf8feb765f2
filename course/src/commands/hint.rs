//! `hint ID [--more]`: first a nudge (where to look), then, on request, the
//! recipe (how to write it). The nudge alone is often enough, and a learner
//! who works it out from there learns more than one who reads the recipe.

use std::process::ExitCode;

use anyhow::Result;

use crate::manifest::{Course, Exercise};
use crate::ui;

pub fn hint(course: &Course, id: &str, more: bool) -> Result<ExitCode> {
    let ex = course.exercise(id)?;
    println!("{} {}: {}\n", ui::bold("Hint for"), ex.id, ex.title);
    print_text(ex, &ex.hint);
    if more {
        println!("\n{}\n", ui::bold("The recipe"));
        print_text(ex, &ex.more);
    } else if !ex.more.is_empty() {
        println!("\n  Still stuck? The recipe: {} --more", ex.hint_command());
    }
    println!("\n  edit:   {}", ex.file.display());
    println!("  check:  {}", ex.check_command());
    Ok(ExitCode::SUCCESS)
}

fn print_text(ex: &Exercise, text: &str) {
    if text.is_empty() {
        println!(
            "  (nothing more here; read its section in {})",
            ex.chapter.display()
        );
    } else {
        println!("{}", ui::indent(text, 2));
    }
}
