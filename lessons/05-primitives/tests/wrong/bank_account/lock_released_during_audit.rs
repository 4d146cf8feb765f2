//! Wrong answer: the balance is read, the lock released during the audit, then the old value minus the amount written (a lost update)
//! Expect: read the balance before either wrote it

use tokio::sync::Mutex;

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
        *self.balance.lock().await
    }

    /// Withdraws `amount` after an audit; the new balance, or a refusal.
    pub async fn withdraw(&self, amount: u32) -> Result<u32, Insufficient> {
        let seen = *self.balance.lock().await; // the guard ends here
        if seen < amount {
            return Err(Insufficient { balance: seen });
        }
        audit(amount).await;
        let mut balance = self.balance.lock().await;
        *balance = seen - amount;
        Ok(*balance)
    }
}
