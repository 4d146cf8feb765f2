//! `reset ID`: puts the original stub back, keeping the learner's version
//! in `<file>.backup`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::git;
use crate::manifest::Course;
use crate::state::State;
use crate::ui;

pub fn reset(course: &Course, id: &str) -> Result<ExitCode> {
    let ex = course.exercise(id)?;
    let file = course.path(&ex.file);

    let revision = git::original_revision(&course.root)?;
    let original = match git::show(&course.root, &revision, &ex.file) {
        Ok(bytes) => bytes,
        // The upstream may predate the exercise; the local commit has it.
        Err(_) if revision != "HEAD" => git::show(&course.root, "HEAD", &ex.file)?,
        Err(e) => return Err(e),
    };

    let current = match std::fs::read(&file) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("could not read {}", file.display())),
    };
    if current.as_deref() == Some(original.as_slice()) {
        println!(
            "{} is already the original stub; nothing to do",
            ex.file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }

    if let Some(current) = current {
        let backup = backup_path(&ex.file);
        let backup_abs = course.path(&backup);
        if backup_abs.exists() {
            println!("overwriting the older backup {}", backup.display());
        }
        std::fs::write(&backup_abs, current)
            .with_context(|| format!("could not write {}", backup_abs.display()))?;
        println!("your version is saved in {}", backup.display());
    }
    std::fs::write(&file, &original)
        .with_context(|| format!("could not write {}", file.display()))?;

    // A fresh stub is not done, whatever the state file said.
    let state_path = State::path(&course.root);
    let mut state = State::load(&state_path)?;
    if state.mark_not_done(&ex.id) {
        state.save(&state_path)?;
    }
    println!(
        "{} {} is back to its original stub; check it with `{}`",
        ui::green("✓"),
        ex.file.display(),
        ex.check_command()
    );
    Ok(ExitCode::SUCCESS)
}

/// `x.rs` → `x.rs.backup`.
pub fn backup_path(file: &std::path::Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".backup");
    PathBuf::from(name)
}
