//! Exercise 10-offload (warm-up).
//!
//! `LegacyDb::lookup` is a blocking call: it holds its thread for the
//! database's whole latency. Write `lookup_async`, an async function that
//! returns the same answer but never stalls the runtime: while a lookup is
//! running, other tasks on the same thread must keep running.
//!
//! The Python it replaces:
//!
//! ```python
//! async def lookup_async(db, key):
//!     return await asyncio.to_thread(db.lookup, key)
//! ```
//!
//! The tests (in `lessons/10-executors/tests/exercises.rs`, module
//! `offload`) run on a one-thread runtime with a ticker task beside the
//! lookup: the ticker must tick while a 200 ms lookup is in flight, the
//! answer must be `"<key>: found"`, and eight 200 ms lookups started
//! together must all be done in well under 8 × 200 ms.
//!
//! Check it: `cargo run -p course -- check 10-offload`

use std::sync::Arc;

use crate::legacy::LegacyDb;

/// `db.lookup(&key)`, without blocking the caller's thread.
pub async fn lookup_async(db: Arc<LegacyDb>, key: String) -> String {
    todo!()
}
