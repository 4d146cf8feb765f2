//! A "with" helper: a function that lends a resource to a closure.
//!
//! Python's `@asynccontextmanager` turns a generator into an `async with`
//! target. The Rust counterpart is a function that acquires the resource,
//! hands it to an async closure, and tidies up when the closure is done:
//! `with_connection(&pool, async |conn| { ... }).await`. Async closures
//! (stable since Rust 1.85) let the closure borrow the connection.
//!
//! Code placed *after* the closure's `.await` runs only when the closure
//! finishes. If the caller drops the helper's future half-way (a timeout, a
//! `select!`), that code never runs. So a helper must still keep the
//! resource in a guard: the guard's `Drop` is the one thing that runs on
//! every path.

use kit::timing::ms;

use crate::guard::{Conn, Pool, QueryError};

// ANCHOR: with_connection
/// Acquires a connection, lends it to `body`, and returns what `body` returns.
pub async fn with_connection<T>(
    pool: &Pool,
    body: impl AsyncFnOnce(&mut Conn) -> T,
) -> T {
    let mut conn = pool.acquire().await;
    body(&mut conn).await
} // `conn` (a guard) is released here — or when this future is dropped
// ANCHOR_END: with_connection

// ANCHOR: with_connection_call
/// Counts two tables on one connection, through the helper.
pub async fn count_both(pool: &Pool) -> Result<Vec<String>, QueryError> {
    with_connection(pool, async |conn| {
        let users = conn.query("SELECT count(*) FROM users", ms(100)).await?;
        let orders = conn.query("SELECT count(*) FROM orders", ms(100)).await?;
        Ok(vec![users, orders])
    })
    .await
}
// ANCHOR_END: with_connection_call
