//! A SQLite file that does not exist yet.
//!
//! Python's `aiosqlite.connect("f.db")` (like `sqlite3.connect`) creates the
//! file when it is missing. sqlx opens an existing file only, unless told
//! otherwise, and a missing one is `(code: 14) unable to open database
//! file`.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};

// ANCHOR: plain
/// The literal port of `aiosqlite.connect(path)`: fails if `path` is
/// missing.
pub async fn open_existing(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    SqlitePool::connect(&format!("sqlite://{}", path.display())).await
}
// ANCHOR_END: plain

// ANCHOR: create
/// Opens the file at `path`, creating it if it is missing.
pub async fn open_or_create(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    SqlitePool::connect_with(options).await
}

/// The same, said in the URL: `mode=rwc` is read, write, create.
pub async fn open_or_create_by_url(
    path: &Path,
) -> Result<SqlitePool, sqlx::Error> {
    SqlitePool::connect(&format!("sqlite://{}?mode=rwc", path.display())).await
}
// ANCHOR_END: create
