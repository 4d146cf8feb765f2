//! A local, httpbin-like HTTP server for the course's lessons and tests.
//!
//! Lessons about async HTTP clients need a server that answers quickly,
//! predictably and offline: the internet is slow, flaky in the wrong ways and
//! not there on a plane. [`TestServer::start`] binds `127.0.0.1` on a free
//! port and serves, on that one port, both HTTP/1.1 and HTTP/2 cleartext with
//! prior knowledge (h2c):
//!
//! | route                       | answer                                                    |
//! |-----------------------------|-----------------------------------------------------------|
//! | `GET /delay/{ms}`           | sleeps `ms` (at most [`MAX_DELAY_MS`]), then `{"delay_ms": ms}` |
//! | `GET /status/{code}`        | that status code, body `{"status": code}`                 |
//! | `GET /json`                 | a fixed JSON document                                     |
//! | `POST /post`                | echoes a JSON body as `{"json": body}`                    |
//! | `GET /users/{name}`         | `{"name", "id", "greeting"}`, `id` stable for a name      |
//! | `GET /flaky?key=K&fail=N`   | 503 for the first `N` calls per key (default 2), then 200 |
//! | `GET /bytes/{n}`            | `n` bytes (at most [`MAX_BYTES`]): byte `i` is `i % 256`   |
//! | `GET /stats`                | `{"open_connections": N, "in_flight": M}` right now        |
//!
//! Bad input answers 400, an unknown path 404, always with a JSON body
//! `{"error": "...", "status": code}`.
//!
//! Any route also takes `?delay_ms=N` (at most [`MAX_DELAY_MS`]): the server
//! waits `N` ms before answering, whatever the answer, so a test can make a
//! slow 500 (`/status/500?delay_ms=120`) or a slow user.
//!
//! The server counts what it sees, so a test can prove a claim from the
//! server's side instead of with a clock: [`TestServer::connections`],
//! [`TestServer::requests`], [`TestServer::finished`] (answered),
//! [`TestServer::abandoned`] (the client gave up first),
//! [`TestServer::in_flight`] and [`TestServer::max_in_flight`].
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = test_server::TestServer::start().await?;
//! println!("GET {}", server.url("/delay/100"));
//! server.stop().await;
//! # Ok(())
//! # }
//! ```

mod accept;
mod backlog;
mod error;
mod routes;
mod state;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::backlog::listen;
pub use crate::backlog::{listen_backlog, somaxconn};
use crate::state::AppState;

/// Longest delay `/delay/{ms}` accepts, in milliseconds (one minute): long
/// enough for any timeout lesson, short enough that a typo can't hang a test.
pub const MAX_DELAY_MS: u64 = 60_000;

/// Largest body `/bytes/{n}` produces: 10 MiB.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// How many HTTP/2 streams one client connection may have open at once.
///
/// hyper's default (about 200) would make a lesson's ten thousand concurrent
/// requests on one connection queue behind each other; this lets them all run.
pub const MAX_CONCURRENT_STREAMS: u32 = 20_000;

/// A running test server; one call to [`TestServer::start`] gives you one.
///
/// The server runs as a task on the tokio runtime that started it. Call
/// [`TestServer::stop`] to shut it down gracefully and wait for it; simply
/// dropping the handle also shuts it down (in the background).
#[derive(Debug)]
pub struct TestServer {
    addr: SocketAddr,
    backlog: u32,
    state: Arc<AppState>,
    // Sending on, or dropping, this sender tells the accept loop to stop:
    // that is what makes "drop the handle" shut the server down.
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl TestServer {
    /// Starts a server on `127.0.0.1` and a free port chosen by the OS, so
    /// tests running side by side never collide.
    pub async fn start() -> std::io::Result<TestServer> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await
    }

    /// Starts a server on `addr` (port 0 means "any free port"). Fails if the
    /// address can't be bound, e.g. the port is already in use.
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<TestServer> {
        let backlog = listen_backlog();
        let listener = listen(addr, backlog)?;
        // Ask the socket, not `addr`: with port 0 only the OS knows the port.
        let addr = listener.local_addr()?;
        let state = Arc::new(AppState::default());
        let app = routes::router(Arc::clone(&state));
        let (shutdown, shutdown_rx) = oneshot::channel();
        let task = tokio::spawn(accept::serve(
            listener,
            app,
            Arc::clone(&state),
            shutdown_rx,
        ));
        Ok(TestServer {
            addr,
            backlog,
            state,
            shutdown,
            task,
        })
    }

    /// The server's root URL without a trailing slash, e.g.
    /// `http://127.0.0.1:43121`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The URL of `path` on this server: `url("/json")` is
    /// `http://127.0.0.1:43121/json`. A missing leading `/` is added.
    pub fn url(&self, path: &str) -> String {
        if path.starts_with('/') {
            format!("{}{path}", self.base_url())
        } else {
            format!("{}/{path}", self.base_url())
        }
    }

    /// The listen backlog asked for: how many finished handshakes the
    /// kernel queues before `accept` takes them (see [`listen_backlog`]).
    pub fn backlog(&self) -> u32 {
        self.backlog
    }

    /// The address the server listens on, with the real port.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many TCP connections the server has accepted so far.
    ///
    /// This is how a lesson shows that many HTTP/2 requests share one
    /// connection while HTTP/1.1 needs one connection per request in flight.
    pub fn connections(&self) -> u64 {
        self.state.connections.load(Ordering::Relaxed)
    }

    /// How many TCP connections are open right now: accepted and not yet
    /// closed by either side.
    pub fn open_connections(&self) -> u64 {
        self.state.open_connections.load(Ordering::Relaxed)
    }

    /// How many HTTP requests the server has received so far (any route,
    /// any answer, counted when the request arrives).
    pub fn requests(&self) -> u64 {
        self.state.requests.load(Ordering::SeqCst)
    }

    /// How many requests the server answered: the handler (and any
    /// `?delay_ms=`) ran to the end, whatever the status.
    pub fn finished(&self) -> u64 {
        self.state.finished.load(Ordering::SeqCst)
    }

    /// How many requests the client abandoned before the answer was ready:
    /// it dropped the request, timed out, or hung up, and the server noticed
    /// (the connection closed, or the HTTP/2 stream was reset) and stopped
    /// working on it.
    ///
    /// The server learns of it a moment after the client gives up, so a test
    /// waits for this count rather than reading it once.
    pub fn abandoned(&self) -> u64 {
        self.state.abandoned.load(Ordering::SeqCst)
    }

    /// How many requests the server is working on right now.
    pub fn in_flight(&self) -> u64 {
        self.state.in_flight.load(Ordering::SeqCst)
    }

    /// The most requests the server ever had in flight at once: how a test
    /// proves that a client capped its concurrency, or did not.
    pub fn max_in_flight(&self) -> u64 {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }

    /// Starts a new count for [`TestServer::max_in_flight`] from the
    /// requests in flight now: for a test that warms a client up first and
    /// then measures.
    pub fn reset_max_in_flight(&self) {
        let now = self.state.in_flight.load(Ordering::SeqCst);
        self.state.max_in_flight.store(now, Ordering::SeqCst);
    }

    /// Shuts the server down gracefully and returns once it is gone.
    ///
    /// The listener closes at once (new connections are refused), requests
    /// already in flight run to completion, idle connections are closed.
    pub async fn stop(self) {
        let TestServer { shutdown, task, .. } = self;
        // The accept loop may already be gone (it never is unless it
        // panicked); then there is nobody to tell.
        let _ = shutdown.send(());
        if let Err(err) = task.await
            && err.is_panic()
        {
            // A bug in the server should fail the test that stops it.
            std::panic::resume_unwind(err.into_panic());
        }
    }
}
