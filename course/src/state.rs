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

    /// Reads `path`; a missing file means nothing is done yet. A damaged
    /// file (not text, or lines that are not exercise ids) is read for what
    /// it still holds, with a warning, and a copy is kept beside it, so no
    /// progress is lost without a word.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(e).with_context(|| format!("could not read {}", path.display()));
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let bad_lines = entries(&text).filter(|line| !looks_like_id(line)).count();
        let damage = if std::str::from_utf8(&bytes).is_err() {
            Some("it is not text".to_owned())
        } else if bad_lines > 0 {
            Some(format!("{bad_lines} line(s) are not exercise ids"))
        } else {
            None
        };
        let mut state = Self::parse(&text);
        if let Some(damage) = damage {
            let copy = Self::damaged_copy(path);
            std::fs::copy(path, &copy)
                .with_context(|| format!("could not keep a copy at {}", copy.display()))?;
            eprintln!(
                "warning: {} is damaged ({damage}); a copy is kept at {}.\n\
                 warning: only its valid lines count; the next passing check rewrites it.",
                path.display(),
                copy.display()
            );
            state.done.retain(|id| looks_like_id(id));
        }
        Ok(state)
    }

    /// Where [`State::load`] keeps a copy of a damaged state file.
    pub fn damaged_copy(path: &Path) -> PathBuf {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(".damaged");
        path.with_file_name(name)
    }

    /// Parses the file's text: blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Self {
        let done = entries(text).map(str::to_owned).collect();
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

/// The lines of a state file that are not blank or comments.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// `NN-name`: two digits, a dash, lowercase letters, digits and dashes.
fn looks_like_id(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() > 3
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && bytes[2] == b'-'
        && bytes[3..]
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}
