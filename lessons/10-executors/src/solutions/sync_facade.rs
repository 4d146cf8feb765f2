//! Reference solution for 10-sync-facade.

use std::io;

use tokio::runtime::{Builder, Runtime};

use crate::kv::KvClient;

/// A blocking facade over [`KvClient`].
#[derive(Debug)]
pub struct BlockingKv {
    client: KvClient,
    // A current-thread runtime is enough: it runs only while a caller is
    // blocked in `block_on`, on the caller's own thread.
    runtime: Runtime,
}

impl BlockingKv {
    /// Wraps `client`.
    pub fn new(client: KvClient) -> io::Result<Self> {
        // `enable_all`: the client sleeps, so the runtime needs its timer.
        let runtime = Builder::new_current_thread().enable_all().build()?;
        Ok(Self { client, runtime })
    }

    /// The value of `key`, if set. Blocks until the answer is there.
    pub fn get(&self, key: &str) -> Option<String> {
        self.runtime.block_on(self.client.get(key))
    }

    /// Sets `key` to `value`. Blocks until it is done.
    pub fn set(&self, key: &str, value: &str) {
        self.runtime.block_on(self.client.set(key, value));
    }

    /// The values of `keys`, in order, fetched concurrently.
    pub fn get_many(&self, keys: &[&str]) -> Vec<Option<String>> {
        let calls = keys.iter().map(|key| self.client.get(key));
        self.runtime.block_on(futures::future::join_all(calls))
    }
}
