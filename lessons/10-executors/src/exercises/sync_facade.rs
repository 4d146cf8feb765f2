//! Exercise 10-sync-facade (core).
//!
//! Your team's code is synchronous, and the only client for the key-value
//! store is async (`KvClient`). Write `BlockingKv`: a sync facade that plain
//! functions and threads call, with no `async` and no `.await` in sight.
//!
//! The program already runs one tokio runtime, and it makes many facades
//! (one per thread, per request, per library). They must all use *that*
//! runtime, through the `Handle` each is given — never a runtime of their
//! own per facade.
//!
//! - `new(client, handle, timeout)` makes a facade. It is cheap, it cannot
//!   fail, and a facade may be dropped anywhere, async code included.
//! - `get` and `set` do one call each and block until it is done, but never
//!   longer than `timeout`: a call still running then is abandoned
//!   (cancelled, not left running) and the method returns
//!   `Err(KvError::TimedOut)`.
//! - `get_many(keys)` fetches every key *concurrently* and returns the
//!   values in the order of `keys`; the whole batch gets one `timeout`.
//! - Called from async code (inside a task), where blocking the thread is
//!   not allowed, every method returns `Err(KvError::InsideRuntime)` at
//!   once, instead of tokio's nested-runtime panic: async code should await
//!   the client itself.
//!
//! The Python it replaces, a facade over a loop that runs in another thread:
//!
//! ```python
//! class BlockingKv:
//!     def __init__(self, client, loop, timeout):
//!         self.client, self.loop, self.timeout = client, loop, timeout
//!
//!     def _call(self, coro):
//!         try:
//!             asyncio.get_running_loop()
//!         except RuntimeError:
//!             pass                      # sync code: we may block
//!         else:
//!             coro.close()
//!             raise InsideRuntime()     # async code: await the client
//!         fut = asyncio.run_coroutine_threadsafe(
//!             asyncio.wait_for(coro, self.timeout), self.loop)
//!         return fut.result()           # TimeoutError after `timeout`
//!
//!     def get(self, key):
//!         return self._call(self.client.get(key))
//! ```
//!
//! The tests (in `lessons/10-executors/tests/exercises.rs`, module
//! `sync_facade`) are plain `#[test]` functions sharing one multi-thread
//! runtime, except one: a value set is read back, a missing key is `None`;
//! ten keys through `get_many` come back in order with ten calls in flight
//! at once; eight threads, each with its own facade, share the runtime; on
//! a store that takes an hour to answer, `get`, `set` and `get_many` with a
//! 100 ms timeout each return `TimedOut` with no call left in flight; and
//! inside a task, a facade is made, called (`InsideRuntime`, no panic) and
//! dropped.
//!
//! Check it: `cargo run -p course -- check 10-sync-facade`

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
pub struct BlockingKv {}

impl BlockingKv {
    /// A facade over `client` that runs its calls on `handle`'s runtime,
    /// each for at most `timeout`.
    pub fn new(client: KvClient, handle: Handle, timeout: Duration) -> Self {
        todo!()
    }

    /// The value of `key`, if set. Blocks until the answer is there.
    pub fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        todo!()
    }

    /// Sets `key` to `value`. Blocks until it is done.
    pub fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        todo!()
    }

    /// The values of `keys`, in order, fetched concurrently.
    pub fn get_many(
        &self,
        keys: &[&str],
    ) -> Result<Vec<Option<String>>, KvError> {
        todo!()
    }
}
