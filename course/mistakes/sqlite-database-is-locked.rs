//! Mistake: a second SQLite writer while a transaction holds the write lock.
//! Test: subject::two_writers().await
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, Executor, SqliteConnection};

pub async fn two_writers() {
    let _ = std::fs::remove_file("locked.db");
    // busy_timeout 0 fails at once; the default (5 s) only delays the error.
    let options = SqliteConnectOptions::from_str("sqlite:locked.db")
        .unwrap()
        .create_if_missing(true)
        .busy_timeout(Duration::ZERO);
    let mut first = SqliteConnection::connect_with(&options).await.unwrap();
    let mut second = SqliteConnection::connect_with(&options).await.unwrap();
    first.execute("CREATE TABLE log (line TEXT)").await.unwrap();

    let mut tx = first.begin().await.unwrap();
    tx.execute("INSERT INTO log VALUES ('one')").await.unwrap();
    second
        .execute("INSERT INTO log VALUES ('two')")
        .await
        .unwrap();
    tx.commit().await.unwrap();
}
