//! Wrong answer: every value is turned into JSON first, then written in place
//! Expect: rewritten in place
use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Saves every `(path, value)` as JSON: each file at once, all or none.
pub async fn save_all<T: Serialize>(files: &[(&Path, &T)]) -> io::Result<()> {
    // All the JSON first: a value that cannot be saved changes nothing.
    let mut contents = Vec::new();
    for (path, value) in files {
        contents.push((path, serde_json::to_vec(value)?));
    }
    for (path, bytes) in contents {
        tokio::fs::write(path, bytes).await?;
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
