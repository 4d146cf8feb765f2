//! Wrong answer: handle.block_on(timeout(limit, call)): the timeout is made outside the runtime, before block_on enters it
//! Expect: Was the timeout made outside the runtime

use std::fmt;
use std::time::Duration;

use tokio::runtime::Handle;

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
    // The shared runtime: a handle is cheap to clone, and dropping it never
    // shuts the runtime down, so a facade may be dropped anywhere.
    handle: Handle,
    timeout: Duration,
}

impl BlockingKv {
    /// A facade over `client` that runs its calls on `handle`'s runtime,
    /// each for at most `timeout`.
    pub fn new(client: KvClient, handle: Handle, timeout: Duration) -> Self {
        Self {
            client,
            handle,
            timeout,
        }
    }

    /// Blocks on `call` on the shared runtime, for at most `timeout`.
    fn call<F: Future>(&self, call: F) -> Result<F::Output, KvError> {
        // A runtime is current here: we are in async code (or on its
        // blocking pool), and must not block on it. (Also refused on the
        // blocking pool: the simple, safe rule.)
        if Handle::try_current().is_ok() {
            return Err(KvError::InsideRuntime);
        }
        // `timeout` drops (cancels) the call when time is up.
        self.handle
            .block_on(tokio::time::timeout(self.timeout, call))
            .map_err(|_elapsed| KvError::TimedOut)
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
