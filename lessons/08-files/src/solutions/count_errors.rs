//! Reference solution for 08-count-errors.

use std::io;
use std::path::Path;

use tokio::fs::File;
use tokio::io::{AsyncBufReadExt, BufReader};

/// How many lines of `path` contain `needle`.
pub async fn count_matching(path: &Path, needle: &str) -> io::Result<u64> {
    let mut lines = BufReader::new(File::open(path).await?).lines();
    let mut count = 0;
    while let Some(line) = lines.next_line().await? {
        if line.contains(needle) {
            count += 1;
        }
    }
    Ok(count)
}
