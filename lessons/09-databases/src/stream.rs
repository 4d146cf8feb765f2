//! Streaming rows: `fetch` hands rows over one at a time as they arrive,
//! like iterating an asyncpg cursor, instead of collecting them all.

use futures::TryStreamExt;

use crate::backend::{Db, Sql};
use crate::queries::Account;

const BY_ID: Sql = Sql {
    sqlite: "SELECT id, owner, balance FROM accounts ORDER BY id",
    postgres: "SELECT id, owner, balance FROM accounts ORDER BY id",
    mysql: "SELECT id, owner, balance FROM accounts ORDER BY id",
};

// ANCHOR: stream
/// Walks the accounts in id order until their balances add up to
/// `target`; returns how many rows it read. Rows after that are never
/// decoded: dropping the stream ends the query.
pub async fn rows_to_reach(db: &Db, target: i64) -> Result<usize, sqlx::Error> {
    let mut rows = sqlx::query_as::<_, Account>(db.sql(BY_ID)).fetch(&db.pool);
    let (mut sum, mut read) = (0, 0);
    while let Some(account) = rows.try_next().await? {
        read += 1;
        sum += account.balance;
        if sum >= target {
            break; // `rows` is dropped: the connection goes back
        }
    }
    Ok(read)
}
// ANCHOR_END: stream
