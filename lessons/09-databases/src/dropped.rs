//! A transaction dropped without `commit` leaves no trace.
//!
//! Python's `async with conn.transaction():` commits at the end of the
//! block and rolls back on an exception. sqlx's `Transaction` rolls back
//! whenever it is dropped without `commit()`: an early `return`, a `?`, a
//! panic, or a future cancelled by a timeout.

use std::time::Duration;

use crate::backend::{Db, Sql};

const INSERT: Sql = Sql {
    sqlite: "INSERT INTO accounts (owner, balance) VALUES (?, 0)",
    postgres: "INSERT INTO accounts (owner, balance) VALUES ($1, 0)",
    mysql: "INSERT INTO accounts (owner, balance) VALUES (?, 0)",
};
const COUNT: Sql = Sql {
    sqlite: "SELECT COUNT(*) FROM accounts WHERE owner = ?",
    postgres: "SELECT COUNT(*) FROM accounts WHERE owner = $1",
    mysql: "SELECT COUNT(*) FROM accounts WHERE owner = ?",
};

/// How many accounts `owner` has, as any connection of the pool sees it.
pub async fn count_owned(db: &Db, owner: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(db.sql(COUNT))
        .bind(owner)
        .fetch_one(&db.pool)
        .await
}

// ANCHOR: dropped
/// Inserts an account for `owner` in a transaction, sees it inside, and
/// drops the transaction. Returns the count inside and after.
pub async fn insert_then_drop(
    db: &Db,
    owner: &str,
) -> Result<(i64, i64), sqlx::Error> {
    let inside = {
        let mut tx = db.pool.begin().await?;
        sqlx::query(db.sql(INSERT))
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        // The transaction sees its own insert...
        sqlx::query_scalar(db.sql(COUNT))
            .bind(owner)
            .fetch_one(&mut *tx)
            .await?
        // ...and `tx` is dropped here, never committed: rolled back.
    };
    Ok((inside, count_owned(db, owner).await?))
}
// ANCHOR_END: dropped

// ANCHOR: cancelled
/// The same, cut short: the insert runs, then a slow step is cancelled by
/// a timeout. Dropping the future drops the transaction inside it.
/// Returns whether it timed out, and the count after.
pub async fn insert_then_time_out(
    db: &Db,
    owner: &str,
    limit: Duration,
) -> Result<(bool, i64), sqlx::Error> {
    let work = async {
        let mut tx = db.pool.begin().await?;
        sqlx::query(db.sql(INSERT))
            .bind(owner)
            .execute(&mut *tx)
            .await?;
        tokio::time::sleep(limit * 10).await; // "slow work": never ends
        tx.commit().await
    };
    let timed_out = tokio::time::timeout(limit, work).await.is_err();
    Ok((timed_out, count_owned(db, owner).await?))
}
// ANCHOR_END: cancelled
