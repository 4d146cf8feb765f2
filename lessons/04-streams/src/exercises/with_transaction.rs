//! Exercise 04-with-transaction (challenge): commit or roll back, always.
//!
//! Write `with_transaction(db, body)`, the counterpart of
//!
//! ```python
//! async with db.transaction() as tx:
//!     await body(tx)
//! ```
//!
//! Begin a transaction with `db.begin().await`, lend it to `body`, and then:
//!
//! - `body` returned `Ok`: `commit().await` it, and return the `Ok`;
//! - `body` returned `Err`: `rollback()` it, and return the `Err`;
//! - the future of `with_transaction` was dropped half-way (a timeout, a
//!   `select!`), or `body` panicked: roll back too. Nothing after an
//!   `.await` runs in those cases, so a `match` on the result cannot do it.
//!
//! `Tx` has no `Drop` of its own: a transaction that is neither committed
//! nor rolled back stays open forever (`db.stats().open`); the tests check
//! that every path leaves none open. Calling `commit()` is the point of no
//! return (see `Tx::commit`): a cancellation while its reply is awaited
//! leaves the transaction committed, not open.
//!
//! Check it: `cargo run -p course -- check 04-with-transaction`

use crate::services::{Db, Tx};

/// Runs `body` in a transaction: committed if it returns `Ok`, rolled back
/// on `Err`, on cancellation and on panic.
pub async fn with_transaction<T, E>(
    db: &Db,
    body: impl AsyncFnOnce(&mut Tx) -> Result<T, E>,
) -> Result<T, E> {
    todo!()
}
