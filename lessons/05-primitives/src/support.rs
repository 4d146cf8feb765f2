//! What the exercises are given: a slow audit, its error, a slow store
//! that can fail.

use std::collections::HashSet;
use std::fmt;
use std::sync::Mutex;
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

/// A load that failed (the store was down, say); the next may succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The key whose load failed.
    pub key: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "loading {:?} failed", self.key)
    }
}

impl std::error::Error for LoadError {}

/// A slow key-value store that counts how often it is asked.
#[derive(Debug)]
pub struct SlowStore {
    delay: Duration,
    loads: AtomicUsize,
    fail_next: Mutex<HashSet<String>>,
}

impl SlowStore {
    /// A store whose every load takes `delay`.
    pub fn new(delay: Duration) -> Self {
        Self {
            delay,
            loads: AtomicUsize::new(0),
            fail_next: Mutex::new(HashSet::new()),
        }
    }

    /// Makes the next load of `key` fail (after the usual delay).
    pub fn fail_next(&self, key: &str) {
        self.fail_next
            .lock()
            .expect("not poisoned")
            .insert(key.to_string());
    }

    /// Loads `key`: takes the store's delay, returns `"value of <key>"`,
    /// or a [`LoadError`] if [`fail_next`](Self::fail_next) asked for one.
    pub async fn load(&self, key: &str) -> Result<String, LoadError> {
        self.loads.fetch_add(1, Ordering::SeqCst);
        sleep(self.delay).await;
        let fails = self.fail_next.lock().expect("not poisoned").remove(key);
        if fails {
            return Err(LoadError {
                key: key.to_string(),
            });
        }
        Ok(format!("value of {key}"))
    }

    /// How many loads were started so far.
    pub fn loads(&self) -> usize {
        self.loads.load(Ordering::SeqCst)
    }
}
