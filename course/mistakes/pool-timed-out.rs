//! Mistake: holding the pool's only connection while asking it for another.
//! Test: subject::count_items().await
use std::time::Duration;

use sqlx::sqlite::SqlitePoolOptions;

pub async fn count_items() -> i64 {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_millis(200))
        .connect("sqlite::memory:")
        .await
        .unwrap();
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("CREATE TABLE items (name TEXT)")
        .execute(&mut *conn)
        .await
        .unwrap();
    // `conn` is still held, so the pool has nothing to give.
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM items")
        .fetch_one(&pool)
        .await
        .unwrap();
    n
}
