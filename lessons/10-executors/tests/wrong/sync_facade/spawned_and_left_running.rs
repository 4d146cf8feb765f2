//! Wrong answer: spawns each call on the runtime and times out the wait for its JoinHandle, which leaves the call running
//! Expect: still in flight

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

    /// Spawns `call` on the shared runtime and waits for it, for at most
    /// `timeout`.
    fn call<T, F>(&self, call: F) -> Result<T, KvError>
    where
        T: Send + 'static,
        F: Future<Output = T> + Send + 'static,
    {
        if Handle::try_current().is_ok() {
            return Err(KvError::InsideRuntime);
        }
        let task = self.handle.spawn(call);
        let limit = self.timeout;
        match self
            .handle
            .block_on(async { tokio::time::timeout(limit, task).await })
        {
            Ok(answer) => Ok(answer.expect("the call panicked")),
            Err(_) => Err(KvError::TimedOut),
        }
    }

    /// The value of `key`, if set. Blocks until the answer is there.
    pub fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        let (client, key) = (self.client.clone(), key.to_owned());
        self.call(async move { client.get(&key).await })
    }

    /// Sets `key` to `value`. Blocks until it is done.
    pub fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        let client = self.client.clone();
        let (key, value) = (key.to_owned(), value.to_owned());
        self.call(async move { client.set(&key, &value).await })
    }

    /// The values of `keys`, in order, fetched concurrently.
    pub fn get_many(
        &self,
        keys: &[&str],
    ) -> Result<Vec<Option<String>>, KvError> {
        let client = self.client.clone();
        let keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        self.call(async move {
            let calls = keys.iter().map(|key| client.get(key));
            futures::future::join_all(calls).await
        })
    }
}
