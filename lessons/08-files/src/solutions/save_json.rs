//! Reference solution for 08-save-json.

use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::atomic::write_atomic;

/// Saves `value` as JSON at `path`, all at once or not at all.
pub async fn save_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let bytes = serde_json::to_vec(value)?;
    // Temp file beside the target, synced, renamed over it.
    write_atomic(path, &bytes[..]).await
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
