//! What the exercises are given: a slow audit, its error, a slow store.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::sleep;

/// How long [`audit`] takes.
pub const AUDIT_TIME: Duration = Duration::from_millis(100);

/// A fraud check on a withdrawal: takes [`AUDIT_TIME`], always passes.
pub async fn audit(amount: u32) {
    let _ = amount;
    sleep(AUDIT_TIME).await;
}

/// A withdrawal larger than the balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Insufficient {
    /// The balance at the time of the refusal.
    pub balance: u32,
}

impl fmt::Display for Insufficient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "insufficient funds: the balance is {}", self.balance)
    }
}

impl std::error::Error for Insufficient {}

/// A slow key-value store that counts how often it is asked.
#[derive(Debug)]
pub struct SlowStore {
    delay: Duration,
    loads: AtomicUsize,
}

impl SlowStore {
    /// A store whose every load takes `delay`.
    pub fn new(delay: Duration) -> Self {
        Self {
            delay,
            loads: AtomicUsize::new(0),
        }
    }

    /// Loads `key`: takes the store's delay, returns `"value of <key>"`.
    pub async fn load(&self, key: &str) -> String {
        self.loads.fetch_add(1, Ordering::SeqCst);
        sleep(self.delay).await;
        format!("value of {key}")
    }

    /// How many loads were started so far.
    pub fn loads(&self) -> usize {
        self.loads.load(Ordering::SeqCst)
    }
}
