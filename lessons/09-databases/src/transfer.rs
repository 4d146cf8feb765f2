//! Transactions: a funds transfer is two updates, and either both happen or
//! neither does.

use std::fmt;

use futures::stream::{self, StreamExt};
use sqlx::error::ErrorKind;

use crate::backend::{Db, Sql};

/// Why a transfer did not happen.
#[derive(Debug)]
pub enum TransferError {
    /// The payer's balance would go below zero (the table's CHECK).
    InsufficientFunds,
    /// No account has this id.
    NoSuchAccount(i64),
    /// Anything else the database said.
    Db(sqlx::Error),
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::InsufficientFunds => write!(f, "insufficient funds"),
            TransferError::NoSuchAccount(id) => write!(f, "no account {id}"),
            TransferError::Db(e) => write!(f, "database error: {e}"),
        }
    }
}

impl std::error::Error for TransferError {}

impl From<sqlx::Error> for TransferError {
    fn from(e: sqlx::Error) -> Self {
        // The CHECK (balance >= 0) constraint refused the update.
        let refused = e
            .as_database_error()
            .is_some_and(|d| d.kind() == ErrorKind::CheckViolation);
        if refused {
            TransferError::InsufficientFunds
        } else {
            TransferError::Db(e)
        }
    }
}

// ANCHOR: transfer
const ADD: Sql = Sql {
    sqlite: "UPDATE accounts SET balance = balance + ? WHERE id = ?",
    postgres: "UPDATE accounts SET balance = balance + $1 WHERE id = $2",
    mysql: "UPDATE accounts SET balance = balance + ? WHERE id = ?",
};

/// Moves `amount` from one account to another: both updates, or neither.
pub async fn transfer(
    db: &Db,
    from: i64,
    to: i64,
    amount: i64,
) -> Result<(), TransferError> {
    let mut tx = db.pool.begin().await?;
    // Touch the two rows in id order. Two transfers between the same
    // accounts, in opposite directions, then lock the rows in the same
    // order, and cannot deadlock each other on PostgreSQL or MariaDB.
    let mut moves = [(from, -amount), (to, amount)];
    moves.sort();
    for (id, delta) in moves {
        let done = sqlx::query(db.sql(ADD))
            .bind(delta)
            .bind(id)
            .execute(&mut *tx) // inside the transaction
            .await?; // an overdraft fails here (CHECK)
        if done.rows_affected() == 0 {
            // Returning drops `tx` without commit: the database rolls
            // back, and the other update, if done, is undone.
            return Err(TransferError::NoSuchAccount(id));
        }
    }
    tx.commit().await?; // only now do other connections see the change
    Ok(())
}
// ANCHOR_END: transfer

/// What became of a batch of transfers.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcomes {
    pub done: usize,
    pub insufficient: usize,
    /// Any other error, with its message.
    pub other: Vec<String>,
}

// ANCHOR: many
/// Runs every transfer `(from, to, amount)`, all at once: at most
/// `in_flight` wait for the pool together (the pool itself caps how many
/// run on the database).
pub async fn many_transfers(
    db: &Db,
    transfers: &[(i64, i64, i64)],
    in_flight: usize,
) -> Outcomes {
    let results: Vec<_> = stream::iter(transfers)
        .map(|&(from, to, amount)| transfer(db, from, to, amount))
        .buffer_unordered(in_flight)
        .collect()
        .await;
    let mut outcomes = Outcomes::default();
    for result in results {
        match result {
            Ok(()) => outcomes.done += 1,
            Err(TransferError::InsufficientFunds) => outcomes.insufficient += 1,
            Err(e) => outcomes.other.push(e.to_string()),
        }
    }
    outcomes
}
// ANCHOR_END: many

/// `count` transfers between accounts `ids`, of 1..=50 each, in a fixed
/// pseudo-random order (the same every run).
pub fn shuffled_transfers(ids: &[i64], count: usize) -> Vec<(i64, i64, i64)> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64: small, deterministic, good enough to mix.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let n = ids.len() as u64;
    (0..count)
        .map(|_| {
            let from = next() % n;
            // Any other account: a step of 1..n around the ring.
            let to = (from + 1 + next() % (n - 1)) % n;
            let amount = (next() % 50 + 1) as i64;
            (ids[from as usize], ids[to as usize], amount)
        })
        .collect()
}
