//! A fresh SQLite database for the exercise tests, and the queries they
//! check the learner's work with.
//!
//! These live in the library, not in `tests/exercises.rs`, on purpose: the
//! library is rebuilt incrementally after an edit, while every query in a
//! test file is compiled again each time. `course check` stays quick.

use sqlx::SqlitePool;

use crate::backend::{Backend, migrator};
use crate::scratch::Scratch;

/// A fresh SQLite file with the lesson's tables, and a pool on it. Keep
/// the `Scratch` alive as long as the pool: dropping it deletes the file.
pub async fn fresh() -> (Scratch, SqlitePool) {
    let scratch = Scratch::sqlite().await.expect("a temporary SQLite file");
    let pool = SqlitePool::connect(scratch.url())
        .await
        .expect("SQLite opens");
    migrator(Backend::Sqlite)
        .run(&pool)
        .await
        .expect("migrations run");
    (scratch, pool)
}

/// The single number a query such as `SELECT COUNT(*) FROM t` returns.
pub async fn number(pool: &SqlitePool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// Runs a statement with no parameters.
pub async fn run(pool: &SqlitePool, sql: &'static str) {
    sqlx::query(sql).execute(pool).await.unwrap();
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
            .unwrap();
    }
}

/// The quantity in stock for `sku`.
pub async fn stock(pool: &SqlitePool, sku: &str) -> i64 {
    sqlx::query_scalar("SELECT qty FROM stock WHERE sku = ?")
        .bind(sku)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The customer of order `id`, if there is such an order.
pub async fn customer_of(pool: &SqlitePool, id: i64) -> Option<String> {
    sqlx::query_scalar("SELECT customer FROM orders WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
        .unwrap()
}

/// The lines of order `id`, as `(sku, qty)` by sku.
pub async fn lines_of(pool: &SqlitePool, id: i64) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT sku, qty FROM order_lines WHERE order_id = ? ORDER BY sku",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap()
}
