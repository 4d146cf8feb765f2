//! Finding the course root: the folder that holds `course.toml`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::manifest::MANIFEST;

/// `explicit` (from `--root`) if it is a course folder, else the nearest
/// folder at or above the current directory that has a `course.toml`.
pub fn find(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        if !dir.join(MANIFEST).is_file() {
            bail!(
                "{} is not the course folder: it has no {MANIFEST}",
                dir.display()
            );
        }
        return Ok(dir.to_path_buf());
    }
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    match find_upwards(&cwd) {
        Some(root) => Ok(root),
        None => bail!(
            "run this inside the course folder (no {MANIFEST} in {} or any folder above it), \
             or pass --root <DIR>",
            cwd.display()
        ),
    }
}

/// The nearest folder at or above `start` that has a `course.toml`.
pub fn find_upwards(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(MANIFEST).is_file())
        .map(Path::to_path_buf)
}
