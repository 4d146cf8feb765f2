//! Exercise 08-save-json (core).
//!
//! `save_json(path, value)`: save `value` as JSON so that a reader opening
//! `path` at any moment finds the previous complete file or the new
//! complete file — never a missing, empty or half-written one — and leave
//! nothing else behind in the directory. `load_json(path)`: the value, or
//! `None` when there is no file yet; a file that holds something else than
//! a `T` (a number where `T` has a string, say) is an error of kind
//! `InvalidData`.
//!
//! The tests (`save_json` in `lessons/08-files/tests/exercises.rs`): a
//! round trip; `None` for a missing file; after three saves the directory
//! holds one file; and while saves of two values of about 1 MB each take
//! turns, a thread reading the file in a tight loop must see a complete,
//! valid JSON document every single time.
//!
//! Check it: `cargo run -p course -- check 08-save-json`

use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Saves `value` as JSON at `path`, all at once or not at all.
pub async fn save_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    todo!()
}

/// The value saved at `path`, or `None` if there is no file.
pub async fn load_json<T: DeserializeOwned>(
    path: &Path,
) -> io::Result<Option<T>> {
    todo!()
}
