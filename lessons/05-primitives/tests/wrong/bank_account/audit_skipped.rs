//! Wrong answer: the balance is checked and paid under the lock, but the audit is never awaited
//! Expect: is an audit skipped

use tokio::sync::Mutex;

use crate::support::Insufficient;

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
        *self.balance.lock().await
    }

    /// Withdraws `amount` after an audit; the new balance, or a refusal.
    pub async fn withdraw(&self, amount: u32) -> Result<u32, Insufficient> {
        let mut balance = self.balance.lock().await;
        if *balance < amount {
            return Err(Insufficient { balance: *balance });
        }
        *balance -= amount;
        Ok(*balance)
    }
}
