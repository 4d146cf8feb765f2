//! SQLite's honest limits: one file, one writer at a time.
//!
//! SQLite runs inside the program and locks the database file. Any number
//! of connections may read, but only one may write at a time, and in the
//! default journal mode a writer cannot commit while someone is reading.
//! A connection that finds the file locked waits up to its *busy timeout*,
//! then fails with `(code: 5) database is locked`.
//!
//! These demos use SQLite's own types (`SqliteConnection`), because
//! journal mode and busy timeout are SQLite settings.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection};

// ANCHOR: options
/// Options for one connection to the SQLite file at `path`.
pub fn options(
    path: &Path,
    journal: SqliteJournalMode,
    busy_timeout: Duration,
) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        // Delete: the classic rollback journal; readers block a commit.
        // Wal: a write-ahead log; readers and one writer run together.
        .journal_mode(journal)
        // How long to wait for a lock before "database is locked".
        // sqlx's default is 5 s; SQLite's own is 0.
        .busy_timeout(busy_timeout)
}
// ANCHOR_END: options

/// Makes the `notes` table in the file at `path` (waiting for any lock),
/// then opens a connection with the given busy timeout.
async fn open(
    path: &Path,
    journal: SqliteJournalMode,
    busy_timeout: Duration,
) -> Result<SqliteConnection, sqlx::Error> {
    let mut setup = options(path, journal, Duration::from_secs(5))
        .connect()
        .await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS notes (body TEXT NOT NULL)")
        .execute(&mut setup)
        .await?;
    setup.close().await?;
    options(path, journal, busy_timeout).connect().await
}

// ANCHOR: two_writers
/// Two writers: the first holds the write lock for `hold` while the
/// second, with a busy timeout of `busy_timeout`, tries to insert.
pub async fn second_writer(
    path: &Path,
    busy_timeout: Duration,
    hold: Duration,
) -> Result<(), sqlx::Error> {
    let journal = SqliteJournalMode::Wal;
    let mut first = open(path, journal, Duration::from_secs(5)).await?;
    let mut second = open(path, journal, busy_timeout).await?;

    // BEGIN IMMEDIATE takes the write lock now, not at the first write.
    let mut tx = first.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("INSERT INTO notes (body) VALUES ('first')")
        .execute(&mut *tx)
        .await?;
    let commit_later = async {
        tokio::time::sleep(hold).await;
        tx.commit().await
    };
    let insert = sqlx::query("INSERT INTO notes (body) VALUES ('second')")
        .execute(&mut second);
    // Both on this task: the commit is not held up by the waiting insert,
    // which waits on its own worker thread.
    let (committed, inserted) = tokio::join!(commit_later, insert);
    committed?;
    first.close().await?;
    second.close().await?;
    inserted.map(drop)
}
// ANCHOR_END: two_writers

// ANCHOR: reader_and_writer
/// A reader holds a read transaction open while a writer (busy timeout 0)
/// inserts and commits. In `Delete` mode the commit needs the whole file
/// and fails; in `Wal` mode it goes through.
pub async fn writer_while_reading(
    path: &Path,
    journal: SqliteJournalMode,
) -> Result<(), sqlx::Error> {
    let mut reader = open(path, journal, Duration::from_secs(5)).await?;
    let mut writer = open(path, journal, Duration::ZERO).await?;

    let mut read = reader.begin().await?;
    let _: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notes")
        .fetch_one(&mut *read)
        .await?; // the read lock is taken, and held until `read` ends
    let written = sqlx::query("INSERT INTO notes (body) VALUES ('w')")
        .execute(&mut writer)
        .await;
    read.rollback().await?;
    reader.close().await?;
    writer.close().await?;
    written.map(drop)
}
// ANCHOR_END: reader_and_writer

/// Whether `error` is SQLite's "database is locked" (SQLITE_BUSY, code 5).
pub fn is_locked(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|e| e.code())
        .is_some_and(|code| code == "5")
}
