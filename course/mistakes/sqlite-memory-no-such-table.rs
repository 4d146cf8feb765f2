//! Mistake: the schema made on one in-memory connection, queried on another.
//! Test: subject::count_items().await
use sqlx::{Connection, Executor, SqliteConnection, SqlitePool};

pub async fn count_items() -> i64 {
    let mut setup = SqliteConnection::connect("sqlite::memory:").await.unwrap();
    setup
        .execute("CREATE TABLE items (name TEXT)")
        .await
        .unwrap();
    let pool = SqlitePool::connect("sqlite::memory:").await.unwrap();
    let (n,): (i64,) = sqlx::query_as("SELECT count(*) FROM items")
        .fetch_one(&pool)
        .await
        .unwrap();
    n
}
