//! The learner's progress: `<root>/.course-state`, one done exercise id a
//! line. Plain text so the learner can read and edit it; git-ignored.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The state file's name in the course root.
pub const STATE_FILE: &str = ".course-state";

const HEADER: &str = "\
# Your progress through the course: one finished exercise id a line.
# Kept by `cargo run -p course`; delete a line to mark that exercise not done.
";

/// The set of exercise ids recorded as done. Ids the course no longer has
/// are kept (they cost nothing) but never counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    done: BTreeSet<String>,
}

impl State {
    /// The state file of the course at `root`.
    pub fn path(root: &Path) -> PathBuf {
        root.join(STATE_FILE)
    }

    /// Reads `path`; a missing file means nothing is done yet.
    pub fn load(path: &Path) -> Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Self::parse(&text)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(e).with_context(|| format!("could not read {}", path.display())),
        }
    }

    /// Parses the file's text: blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Self {
        let done = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_owned)
            .collect();
        Self { done }
    }

    /// The file's text: the header, then the ids in sorted order.
    pub fn render(&self) -> String {
        let mut text = HEADER.to_owned();
        for id in &self.done {
            text.push_str(id);
            text.push('\n');
        }
        text
    }

    /// Writes the state to `path`.
    pub fn save(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.render())
            .with_context(|| format!("could not write {}", path.display()))
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.done.contains(id)
    }

    /// Records `id` as done; `true` if it was not already.
    pub fn mark_done(&mut self, id: &str) -> bool {
        self.done.insert(id.to_owned())
    }

    /// Records `id` as not done; `true` if it was done.
    pub fn mark_not_done(&mut self, id: &str) -> bool {
        self.done.remove(id)
    }

    /// Every recorded id, known to the course or not.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.done.iter().map(String::as_str)
    }
}
