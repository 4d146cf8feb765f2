//! Mistake: connecting to a SQLite file that does not exist yet.
//! Test: subject::open().await
use sqlx::SqlitePool;

pub async fn open() -> SqlitePool {
    let _ = std::fs::remove_file("shop.db");
    SqlitePool::connect("sqlite:shop.db").await.unwrap()
}
