//! Wrong answer: the whole file is read into one string, then split in lines
//! Expect: read it line by line, not the whole file at once
use std::io;
use std::path::Path;

/// How many lines of `path` contain `needle`.
pub async fn count_matching(path: &Path, needle: &str) -> io::Result<u64> {
    let text = tokio::fs::read_to_string(path).await?;
    Ok(text.lines().filter(|line| line.contains(needle)).count() as u64)
}
