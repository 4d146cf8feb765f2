//! Exercise 05-bank-account (warm-up).
//!
//! An account that many tasks withdraw from at once. `withdraw(amount)`:
//!
//! 1. looks at the balance; below `amount`, it returns
//!    `Err(Insufficient { balance })` at once;
//! 2. otherwise awaits `audit(amount)` (a 100 ms fraud check);
//! 3. then takes `amount` off and returns the new balance.
//!
//! No other withdrawal may look at the balance between steps 1 and 3 of
//! this one. The Python it replaces:
//!
//! ```python
//! class Account:
//!     def __init__(self, balance):
//!         self.balance = balance
//!         self.lock = asyncio.Lock()
//!
//!     async def withdraw(self, amount):
//!         async with self.lock:
//!             if self.balance < amount:
//!                 raise Insufficient(self.balance)
//!             await audit(amount)
//!             self.balance -= amount
//!             return self.balance
//! ```
//!
//! The account is shared by many tasks (behind an `Arc`). The tests
//! (`tests/exercises.rs`, module `bank_account`) run withdrawals
//! concurrently on one account: five withdrawals of 30 from 100 must leave
//! 10 (three succeed, two are refused), and take exactly 300 ms on the
//! paused clock (three audits, one after another); a refusal reports the
//! balance it saw.
//!
//! Check it: `cargo run -p course -- check 05-bank-account`

use crate::support::{Insufficient, audit};

/// A bank account shared by many tasks (behind an `Arc`).
#[derive(Debug)]
pub struct Account {}

impl Account {
    /// An account holding `balance`.
    pub fn new(balance: u32) -> Self {
        todo!()
    }

    /// The balance now.
    pub async fn balance(&self) -> u32 {
        todo!()
    }

    /// Withdraws `amount` after an audit; the new balance, or a refusal.
    pub async fn withdraw(&self, amount: u32) -> Result<u32, Insufficient> {
        todo!()
    }
}
