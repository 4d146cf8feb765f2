//! Which `.rs` files really changed. The file watcher also reports files
//! that were merely opened (rustc reading the sources during a check would
//! trigger the next check, forever), so `watch` compares modification times
//! against the last ones it saw.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The last seen modification time of every `.rs` file under a folder.
#[derive(Debug, Default)]
pub struct Snapshot {
    seen: HashMap<PathBuf, Option<SystemTime>>,
}

impl Snapshot {
    /// Records every `.rs` file under `dir`, skipping `target` folders.
    pub fn of(dir: &Path) -> Self {
        let mut snapshot = Self::default();
        snapshot.scan(dir);
        snapshot
    }

    fn scan(&mut self, dir: &Path) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_none_or(|n| n != "target") {
                    self.scan(&path);
                }
            } else if is_rust(&path) {
                let modified = modified(&path);
                self.seen.insert(path, modified);
            }
        }
    }

    /// Updates the times of `paths`; `true` if any `.rs` file among them was
    /// written, created or deleted since it was last seen.
    pub fn changed<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) -> bool {
        let mut changed = false;
        for path in paths.into_iter().filter(|p| is_rust(p)) {
            let now = modified(path);
            let before = self.seen.insert(path.to_path_buf(), now);
            // A file never seen before counts if it exists: it was created.
            changed |= before.map_or(now.is_some(), |before| before != now);
        }
        changed
    }
}

/// A Rust source file (not a `.rs.backup`).
pub fn is_rust(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "rs")
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
