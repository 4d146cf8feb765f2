//! A JSON round trip: a struct to a file and back, with serde.

use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// A small settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub name: String,
    pub retries: u32,
    pub servers: Vec<String>,
}

// ANCHOR: json
/// Saves `settings` as pretty JSON.
pub async fn save(path: &Path, settings: &Settings) -> io::Result<()> {
    let bytes = serde_json::to_vec_pretty(settings)?; // serde error -> io
    tokio::fs::write(path, bytes).await
}

/// Loads what [`save`] wrote. A file that is not valid JSON for `Settings`
/// is an `InvalidData` error.
pub async fn load(path: &Path) -> io::Result<Settings> {
    let bytes = tokio::fs::read(path).await?;
    Ok(serde_json::from_slice(&bytes)?)
}
// ANCHOR_END: json
