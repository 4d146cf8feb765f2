//! Exercise 05-single-flight (core).
//!
//! A cache in front of a slow store. `get(key)` returns the cached value
//! at once if there is one. If not, it loads it with `store.load(key)` —
//! but when several tasks ask for the same missing key at the same time,
//! only ONE load runs and every one of them gets its value. Different keys
//! load independently, at the same time. A load can fail: its caller gets
//! the `LoadError`, and the failure is not kept — the next `get` of that
//! key loads again.
//!
//! In Python you would keep a dict of in-flight loads (this one keeps a
//! failed load's task, too, and raises its error to every later caller —
//! not what is asked here):
//!
//! ```python
//! class Cache:
//!     def __init__(self, store):
//!         self.store, self.values, self.loading = store, {}, {}
//!
//!     async def get(self, key):
//!         if key in self.values:
//!             return self.values[key]
//!         if key not in self.loading:          # the first caller loads
//!             self.loading[key] = asyncio.create_task(self.store.load(key))
//!         value = await self.loading[key]      # the others wait for it
//!         self.values[key] = value
//!         return value
//! ```
//!
//! The tests (`tests/exercises.rs`, module `single_flight`), on the paused
//! clock with 1 s loads: ten concurrent `get("a")` make one load and all
//! get `Ok("value of a")` at 1 s; `get("a")` and `get("b")` together make
//! two loads and both finish at 1 s (not 2); a cached key takes 0 ms and no
//! load; after a failed load the next `get` loads again; a caller that
//! gives up (a timeout) does not leave the others waiting forever.
//!
//! Check it: `cargo run -p course -- check 05-single-flight`

use std::sync::Arc;

use crate::support::{LoadError, SlowStore};

/// A cache that loads each key once, however many ask at a time.
#[derive(Debug)]
pub struct Cache {}

impl Cache {
    /// An empty cache in front of `store`.
    pub fn new(store: Arc<SlowStore>) -> Self {
        todo!()
    }

    /// The value of `key`: cached, or loaded once for every caller.
    pub async fn get(&self, key: &str) -> Result<String, LoadError> {
        todo!()
    }
}
