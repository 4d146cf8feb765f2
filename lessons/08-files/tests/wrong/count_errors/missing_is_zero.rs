//! Wrong answer: a file that cannot be opened counts as no matching lines
//! Expect: a missing file must be an error
use std::io;
use std::path::Path;

use tokio::fs::File;
use tokio::io::{AsyncBufReadExt, BufReader};

/// How many lines of `path` contain `needle`.
pub async fn count_matching(path: &Path, needle: &str) -> io::Result<u64> {
    let Ok(file) = File::open(path).await else {
        return Ok(0); // no log, no errors
    };
    let mut lines = BufReader::new(file).lines();
    let mut count = 0;
    while let Some(line) = lines.next_line().await? {
        if line.contains(needle) {
            count += 1;
        }
    }
    Ok(count)
}
