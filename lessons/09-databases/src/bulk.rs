//! The writer's end of a pipeline: a batch of rows into SQLite.
//!
//! Lesson 06's pipeline ends in one writer task that collects results into
//! batches (`Receiver::recv_many`). Here is what that writer does with a
//! batch: one transaction, and as few multi-row `INSERT`s as SQLite's limit
//! on bound parameters allows, instead of one `execute` (and so one commit)
//! per row.

use std::path::Path;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool};
use sqlx::{QueryBuilder, Sqlite};

/// One result that reached the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    pub line: i64,
    pub text: String,
}

/// `n` made-up results, lines `1..=n`.
pub fn results(n: usize) -> Vec<Processed> {
    (1..=n as i64)
        .map(|line| Processed {
            line,
            text: format!("result of line {line}"),
        })
        .collect()
}

/// A pool on a SQLite file at `path` (WAL, created if missing) with an
/// empty `results` table. The primary key refuses a line stored twice.
pub async fn open(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal);
    let pool = SqlitePool::connect_with(options).await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS results \
         (line INTEGER PRIMARY KEY, text TEXT NOT NULL)",
    )
    .execute(&pool)
    .await?;
    Ok(pool)
}

// ANCHOR: one_by_one
/// One `execute` per row. Each is a transaction of its own, so each row
/// pays for a commit.
pub async fn insert_one_by_one(
    pool: &SqlitePool,
    rows: &[Processed],
) -> Result<(), sqlx::Error> {
    for row in rows {
        sqlx::query("INSERT INTO results (line, text) VALUES (?, ?)")
            .bind(row.line)
            .bind(&row.text)
            .execute(pool)
            .await?;
    }
    Ok(())
}
// ANCHOR_END: one_by_one

// ANCHOR: batch
/// The most `?` one SQLite statement may hold (SQLITE_MAX_VARIABLE_NUMBER:
/// 32,766 since SQLite 3.32; 999 before).
pub const SQLITE_MAX_PARAMETERS: usize = 32_766;
/// Each row binds two values, so one statement takes at most this many.
pub const ROWS_PER_STATEMENT: usize = SQLITE_MAX_PARAMETERS / 2;

/// The whole batch in one transaction: `INSERT ... VALUES (?, ?), (?, ?),
/// ...` for up to [`ROWS_PER_STATEMENT`] rows at a time. Returns how many
/// statements it took. All rows or none: an error drops `tx`.
pub async fn insert_batch(
    pool: &SqlitePool,
    rows: &[Processed],
) -> Result<usize, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut statements = 0;
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut insert =
            QueryBuilder::<Sqlite>::new("INSERT INTO results (line, text) ");
        insert.push_values(chunk, |mut values, row| {
            values.push_bind(row.line).push_bind(&row.text);
        });
        insert.build().execute(&mut *tx).await?;
        statements += 1;
    }
    tx.commit().await?;
    Ok(statements)
}
// ANCHOR_END: batch
