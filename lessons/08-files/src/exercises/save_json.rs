//! Exercise 08-save-json (core).
//!
//! `save_all(files)`: save each `(path, value)` of `files` as JSON. The
//! files belong together (a configuration and its index, say), so:
//!
//! - each file is replaced all at once: a reader opening it at any moment
//!   finds its previous complete content or its new complete content,
//!   never a missing, empty or half-written file;
//! - all or none: if any file cannot be saved (its value does not turn
//!   into JSON, its folder does not exist, the disk is full), `save_all`
//!   returns the error and *no* file has changed;
//! - nothing else is left behind, after a success or a failure: no
//!   temporary file anywhere.
//!
//! `load_json(path)`: the value, or `None` when there is no file yet; a
//! file that holds something else than a `T` (a number where `T` has a
//! string, say) is an error of kind `InvalidData`.
//!
//! The tests (`save_json` in `lessons/08-files/tests/exercises.rs`): round
//! trips; a save of three files whose third cannot be written (its folder
//! is missing), and one whose second value cannot become JSON, change no
//! file and leave nothing behind; a saved file is a new file, not the old
//! one emptied and written again; and while saves of two values of about
//! 1 MB take turns, a thread reading the file in a tight loop must see a
//! complete JSON document every time.
//!
//! Check it: `cargo run -p course -- check 08-save-json`

use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Saves every `(path, value)` as JSON: each file at once, all or none.
pub async fn save_all<T: Serialize>(files: &[(&Path, &T)]) -> io::Result<()> {
    todo!()
}

/// The value saved at `path`, or `None` if there is no file.
pub async fn load_json<T: DeserializeOwned>(
    path: &Path,
) -> io::Result<Option<T>> {
    todo!()
}
