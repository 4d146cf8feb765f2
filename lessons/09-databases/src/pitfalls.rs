//! A mistake everyone makes once, with the error it gives.

use std::time::Duration;

use futures::TryStreamExt;

use crate::backend::{Db, PoolSize, connect};

/// A pool of one connection, held by an open stream, while the same task
/// runs another query: that query waits for a connection that can only
/// come back when the stream is dropped, and gives up after the pool's
/// acquire timeout.
pub async fn stream_holds_the_only_connection(
    db_url: &str,
    acquire_timeout: Duration,
) -> Result<sqlx::Error, sqlx::Error> {
    let size = PoolSize {
        min: 1,
        max: 1,
        acquire_timeout,
    };
    let db: Db = connect(db_url, size).await?;
    let mut rows =
        sqlx::query_scalar::<_, i64>("SELECT id FROM accounts").fetch(&db.pool);
    let _first = rows.try_next().await?; // the stream holds the connection
    let second = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await;
    drop(rows);
    match second {
        Err(e) => Ok(e),
        Ok(_) => Err(sqlx::Error::Protocol("expected a pool timeout".into())),
    }
}
