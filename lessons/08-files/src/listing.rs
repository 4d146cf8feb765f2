//! Collecting a stream of `Result`s with `TryStreamExt::try_collect`.
//!
//! Python builds a list from an async iterator with a comprehension,
//! `[e.name async for e in ...]`, and an exception anywhere ends it. In
//! Rust a stream of `io::Result<T>` is a `TryStream`, and `try_collect`
//! gathers it into `Result<Vec<T>, io::Error>`: all the items, or the
//! first error (the rest are not polled).
//!
//! `tokio::fs::ReadDir` is not a stream itself; tokio-stream's
//! `ReadDirStream` wraps it into one.

use std::io;
use std::path::Path;

use futures::stream::{self, StreamExt, TryStreamExt};
use tokio_stream::wrappers::ReadDirStream;

// ANCHOR: file_names
/// The names of the entries of `dir`, sorted.
pub async fn file_names(dir: &Path) -> io::Result<Vec<String>> {
    let entries = ReadDirStream::new(tokio::fs::read_dir(dir).await?);
    let mut names: Vec<String> = entries
        .map_ok(|entry| entry.file_name().to_string_lossy().into_owned())
        .try_collect()
        .await?;
    names.sort(); // read_dir's order is the file system's, not ours
    Ok(names)
}
// ANCHOR_END: file_names

// ANCHOR: read_all
/// Every file of `dir` as text, in name order, read 4 at a time. The
/// first failure (a file that is not UTF-8, say) ends the lot.
pub async fn read_all(dir: &Path) -> io::Result<Vec<(String, String)>> {
    let names = file_names(dir).await?;
    stream::iter(names)
        .map(|name| async move {
            let text = tokio::fs::read_to_string(dir.join(&name)).await?;
            Ok::<_, io::Error>((name, text))
        })
        .buffered(4) // in order, at most 4 reads at once
        .try_collect()
        .await
}
// ANCHOR_END: read_all
