//! Wrong answer: it counts every match of the needle, not the matching lines
//! Expect: count the lines that match, not the matches
use std::io;
use std::path::Path;

use tokio::fs::File;
use tokio::io::{AsyncBufReadExt, BufReader};

/// How many lines of `path` contain `needle`.
pub async fn count_matching(path: &Path, needle: &str) -> io::Result<u64> {
    let mut lines = BufReader::new(File::open(path).await?).lines();
    let mut count = 0;
    while let Some(line) = lines.next_line().await? {
        count += line.matches(needle).count() as u64;
    }
    Ok(count)
}
