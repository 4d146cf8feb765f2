//! SQLite's own sections: its locks, `sqlite::memory:`, and batches.

use std::time::Duration;

use kit::heading;
use kit::timing::{fmt_duration, measure};
use lesson_09_databases::{bulk, memory, sqlite_limits};
use sqlx::sqlite::SqliteJournalMode;

use super::short;

/// ### SQLite's honest limits: one writer at a time
pub(super) async fn sqlites_honest_limits() -> anyhow::Result<()> {
    heading("SQLite: a second writer, while the first holds the lock");
    let dir = tempfile::tempdir()?;
    let hold = Duration::from_millis(200);
    let path = dir.path().join("locks.db");
    match sqlite_limits::second_writer(&path, Duration::ZERO, hold).await {
        Err(e) => println!("busy timeout 0: {e}"),
        Ok(()) => println!("busy timeout 0: ok (unexpected)"),
    }
    let (done, took) = measure(sqlite_limits::second_writer(
        &path,
        Duration::from_secs(5),
        hold,
    ))
    .await;
    done?;
    println!(
        "busy timeout 5 s: waited, then ok, in {}",
        fmt_duration(took)
    );
    heading("SQLite: a writer commits while a reader reads");
    for journal in [SqliteJournalMode::Delete, SqliteJournalMode::Wal] {
        let path = dir.path().join(format!("{journal:?}.db"));
        let outcome = sqlite_limits::writer_while_reading(&path, journal).await;
        match outcome {
            Ok(()) => println!("{journal:?} mode: ok"),
            Err(e) => println!("{journal:?} mode: {e}"),
        }
    }
    Ok(())
}

/// ### An in-memory SQLite database behind a pool
pub(super) async fn an_in_memory_sqlite_database_behind_a_pool()
-> anyhow::Result<()> {
    heading("SQLite: sqlite::memory: behind a pool");
    println!(
        "SqlitePool, another connection: {}",
        counted(memory::sqlite_pool().await?)
    );
    println!(
        "AnyPool, another connection:    {}",
        counted(memory::any_pool().await?)
    );
    let (while_open, after) = memory::gone_when_closed().await?;
    println!("a second pool, same options:    {}", counted(while_open));
    println!("a new pool, both closed:        {}", counted(after));
    Ok(())
}

/// What a count of the `notes` table gave, in a few words.
fn counted(count: memory::Count) -> String {
    match count {
        Ok(n) => format!("the table is there ({n} rows)"),
        Err(e) => short(&e),
    }
}

/// ### The writer's end of a pipeline: a batch in one transaction
pub(super) async fn the_writers_end_of_a_pipeline() -> anyhow::Result<()> {
    heading("SQLite: the writer's end of a pipeline");
    let dir = tempfile::tempdir()?;
    let rate = |n: usize, took: Duration| n as f64 / took.as_secs_f64();

    // One commit per row is slow: 1,000 rows are enough to see the rate.
    let pool = bulk::open(&dir.path().join("one_by_one.db")).await?;
    let rows = bulk::results(1_000);
    let (done, took) = measure(bulk::insert_one_by_one(&pool, &rows)).await;
    done?;
    println!(
        "one execute per row:       {:>6} rows in {:>7}: {:>7.0} rows/s",
        rows.len(),
        fmt_duration(took),
        rate(rows.len(), took)
    );
    pool.close().await;

    let pool = bulk::open(&dir.path().join("batch.db")).await?;
    let rows = bulk::results(10_000);
    let (statements, took) = measure(bulk::insert_batch(&pool, &rows)).await;
    println!(
        "push_values, one commit:   {:>6} rows in {:>7}: {:>7.0} rows/s \
         ({} statement)",
        rows.len(),
        fmt_duration(took),
        rate(rows.len(), took),
        statements?
    );
    pool.close().await;
    Ok(())
}
