//! Simulated services for the demos and the exercises.
//!
//! Each one is a few timers and counters standing in for a real backend, so
//! the tests can ask it afterwards what happened: how many calls were in
//! flight at once, how many pages were requested, which transactions were
//! committed, rolled back or left open.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::InFlight;
use tokio::time::sleep;

/// What a [`Backend`] saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackendStats {
    /// Fetches started.
    pub calls: usize,
    /// Fetches running right now.
    pub in_flight: usize,
    /// The most fetches that were ever running at once.
    pub max_in_flight: usize,
}

/// A backend that answers fetches and counts how many run at once.
#[derive(Debug, Clone, Default)]
pub struct Backend {
    calls: Arc<AtomicUsize>,
    /// Fetches running now, and the most at once (lesson 05's gauge).
    running: InFlight,
}

impl Backend {
    /// A backend nobody has called yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Fetches `name`, taking `delay`: `kit::sim::fetch`, counted.
    pub async fn fetch(&self, name: &str, delay: Duration) -> String {
        self.calls.fetch_add(1, Ordering::Relaxed); // a tally, nothing more
        let _running = self.running.enter(); // counted out on every path
        kit::sim::fetch(name, delay).await
    }

    /// A copy of the counters.
    pub fn stats(&self) -> BackendStats {
        BackendStats {
            calls: self.calls.load(Ordering::Relaxed),
            in_flight: self.running.now(),
            max_in_flight: self.running.max(),
        }
    }
}

/// An API that lists `1..=total` a page at a time, like a REST endpoint
/// with `?page=N`. Clones share the request counter.
#[derive(Debug, Clone)]
pub struct PagedApi {
    total: u32,
    page_size: usize,
    latency: Duration,
    requests: Arc<Mutex<Vec<usize>>>,
}

impl PagedApi {
    /// Items `1..=total`, `page_size` per page, each request taking `latency`.
    pub fn new(total: u32, page_size: usize, latency: Duration) -> Self {
        assert!(page_size > 0, "a page holds at least one item");
        Self {
            total,
            page_size,
            latency,
            requests: Arc::default(),
        }
    }

    /// Page `number` (from 0). Past the last item the page is empty.
    pub async fn page(&self, number: usize) -> Vec<u32> {
        self.requests.lock().unwrap().push(number);
        sleep(self.latency).await;
        let first = number * self.page_size + 1;
        (first..first + self.page_size)
            .map(|i| i as u32)
            .filter(|&i| i <= self.total)
            .collect()
    }

    /// The page numbers requested so far, in order.
    pub fn requests(&self) -> Vec<usize> {
        self.requests.lock().unwrap().clone()
    }
}

/// What a [`Db`] holds and has seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DbStats {
    /// Transactions begun and not yet committed or rolled back.
    pub open: usize,
    /// Transactions committed.
    pub committed: usize,
    /// Transactions rolled back.
    pub rolled_back: usize,
}

#[derive(Debug, Default)]
struct DbState {
    rows: Vec<String>,
    stats: DbStats,
}

/// A tiny database: rows become visible only when a transaction commits.
#[derive(Debug, Clone, Default)]
pub struct Db {
    state: Arc<Mutex<DbState>>,
}

/// Why an insert failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError(pub String);

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database error: {}", self.0)
    }
}

impl std::error::Error for DbError {}

impl Db {
    /// An empty database.
    pub fn new() -> Self {
        Self::default()
    }

    /// `BEGIN`: a new transaction. It stays open until [`Tx::commit`] or
    /// [`Tx::rollback`]; a `Tx` that is simply dropped is never closed.
    pub async fn begin(&self) -> Tx {
        self.state.lock().unwrap().stats.open += 1;
        Tx {
            db: self.clone(),
            pending: Vec::new(),
        }
    }

    /// The committed rows, in commit order.
    pub fn rows(&self) -> Vec<String> {
        self.state.lock().unwrap().rows.clone()
    }

    /// A copy of the counters.
    pub fn stats(&self) -> DbStats {
        self.state.lock().unwrap().stats.clone()
    }
}

/// An open transaction. It has no `Drop`: forgetting to commit or roll back
/// leaves it open (the database counts it in [`DbStats::open`]).
#[derive(Debug)]
pub struct Tx {
    db: Db,
    pending: Vec<String>,
}

impl Tx {
    /// `INSERT`, taking 100 ms. An empty row is refused.
    pub async fn insert(&mut self, row: &str) -> Result<(), DbError> {
        sleep(Duration::from_millis(100)).await;
        if row.is_empty() {
            return Err(DbError("empty row".into()));
        }
        self.pending.push(row.to_string());
        Ok(())
    }

    /// `COMMIT`. Like a real client, calling it sends the COMMIT at once
    /// and the database applies it: the inserted rows become visible. The
    /// returned future only waits 50 ms for the reply. So the commit is the
    /// point of no return: dropping that wait (a timeout, a `select!`)
    /// does not undo it, and a transaction being committed is never left
    /// open. (With sqlx the COMMIT goes out on the first poll; `.await`
    /// polls at once, so the two behave the same in a `with_transaction`.)
    pub fn commit(self) -> impl Future<Output = ()> + Send + use<> {
        let mut state = self.db.state.lock().unwrap();
        state.rows.extend(self.pending);
        state.stats.open -= 1;
        state.stats.committed += 1;
        sleep(Duration::from_millis(50))
    }

    /// `ROLLBACK`: the inserted rows are discarded. Synchronous, so it can
    /// be called from `Drop` (sqlx does the same: its `Transaction`'s drop
    /// queues the rollback for the connection's next use).
    pub fn rollback(self) {
        let mut state = self.db.state.lock().unwrap();
        state.stats.open -= 1;
        state.stats.rolled_back += 1;
    }
}
