//! Wrong answer: ignores the handle and builds a runtime per facade (the chapter's bridge), which cannot be dropped in async code
//! Expect: The facade owns a runtime

use std::fmt;
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::runtime::{Builder, Runtime};

use crate::kv::KvClient;

/// Why a call through the facade did not give an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvError {
    /// The call took longer than the facade's timeout; it was abandoned.
    TimedOut,
    /// The facade was called from async code, where it must not block.
    InsideRuntime,
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::TimedOut => write!(f, "the call timed out"),
            KvError::InsideRuntime => {
                write!(f, "called from async code: await the client instead")
            }
        }
    }
}

/// A blocking facade over [`KvClient`].
#[derive(Debug)]
pub struct BlockingKv {
    client: KvClient,
    runtime: Runtime,
    timeout: Duration,
}

impl BlockingKv {
    /// A facade over `client` that runs its calls on `handle`'s runtime,
    /// each for at most `timeout`.
    pub fn new(client: KvClient, _handle: Handle, timeout: Duration) -> Self {
        let runtime = Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        Self {
            client,
            runtime,
            timeout,
        }
    }

    fn call<F: Future>(&self, call: F) -> Result<F::Output, KvError> {
        if Handle::try_current().is_ok() {
            return Err(KvError::InsideRuntime);
        }
        let limit = self.timeout;
        self.runtime
            .block_on(async { tokio::time::timeout(limit, call).await })
            .map_err(|_| KvError::TimedOut)
    }

    /// The value of `key`, if set. Blocks until the answer is there.
    pub fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.call(self.client.get(key))
    }

    /// Sets `key` to `value`. Blocks until it is done.
    pub fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.call(self.client.set(key, value))
    }

    /// The values of `keys`, in order, fetched concurrently.
    pub fn get_many(
        &self,
        keys: &[&str],
    ) -> Result<Vec<Option<String>>, KvError> {
        let calls = keys.iter().map(|key| self.client.get(key));
        self.call(futures::future::join_all(calls))
    }
}
