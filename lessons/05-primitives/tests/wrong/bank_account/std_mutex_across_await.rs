//! Wrong answer: a std::sync::Mutex guard held across the audit's .await (clippy's await_holding_lock would have warned)
//! Expect: std::sync::Mutex guard held across the audit's .await

use std::sync::Mutex;

use crate::support::{Insufficient, audit};

/// A bank account shared by many tasks (behind an `Arc`).
#[derive(Debug)]
pub struct Account {
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
        *self.balance.lock().unwrap()
    }

    /// Withdraws `amount` after an audit; the new balance, or a refusal.
    #[allow(clippy::await_holding_lock)] // silenced: clippy was right
    pub async fn withdraw(&self, amount: u32) -> Result<u32, Insufficient> {
        let mut balance = self.balance.lock().unwrap();
        if *balance < amount {
            return Err(Insufficient { balance: *balance });
        }
        audit(amount).await;
        *balance -= amount;
        Ok(*balance)
    }
}
