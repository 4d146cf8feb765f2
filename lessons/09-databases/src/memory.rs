//! `sqlite::memory:` behind a pool: one database for the whole pool, or
//! one per connection, depending on the pool's type.
//!
//! SQLite's `:memory:` database belongs to the connection that opened it.
//! sqlx's SQLite driver turns `sqlite::memory:` into a *named* in-memory
//! database with a shared cache (`file:sqlx-in-memory-N`, a new N each time
//! the URL is parsed), so the connections of one `SqlitePool` all open the
//! same one. The `Any` driver parses the URL again for every connection it
//! opens: each gets a new name, and so a database of its own.

use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};

const CREATE: &str = "CREATE TABLE notes (body TEXT NOT NULL)";
const COUNT: &str = "SELECT COUNT(*) FROM notes";

/// What counting the rows of `notes` gave: `Ok(0)` if the table is there,
/// `Err` (`no such table: notes`) if this database has none.
pub type Count = Result<i64, sqlx::Error>;

// ANCHOR: sqlite_pool
/// A `SqlitePool` of two on `sqlite::memory:`: a table made on one
/// connection, counted on the other while both are held.
pub async fn sqlite_pool() -> Result<Count, sqlx::Error> {
    let pool = SqlitePoolOptions::new()
        .max_connections(2)
        .connect("sqlite::memory:")
        .await?;
    let mut first = pool.acquire().await?;
    let mut second = pool.acquire().await?; // another connection
    sqlx::query(CREATE).execute(&mut *first).await?;
    Ok(sqlx::query_scalar(COUNT).fetch_one(&mut *second).await)
}
// ANCHOR_END: sqlite_pool

// ANCHOR: any_pool
/// The same under `AnyPool`: the other connection has a database of its
/// own, without the table (`no such table: notes`).
pub async fn any_pool() -> Result<Count, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(2)
        .connect("sqlite::memory:")
        .await?;
    let mut first = pool.acquire().await?;
    let mut second = pool.acquire().await?;
    sqlx::query(CREATE).execute(&mut *first).await?;
    Ok(sqlx::query_scalar(COUNT).fetch_one(&mut *second).await)
}
// ANCHOR_END: any_pool

// ANCHOR: gone
/// One parsed `sqlite::memory:` names one database: a second pool made
/// from the same options finds the first pool's table. Once both pools
/// are closed, no connection holds the database and SQLite frees it: a
/// new pool from the same options finds it empty. Returns the count seen
/// while the first pool was open, and the one seen after.
pub async fn gone_when_closed() -> Result<(Count, Count), sqlx::Error> {
    let options: SqliteConnectOptions = "sqlite::memory:".parse()?;
    let first = SqlitePool::connect_with(options.clone()).await?;
    sqlx::query(CREATE).execute(&first).await?;

    let second = SqlitePool::connect_with(options.clone()).await?;
    let while_open = sqlx::query_scalar(COUNT).fetch_one(&second).await;
    second.close().await;
    first.close().await; // the last connection to it

    let third = SqlitePool::connect_with(options).await?;
    let after = sqlx::query_scalar(COUNT).fetch_one(&third).await;
    third.close().await;
    Ok((while_open, after))
}
// ANCHOR_END: gone

// ANCHOR: kept
/// A pool that keeps its in-memory database for as long as the pool
/// lives: one connection always open, and none closed for being idle (10
/// minutes, by default) or old (30 minutes). Closing the last one would
/// free the database, and the pool's next connection would find an empty
/// one.
pub async fn kept_in_memory() -> Result<SqlitePool, sqlx::Error> {
    SqlitePoolOptions::new()
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect("sqlite::memory:")
        .await
}
// ANCHOR_END: kept
