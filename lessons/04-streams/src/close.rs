//! Explicit `close().await`, and what `Drop` can and cannot do instead.
//!
//! Python's `__aexit__` is a coroutine: cleanup may await (flush a buffer,
//! send a goodbye, commit). Rust's `Drop::drop` is a plain function: it
//! cannot `.await`. There is no async `Drop`. So a resource whose cleanup
//! must wait offers an explicit `async fn close(self)` (or `flush`,
//! `shutdown`, `commit`), and the caller awaits it where it matters.
//!
//! Forget it, and only the `Drop` fallback is left. Two real shapes:
//!
//! - do nothing that waits: tokio's `BufWriter` simply *discards* its
//!   buffer when dropped unflushed (std's `BufWriter` flushes in `drop`,
//!   because blocking there is allowed);
//! - spawn the async cleanup as a detached task: it runs later, nobody
//!   waits for it or sees its errors, and if the runtime shuts down first it
//!   never runs at all.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::timing::ms;
use tokio::io::{AsyncWriteExt, BufWriter};
use tokio::runtime::Handle;
use tokio::time::{Instant, sleep};

// ANCHOR: bufwriter
/// Writes two lines through a tokio `BufWriter`, shutting it down or not.
pub async fn write_lines(shut_down: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = BufWriter::new(&mut out);
        writer.write_all(b"line 1\n").await?; // into the buffer, not into `out`
        writer.write_all(b"line 2\n").await?;
        if shut_down {
            writer.shutdown().await?; // flush, then close the inner writer
        }
    } // an unflushed tokio BufWriter drops its buffer here, silently
    Ok(out)
}
// ANCHOR_END: bufwriter

/// The other end of a [`Session`]: it logs what arrives, and when.
#[derive(Debug, Clone)]
pub struct Server {
    origin: Instant,
    log: Arc<Mutex<Vec<(Duration, String)>>>,
}

impl Default for Server {
    fn default() -> Self {
        Self::new()
    }
}

impl Server {
    /// A server whose clock starts now.
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
            log: Arc::default(),
        }
    }

    /// What arrived so far, with the time since the server was made.
    pub fn log(&self) -> Vec<(Duration, String)> {
        self.log.lock().unwrap().clone()
    }

    fn record(&self, what: String) {
        let at = self.origin.elapsed();
        self.log.lock().unwrap().push((at, what));
    }
}

// ANCHOR: session
/// A session that buffers messages and delivers them when it is closed.
#[derive(Debug)]
pub struct Session {
    server: Server,
    unsent: Vec<String>,
    closed: bool,
}

impl Session {
    /// Opens a session to `server`.
    pub fn open(server: &Server) -> Self {
        Self {
            server: server.clone(),
            unsent: Vec::new(),
            closed: false,
        }
    }

    /// Queues a message; nothing is sent yet.
    pub fn send(&mut self, message: &str) {
        self.unsent.push(message.to_string());
    }

    /// `await session.close()`: delivers the queued messages and says goodbye.
    pub async fn close(mut self) {
        let unsent = std::mem::take(&mut self.unsent);
        deliver(&self.server, unsent, "close").await;
        self.closed = true; // tell Drop there is nothing left to do
    }
}

/// One round trip (50 ms) that hands over `messages`, then a goodbye.
async fn deliver(server: &Server, messages: Vec<String>, how: &str) {
    sleep(ms(50)).await;
    for message in messages {
        server.record(format!("got {message:?}"));
    }
    server.record(format!("goodbye (from {how})"));
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        // Dropped without close(). We cannot `.await` here, so the best we
        // can do is hand the async part to the runtime, if there is one.
        let (server, unsent) =
            (self.server.clone(), std::mem::take(&mut self.unsent));
        match Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    deliver(&server, unsent, "the Drop fallback").await
                });
            }
            Err(_) => server.record(format!(
                "dropped outside a runtime: {} lost",
                unsent.len()
            )),
        }
    }
}
// ANCHOR_END: session

// ANCHOR: close_or_not
/// Sends two messages and closes the session: returns once they arrived.
pub async fn polite(server: &Server) {
    let mut session = Session::open(server);
    session.send("hello");
    session.send("bye for now");
    session.close().await; // 50 ms: the caller waits for the cleanup
}

/// Sends the same two messages and forgets to close.
pub async fn forgetful(server: &Server) {
    let mut session = Session::open(server);
    session.send("hello");
    session.send("bye for now");
} // dropped: the Drop fallback spawns the delivery and returns at once
// ANCHOR_END: close_or_not

// ANCHOR: with_session
/// A "with" helper is the place for async cleanup: it can await `close()`
/// after the body, whatever the body returned. (If the helper's future is
/// itself dropped mid-body, `close` never runs and the `Drop` fallback
/// does the rest.)
pub async fn with_session<T>(
    server: &Server,
    body: impl AsyncFnOnce(&mut Session) -> T,
) -> T {
    let mut session = Session::open(server);
    let out = body(&mut session).await;
    session.close().await;
    out
}
// ANCHOR_END: with_session
