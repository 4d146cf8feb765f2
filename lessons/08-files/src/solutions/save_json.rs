//! Reference solution for 08-save-json.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Saves every `(path, value)` as JSON: each file at once, all or none.
pub async fn save_all<T: Serialize>(files: &[(&Path, &T)]) -> io::Result<()> {
    // Phase 1: every new content in a temp file beside its target. Nothing
    // the readers look at has changed yet, so a failure can still undo all.
    let mut temps: Vec<(PathBuf, &Path)> = Vec::new();
    let mut written = Ok(());
    for &(path, value) in files {
        let temp = temp_beside(path);
        // Recorded before it exists: a failure half-way removes it too.
        temps.push((temp.clone(), path));
        written = write_synced(&temp, value).await;
        if written.is_err() {
            break;
        }
    }
    if let Err(err) = written {
        for (temp, _) in &temps {
            let _ = tokio::fs::remove_file(temp).await; // may not exist
        }
        return Err(err);
    }
    // Phase 2: every file complete and on the disk; swap each one in.
    for (temp, path) in &temps {
        tokio::fs::rename(temp, path).await?;
    }
    Ok(())
}

/// Writes `value` as JSON to a new file at `temp` and syncs it.
async fn write_synced<T: Serialize>(temp: &Path, value: &T) -> io::Result<()> {
    let bytes = serde_json::to_vec(value)?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(&bytes).await?;
    file.sync_all().await // flushed, and on the disk
}

/// `.NAME.PID-N.tmp` in `path`'s folder: the rename stays on one disk.
fn temp_beside(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let pid = std::process::id();
    path.with_file_name(format!(".{name}.{pid}-{n}.tmp"))
}

/// The value saved at `path`, or `None` if there is no file.
pub async fn load_json<T: DeserializeOwned>(
    path: &Path,
) -> io::Result<Option<T>> {
    let bytes = match tokio::fs::read(path).await {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    // serde_json's error converts to io::ErrorKind::InvalidData.
    Ok(Some(serde_json::from_slice(&bytes)?))
}
