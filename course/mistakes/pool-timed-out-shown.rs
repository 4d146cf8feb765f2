//! Mistake: the same held connection, its error shown with `{e}` (Display).
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
    let _schema = pool.acquire().await.unwrap();
    let counted = sqlx::query_as("SELECT 1").fetch_one(&pool).await;
    let (n,): (i64,) = counted.unwrap_or_else(|e| panic!("count failed: {e}"));
    n
}
