//! State shared by the accept loop, the handlers and the [`crate::TestServer`]
//! handle.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

/// One per server instance, behind an `Arc`.
#[derive(Debug, Default)]
pub(crate) struct AppState {
    /// TCP connections accepted (bumped by the accept loop).
    pub(crate) connections: AtomicU64,
    /// TCP connections open now: accepted and not yet closed.
    pub(crate) open_connections: AtomicU64,
    /// HTTP requests received (bumped by a middleware).
    pub(crate) requests: AtomicU64,
    /// Requests whose handler ran to the end and produced an answer.
    pub(crate) finished: AtomicU64,
    /// Requests dropped before their answer was ready: the client hung up
    /// (or reset the HTTP/2 stream) while the server was still working.
    pub(crate) abandoned: AtomicU64,
    /// Requests being worked on right now.
    pub(crate) in_flight: AtomicU64,
    /// The most requests ever in flight at once.
    pub(crate) max_in_flight: AtomicU64,
    /// `/flaky` calls so far, per key. A std `Mutex` is right here: it is
    /// held for one map update and never across an `.await`.
    pub(crate) flaky_calls: Mutex<HashMap<String, u64>>,
}
