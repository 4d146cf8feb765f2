//! Exercise 08-count-errors (warm-up).
//!
//! Count the lines of the file at `path` that contain `needle`, reading it
//! line by line (never the whole file at once). The Python it replaces:
//!
//! ```python
//! async def count_matching(path, needle):
//!     count = 0
//!     async with aiofiles.open(path) as f:
//!         async for line in f:
//!             if needle in line:
//!                 count += 1
//!     return count
//! ```
//!
//! The tests (`count_errors` in `lessons/08-files/tests/exercises.rs`): a
//! 100,000-line sample log (about 6 MB) has exactly 10,000 `ERROR` lines,
//! and counting them may hold at most 1 MiB in memory at once; a line that
//! holds the needle three times counts once; a last line without a newline
//! still counts; a missing file is an error of kind `NotFound`, not 0.
//!
//! Check it: `cargo run -p course -- check 08-count-errors`

use std::io;
use std::path::Path;

/// How many lines of `path` contain `needle`.
pub async fn count_matching(path: &Path, needle: &str) -> io::Result<u64> {
    todo!()
}
