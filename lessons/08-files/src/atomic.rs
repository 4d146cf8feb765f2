//! Writing a file so that a crash never leaves it torn.
//!
//! `open(path, "w")` — and `tokio::fs::write`, and `File::create` — empty
//! the file first and then write it piece by piece. A crash in between
//! leaves neither the old content nor the new: a torn file. The safe way
//! writes the new content to a temporary file in the same directory,
//! flushes and syncs it, then renames it over the target. On POSIX a rename
//! within one file system is atomic: anyone opening the path sees the old
//! file or the new one, never a mix. Syncing the directory afterwards makes
//! the rename itself survive a power cut.
//!
//! Both functions take the content as a reader (a `&[u8]` is one), so the
//! crash test can hand them a writer that stops half-way.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncRead, AsyncWriteExt};

// ANCHOR: naive
/// Replaces `path`'s content the usual way: truncate, then write.
pub async fn write_naive(
    path: &Path,
    mut contents: impl AsyncRead + Unpin,
) -> io::Result<()> {
    let mut file = File::create(path).await?; // the old content is gone now
    tokio::io::copy(&mut contents, &mut file).await?;
    file.flush().await
}
// ANCHOR_END: naive

// ANCHOR: atomic
/// Replaces `path`'s content all at once, or not at all.
pub async fn write_atomic(
    path: &Path,
    mut contents: impl AsyncRead + Unpin,
) -> io::Result<()> {
    // Same directory, so the rename stays on one file system.
    let temp = temp_path_beside(path)?;
    let written = async {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true) // never clobber another writer's temp file
            .open(&temp)
            .await?;
        tokio::io::copy(&mut contents, &mut file).await?;
        file.sync_all().await?; // flushed, and on the disk
        tokio::fs::rename(&temp, path).await // the atomic step
    }
    .await;
    if written.is_err() {
        // Best effort: don't leave the half-written temp file behind.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written?;
    sync_dir(path).await // make the rename itself durable
}
// ANCHOR_END: atomic

/// A fresh name in `path`'s directory: `.NAME.PID-N.tmp`, unique in this
/// process (the counter) and among processes (the pid).
fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "path has no file name")
    })?;
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let temp =
        format!(".{}.{}-{n}.tmp", name.to_string_lossy(), std::process::id());
    Ok(path.with_file_name(temp))
}

/// Is `name` one of [`write_atomic`]'s temporary files for `target`?
pub fn is_temp_for(target: &Path, name: &str) -> bool {
    let target = target.file_name().unwrap_or_default().to_string_lossy();
    name.starts_with(&format!(".{target}.")) && name.ends_with(".tmp")
}

/// Syncs the directory holding `path`, so its new entry is on the disk.
#[cfg(unix)]
async fn sync_dir(path: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    File::open(dir).await?.sync_all().await
}

/// Windows cannot open a directory as a file; its rename is durable enough.
#[cfg(not(unix))]
async fn sync_dir(_path: &Path) -> io::Result<()> {
    Ok(())
}
