//! The original stub of an exercise, read from git (for `reset`).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, anyhow, bail};

fn git(root: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .map_err(|e| anyhow!("could not run git: {e}; `reset` needs git to find the original stub"))
}

/// The revision that holds the original stubs: the upstream of the current
/// branch if it has one (the course as published), else `HEAD`.
pub fn original_revision(root: &Path) -> Result<String> {
    let inside = git(root, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        bail!(
            "{} is not a git checkout, so there is no original stub to go back to \
             (clone the course with git to use `reset`)",
            root.display()
        );
    }
    let upstream = git(root, &["rev-parse", "--verify", "--quiet", "@{upstream}"])?;
    Ok(if upstream.status.success() {
        "@{upstream}"
    } else {
        "HEAD"
    }
    .to_owned())
}

/// The bytes of `path` (relative to `root`) at `revision`.
pub fn show(root: &Path, revision: &str, path: &Path) -> Result<Vec<u8>> {
    // `./` makes git read the path relative to `root`, wherever the
    // repository's top level is.
    let path = path
        .to_str()
        .context("the exercise path is not valid UTF-8")?;
    let spec = format!("{revision}:./{}", path.replace('\\', "/"));
    let out = git(root, &["show", &spec])?;
    if !out.status.success() {
        bail!(
            "git has no `{path}` at {revision}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}
