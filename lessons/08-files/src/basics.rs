//! Reading and writing: whole files, and file handles.
//!
//! `tokio::fs::read_to_string` and `tokio::fs::write` are the one-call
//! forms, like `f.read()` / `f.write()` inside `async with aiofiles.open()`.
//! `tokio::fs::File` with `AsyncReadExt` / `AsyncWriteExt` is the handle
//! form. One difference from std bites: a tokio `File` finishes writes in
//! the background, so `flush().await` before you drop it, or a read right
//! after may not see the data and a write error is lost.

use std::io;
use std::path::Path;

use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// ANCHOR: whole
/// Writes `text` to `path` (creating or replacing it), then reads it back.
pub async fn write_then_read(path: &Path, text: &str) -> io::Result<String> {
    tokio::fs::write(path, text).await?;
    tokio::fs::read_to_string(path).await
}
// ANCHOR_END: whole

// ANCHOR: handle
/// Appends `line` to `path` through a file handle, then reads the whole
/// file through another.
pub async fn append_line(path: &Path, line: &str) -> io::Result<String> {
    let mut file = OpenOptions::new()
        .create(true)
        .append(true) // open(path, "a")
        .open(path)
        .await?;
    file.write_all(line.as_bytes()).await?;
    file.write_all(b"\n").await?;
    file.flush().await?; // wait for the background write to finish
    drop(file);

    let mut file = File::open(path).await?;
    let mut text = String::new();
    file.read_to_string(&mut text).await?;
    Ok(text)
}
// ANCHOR_END: handle
