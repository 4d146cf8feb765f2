//! What the exercises share: the job a producer submits and a worker
//! handles, and the payments service a worker calls, which a test can make
//! fail at the worst moment.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

/// One job on the queue: pay `cents` on invoice `id`. It travels as JSON,
/// `{"id":7,"cents":700}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// The invoice, which is also the job's id: no two jobs share one.
    pub id: u64,
    /// How much to pay.
    pub cents: u64,
}

/// The payments service did not answer. Whether the payment went through
/// is unknown to the caller (ask [`Payments::paid`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentsDown {
    /// The invoice being paid when it failed.
    pub id: u64,
}

impl std::fmt::Display for PaymentsDown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the payments service failed while paying invoice {}",
            self.id
        )
    }
}

impl std::error::Error for PaymentsDown {}

/// A payments service in memory, like a bank's API: every `pay` moves
/// money, so paying an invoice twice pays it twice. Clones share it.
#[derive(Debug, Clone, Default)]
pub struct Payments {
    state: Arc<Mutex<State>>,
}

#[derive(Debug, Default)]
struct State {
    /// How many times each invoice was paid.
    made: BTreeMap<u64, usize>,
    /// Invoices whose next `pay` fails before any money moves.
    fail_before: BTreeSet<u64>,
    /// Invoices whose next `pay` moves the money, then fails anyway (the
    /// answer was lost on the way back).
    fail_after: BTreeSet<u64>,
}

impl Payments {
    /// A service with no payments made and no failures planned.
    pub fn new() -> Payments {
        Payments::default()
    }

    /// Whether invoice `id` has been paid.
    pub async fn paid(&self, id: u64) -> Result<bool, PaymentsDown> {
        tokio::task::yield_now().await; // a round trip, in real life
        Ok(self.lock().made.contains_key(&id))
    }

    /// Pays `cents` on invoice `id`: every call pays, even for an invoice
    /// already paid.
    pub async fn pay(&self, id: u64, cents: u64) -> Result<(), PaymentsDown> {
        let _ = cents;
        tokio::task::yield_now().await;
        let mut state = self.lock();
        if state.fail_before.remove(&id) {
            return Err(PaymentsDown { id });
        }
        *state.made.entry(id).or_default() += 1;
        if state.fail_after.remove(&id) {
            return Err(PaymentsDown { id });
        }
        Ok(())
    }

    /// For tests: the next payment of `id` fails and pays nothing.
    pub fn fail_before_paying(&self, id: u64) {
        self.lock().fail_before.insert(id);
    }

    /// For tests: the next payment of `id` goes through, but its caller
    /// gets an error, as if the answer was lost.
    pub fn fail_after_paying(&self, id: u64) {
        self.lock().fail_after.insert(id);
    }

    /// For tests: how many times invoice `id` was paid.
    pub fn times_paid(&self, id: u64) -> usize {
        self.lock().made.get(&id).copied().unwrap_or(0)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}
