//! Wrong answer: a rollback guard that is never disarmed, so success rolls back
//! Expect: was the commit skipped

use crate::services::{Db, Tx};

/// Rolls the transaction back when dropped, unless it was taken out.
struct Guard(Option<Tx>);

impl Drop for Guard {
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
    let mut guard = Guard(Some(db.begin().await));
    body(guard.0.as_mut().expect("just put there")).await
}
