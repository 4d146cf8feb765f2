//! Waiting on the server: fifty queries that each sleep 100 ms there take
//! five seconds one after another, and a fraction of that through a pool.
//!
//! The sleep happens on the server (`pg_sleep`, `SLEEP`): the client only
//! waits, as it would for a slow query. SQLite has no server to wait on,
//! and no such function.

use std::time::Duration;

use futures::future::try_join_all;

use crate::backend::{Backend, Db, Sql};

// ANCHOR: sleep
// pg_sleep returns `void`, which sqlx cannot decode: select from it.
const SLEEP: Sql = Sql {
    sqlite: "",
    postgres: "SELECT 1 FROM pg_sleep($1)",
    mysql: "SELECT SLEEP(?)",
};

/// One query that waits `pause` on the server.
pub async fn server_sleep(db: &Db, pause: Duration) -> Result<(), sqlx::Error> {
    if db.backend == Backend::Sqlite {
        return Err(sqlx::Error::Configuration(
            "SQLite has no server to sleep on".into(),
        ));
    }
    sqlx::query(db.sql(SLEEP))
        .bind(pause.as_secs_f64())
        .execute(&db.pool)
        .await?;
    Ok(())
}
// ANCHOR_END: sleep

// ANCHOR: one_by_one
/// `count` sleeping queries, each awaited before the next starts.
pub async fn one_by_one(
    db: &Db,
    count: usize,
    pause: Duration,
) -> Result<(), sqlx::Error> {
    for _ in 0..count {
        server_sleep(db, pause).await?;
    }
    Ok(())
}

/// The same queries all at once: each takes a connection from the pool
/// and waits for one when all are busy.
pub async fn all_at_once(
    db: &Db,
    count: usize,
    pause: Duration,
) -> Result<(), sqlx::Error> {
    try_join_all((0..count).map(|_| server_sleep(db, pause))).await?;
    Ok(())
}
// ANCHOR_END: one_by_one
