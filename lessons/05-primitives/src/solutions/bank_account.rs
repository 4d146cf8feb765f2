//! Reference solution for 05-bank-account.

use tokio::sync::Mutex;

use crate::support::{Insufficient, audit};

/// A bank account shared by many tasks (behind an `Arc`).
#[derive(Debug)]
pub struct Account {
    // tokio's Mutex: the guard is held across `audit(..).await`. (A std
    // guard there would make the future `!Send`, and clippy's
    // `await_holding_lock` would object.)
    balance: Mutex<u32>,
}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: u32) -> Self {
        Self {
            balance: Mutex::new(balance),
        }
    }

    /// The balance now.
    pub async fn balance(&self) -> u32 {
        *self.balance.lock().await
    }

    /// Withdraws `amount` after an audit; the new balance, or a refusal.
    pub async fn withdraw(&self, amount: u32) -> Result<u32, Insufficient> {
        let mut balance = self.balance.lock().await;
        if *balance < amount {
            return Err(Insufficient { balance: *balance });
        }
        audit(amount).await; // still holding the lock: others wait
        *balance -= amount;
        Ok(*balance)
    }
}
