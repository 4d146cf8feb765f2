//! Reference solution for 04-with-transaction.

use crate::services::{Db, Tx};

/// Owns an open transaction and rolls it back when dropped, unless it was
/// taken out to be committed.
struct RollbackGuard(Option<Tx>);

impl Drop for RollbackGuard {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            tx.rollback();
        }
    }
}

/// Runs `body` in a transaction: committed if it returns `Ok`, rolled back
/// on `Err`, on cancellation and on panic.
pub async fn with_transaction<T, E>(
    db: &Db,
    body: impl AsyncFnOnce(&mut Tx) -> Result<T, E>,
) -> Result<T, E> {
    let mut guard = RollbackGuard(Some(db.begin().await));
    let tx = guard.0.as_mut().expect("just put there");
    let value = body(tx).await?; // Err: the guard drops here and rolls back
    let tx = guard.0.take().expect("still there");
    tx.commit().await; // the guard is empty now: its Drop does nothing
    Ok(value)
}
