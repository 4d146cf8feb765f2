//! Wrong answer: all temp files first, but a failed save leaves them behind
//! Expect: remove the temporary files when a save fails
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::io::AsyncWriteExt;

/// Saves every `(path, value)` as JSON: each file at once, all or none.
pub async fn save_all<T: Serialize>(files: &[(&Path, &T)]) -> io::Result<()> {
    let mut temps: Vec<(PathBuf, &Path)> = Vec::new();
    for &(path, value) in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = path.with_file_name(format!(".{name}.tmp"));
        let mut file = tokio::fs::File::create(&temp).await?;
        temps.push((temp, path));
        file.write_all(&serde_json::to_vec(value)?).await?;
        file.sync_all().await?;
    }
    for (temp, path) in temps {
        tokio::fs::rename(temp, path).await?;
    }
    Ok(())
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
    Ok(Some(serde_json::from_slice(&bytes)?))
}
