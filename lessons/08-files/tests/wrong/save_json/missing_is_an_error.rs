//! Wrong answer: load_json passes a missing file's error up instead of None
//! Expect: a missing file is None, not an error
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::io::AsyncWriteExt;

/// Saves every `(path, value)` as JSON: each file at once, all or none.
pub async fn save_all<T: Serialize>(files: &[(&Path, &T)]) -> io::Result<()> {
    let mut temps: Vec<(PathBuf, &Path)> = Vec::new();
    let mut written = Ok(());
    for &(path, value) in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = path.with_file_name(format!(".{name}.tmp"));
        temps.push((temp.clone(), path));
        written = async {
            let bytes = serde_json::to_vec(value)?;
            let mut file = tokio::fs::File::create(&temp).await?;
            file.write_all(&bytes).await?;
            file.sync_all().await
        }
        .await;
        if written.is_err() {
            break;
        }
    }
    if let Err(err) = written {
        for (temp, _) in &temps {
            let _ = tokio::fs::remove_file(temp).await;
        }
        return Err(err);
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
    let bytes = tokio::fs::read(path).await?;
    Ok(Some(serde_json::from_slice(&bytes)?))
}
