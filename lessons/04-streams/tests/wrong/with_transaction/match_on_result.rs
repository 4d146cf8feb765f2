//! Wrong answer: a `match` on the result, so a cancellation leaves it open
//! Expect: not left open

use crate::services::{Db, Tx};

/// Runs `body` in a transaction: committed if it returns `Ok`, rolled back
/// on `Err`, on cancellation and on panic.
pub async fn with_transaction<T, E>(
    db: &Db,
    body: impl AsyncFnOnce(&mut Tx) -> Result<T, E>,
) -> Result<T, E> {
    let mut tx = db.begin().await;
    match body(&mut tx).await {
        Ok(value) => {
            tx.commit().await;
            Ok(value)
        }
        Err(error) => {
            tx.rollback();
            Err(error)
        }
    }
}
