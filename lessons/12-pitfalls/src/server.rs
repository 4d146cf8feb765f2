//! A test server on a runtime of its own, and a blocking HTTP GET.
//!
//! The server must not share the runtime under test: a blocked runtime
//! would block the server too, and a blocking call to it would then wait
//! forever (a real hang, and a lesson of its own).

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};

use test_server::TestServer;
use tokio::runtime::Runtime;

/// A [`TestServer`] running on its own one-worker runtime.
#[derive(Debug)]
pub struct ServerThread {
    server: Option<TestServer>,
    runtime: Option<Runtime>,
}

impl ServerThread {
    /// Starts the server. Call it from sync code (a plain `fn`, a test
    /// without a runtime): it blocks until the server listens.
    pub fn start() -> io::Result<ServerThread> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let server = runtime.block_on(TestServer::start())?;
        Ok(ServerThread {
            server: Some(server),
            runtime: Some(runtime),
        })
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.server.as_ref().expect("running").addr()
    }
}

impl Drop for ServerThread {
    fn drop(&mut self) {
        // Dropping the handle stops the server; `shutdown_background`
        // does not wait, so this may run anywhere, even in async code.
        drop(self.server.take());
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

// ANCHOR: blocking_get
/// A synchronous HTTP GET (what `requests.get` is in Python): it holds
/// the calling thread until the whole answer has arrived.
pub fn blocking_get(addr: SocketAddr, path: &str) -> io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}
// ANCHOR_END: blocking_get
