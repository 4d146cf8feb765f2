//! Exercise 10-sync-facade (core).
//!
//! Your team's code is synchronous, and the only client for the key-value
//! store is async (`KvClient`). Write `BlockingKv`: a sync facade that
//! callers use from plain functions and threads, with no `async` and no
//! `.await` in sight.
//!
//! - `new(client)` builds the facade (it may fail with an `io::Error`);
//! - `get` and `set` do one call each and block until it is done;
//! - `get_many(keys)` fetches every key *concurrently* and returns the
//!   values in the order of `keys`;
//! - `BlockingKv` must be usable from several threads at once
//!   (`&BlockingKv` shared between `std::thread::scope` threads).
//!
//! Add whatever fields you need to the struct.
//!
//! The tests (in `lessons/10-executors/tests/exercises.rs`, module
//! `sync_facade`) are plain `#[test]` functions — no runtime around them:
//! a value set is read back, a missing key is `None`, ten keys through
//! `get_many` come back in order with ten calls in flight at once, and
//! four threads share one facade.
//!
//! Check it: `cargo run -p course -- check 10-sync-facade`

use std::io;

use crate::kv::KvClient;

/// A blocking facade over [`KvClient`].
#[derive(Debug)]
pub struct BlockingKv {}

impl BlockingKv {
    /// Wraps `client`.
    pub fn new(client: KvClient) -> io::Result<Self> {
        todo!()
    }

    /// The value of `key`, if set. Blocks until the answer is there.
    pub fn get(&self, key: &str) -> Option<String> {
        todo!()
    }

    /// Sets `key` to `value`. Blocks until it is done.
    pub fn set(&self, key: &str, value: &str) {
        todo!()
    }

    /// The values of `keys`, in order, fetched concurrently.
    pub fn get_many(&self, keys: &[&str]) -> Vec<Option<String>> {
        todo!()
    }
}
