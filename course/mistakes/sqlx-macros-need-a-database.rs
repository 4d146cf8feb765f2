//! Mistake: sqlx::query! without DATABASE_URL (nor a prepared query cache).
//! Fails: to compile
use sqlx::SqlitePool;

pub async fn count_items(pool: &SqlitePool) -> i64 {
    let row = sqlx::query!("SELECT count(*) AS n FROM items")
        .fetch_one(pool)
        .await
        .unwrap();
    row.n
}
