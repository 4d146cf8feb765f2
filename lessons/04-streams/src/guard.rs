//! `async with` as a guard: a value whose `Drop` gives the resource back.
//!
//! Python's `async with pool.acquire() as conn:` runs `__aexit__` on every
//! way out of the block: normal end, exception, cancellation. In Rust the
//! resource itself is the guard. `pool.acquire().await` returns a `Conn`;
//! when the `Conn` goes out of scope — at the end of the block, at a `?`
//! that returns an error early, or because the whole future was dropped
//! (cancelled by a timeout or a `select!`) — its `Drop` runs and the
//! connection goes back to the pool. There is nothing to forget.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::timing::ms;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, sleep};

/// A query failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// The query named a table the database does not have.
    NoSuchTable(String),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::NoSuchTable(table) => {
                write!(f, "no such table: {table}")
            }
        }
    }
}

impl std::error::Error for QueryError {}

/// The tables the pretend database has.
const TABLES: [&str; 2] = ["users", "orders"];

#[derive(Debug)]
struct Shared {
    // One permit per connection: `acquire` waits when all are lent out.
    slots: Arc<Semaphore>,
    next_id: AtomicUsize,
    origin: Instant,
    events: Mutex<Vec<(Duration, String)>>,
}

// ANCHOR: pool
/// A connection pool of fixed size that logs what it lends and gets back.
#[derive(Debug, Clone)]
pub struct Pool {
    shared: Arc<Shared>,
}

/// A connection on loan from a [`Pool`]; dropping it gives it back.
#[derive(Debug)]
pub struct Conn {
    id: usize,
    pool: Pool,
    _slot: OwnedSemaphorePermit, // itself a guard: its Drop frees the slot
}

impl Pool {
    /// `async with pool.acquire() as conn:` — waits for a free connection.
    pub async fn acquire(&self) -> Conn {
        let slot = self
            .shared
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("never closed");
        let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        self.record(format!("conn {id} acquired"));
        Conn {
            id,
            pool: self.clone(),
            _slot: slot,
        }
    }
}

impl Drop for Conn {
    // Runs on every way out of the scope that owns the `Conn`: the end of
    // the block, an early `return` or `?`, a panic, or the owning future
    // being dropped mid-`.await`.
    fn drop(&mut self) {
        self.pool.record(format!("conn {} released", self.id));
    }
}
// ANCHOR_END: pool

impl Pool {
    /// A pool of `size` connections.
    pub fn new(size: usize) -> Self {
        Self {
            shared: Arc::new(Shared {
                slots: Arc::new(Semaphore::new(size)),
                next_id: AtomicUsize::new(0),
                origin: Instant::now(),
                events: Mutex::default(),
            }),
        }
    }

    /// Connections free right now.
    pub fn available(&self) -> usize {
        self.shared.slots.available_permits()
    }

    /// How many connections were given back so far.
    pub fn released(&self) -> usize {
        self.count_events("released")
    }

    /// How many connections were lent out so far.
    pub fn acquired(&self) -> usize {
        self.count_events("acquired")
    }

    /// Everything that happened, with the time since the pool was made.
    pub fn events(&self) -> Vec<(Duration, String)> {
        self.shared.events.lock().unwrap().clone()
    }

    fn record(&self, what: String) {
        let at = self.shared.origin.elapsed();
        self.shared.events.lock().unwrap().push((at, what));
    }

    fn count_events(&self, kind: &str) -> usize {
        self.shared
            .events
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, e)| e.ends_with(kind))
            .count()
    }
}

impl Conn {
    /// Runs `sql` against the pretend database, taking `delay`. Fails if the
    /// query names no known table.
    pub async fn query(
        &mut self,
        sql: &str,
        delay: Duration,
    ) -> Result<String, QueryError> {
        sleep(delay).await;
        let table = sql.rsplit(' ').next().unwrap_or_default();
        if !TABLES.contains(&table) {
            return Err(QueryError::NoSuchTable(table.to_string()));
        }
        Ok(format!("{sql}: ok (conn {})", self.id))
    }
}

// ANCHOR: report
/// Two queries on one pooled connection; an error stops at the first.
pub async fn report(
    pool: &Pool,
    table: &str,
) -> Result<Vec<String>, QueryError> {
    let mut conn = pool.acquire().await; // `async with pool.acquire() as conn:`
    let count = conn
        .query(&format!("SELECT count(*) FROM {table}"), ms(100))
        .await?;
    let latest = conn
        .query(&format!("SELECT max(id) FROM {table}"), ms(200))
        .await?;
    Ok(vec![count, latest])
} // `conn` is dropped here, at the `?`, or wherever the future is dropped
// ANCHOR_END: report
