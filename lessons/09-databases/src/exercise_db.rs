//! A fresh SQLite database for the exercise tests, and the queries they
//! check the learner's work with.
//!
//! These live in the library, not in `tests/exercises.rs`, on purpose: the
//! library is rebuilt incrementally after an edit, while every query in a
//! test file is compiled again each time. `course check` stays quick.

use std::time::Duration;

use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{Connection, SqliteConnection, SqlitePool};

use crate::backend::{Backend, migrator};
use crate::scratch::Scratch;

/// A fresh SQLite file with the lesson's tables, and a pool on it. Keep
/// the `Scratch` alive as long as the pool: dropping it deletes the file.
pub async fn fresh() -> (Scratch, SqlitePool) {
    fresh_with(10).await
}

/// Like [`fresh`], with a pool of exactly `connections` connections, all
/// of them open (and idle) before this returns.
pub async fn fresh_with(connections: u32) -> (Scratch, SqlitePool) {
    let scratch = Scratch::sqlite().await.expect("a temporary SQLite file");
    let pool = SqlitePoolOptions::new()
        .max_connections(connections)
        .connect(scratch.url())
        .await
        .expect("SQLite opens");
    migrator(Backend::Sqlite)
        .run(&pool)
        .await
        .expect("migrations run");
    let open = (0..connections).map(|_| pool.acquire());
    let open: Vec<_> = futures::future::try_join_all(open)
        .await
        .expect("the pool opens its connections");
    drop(open);
    (scratch, pool)
}

/// SQLite's write lock, held by a connection of its own (outside the
/// pool) until [`WriteLock::release`]. Readers still read (WAL mode);
/// every writer waits, in its busy timeout, for the release.
#[derive(Debug)]
pub struct WriteLock(SqliteConnection);

impl WriteLock {
    /// Takes the write lock of `scratch`'s database.
    pub async fn take(scratch: &Scratch) -> WriteLock {
        let mut conn = SqliteConnection::connect(scratch.url())
            .await
            .expect("a second connection opens");
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut conn)
            .await
            .expect("the test takes the write lock");
        WriteLock(conn)
    }

    /// Lets the waiting writers go, one at a time.
    pub async fn release(mut self) {
        sqlx::query("COMMIT")
            .execute(&mut self.0)
            .await
            .expect("the test releases the write lock");
    }
}

/// Waits until every connection of `pool` has been in use for 100 ms in a
/// row (callers blocked inside the database, e.g. behind a [`WriteLock`]),
/// or `give_up` has passed. Returns whether they all were.
pub async fn all_connections_busy(
    pool: &SqlitePool,
    give_up: Duration,
) -> bool {
    let step = Duration::from_millis(10);
    let deadline = tokio::time::Instant::now() + give_up;
    let mut busy_for = Duration::ZERO;
    while tokio::time::Instant::now() < deadline {
        if pool.num_idle() == 0
            && pool.size() == pool.options().get_max_connections()
        {
            busy_for += step;
            if busy_for >= Duration::from_millis(100) {
                return true;
            }
        } else {
            busy_for = Duration::ZERO;
        }
        tokio::time::sleep(step).await;
    }
    false
}

/// Why a query of the test failed: most likely the code under test
/// dropped or emptied a table.
fn broke(sql: &str, e: sqlx::Error) -> ! {
    panic!(
        "the test's own query `{sql}` failed: {e}. Did the code under test \
         run SQL that a value smuggled in (a DROP or DELETE)? Bind values \
         with .bind(), never format! them into the SQL"
    )
}

/// The single number a query such as `SELECT COUNT(*) FROM t` returns.
pub async fn number(pool: &SqlitePool, sql: &'static str) -> i64 {
    match sqlx::query_scalar(sql).fetch_one(pool).await {
        Ok(n) => n,
        Err(e) => broke(sql, e),
    }
}

/// Runs a statement with no parameters.
pub async fn run(pool: &SqlitePool, sql: &'static str) {
    if let Err(e) = sqlx::query(sql).execute(pool).await {
        broke(sql, e);
    }
}

/// Appends `n` rows to `items`, named `item 1`, `item 2`, ... after the
/// rows already there.
pub async fn add_items(pool: &SqlitePool, n: usize) {
    let start = number(pool, "SELECT COUNT(*) FROM items").await;
    for i in 1..=n as i64 {
        sqlx::query("INSERT INTO items (name) VALUES (?)")
            .bind(format!("item {}", start + i))
            .execute(pool)
            .await
            .unwrap_or_else(|e| {
                broke("INSERT INTO items (name) VALUES (?)", e)
            });
    }
}

/// The quantity in stock for `sku`.
pub async fn stock(pool: &SqlitePool, sku: &str) -> i64 {
    let sql = "SELECT qty FROM stock WHERE sku = ?";
    sqlx::query_scalar(sql)
        .bind(sku)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| broke(sql, e))
}

/// The customer of order `id`, if there is such an order.
pub async fn customer_of(pool: &SqlitePool, id: i64) -> Option<String> {
    let sql = "SELECT customer FROM orders WHERE id = ?";
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_optional(pool)
        .await
        .unwrap_or_else(|e| broke(sql, e))
}

/// The lines of order `id`, as `(sku, qty)` by sku.
pub async fn lines_of(pool: &SqlitePool, id: i64) -> Vec<(String, i64)> {
    let sql =
        "SELECT sku, qty FROM order_lines WHERE order_id = ? ORDER BY sku";
    sqlx::query_as(sql)
        .bind(id)
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| broke(sql, e))
}
