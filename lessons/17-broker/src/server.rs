//! Finding the lesson's NATS server, or starting one.
//!
//! `NATS_URL` names a running server (CI sets it). Without it, a machine
//! that has the `nats-server` binary gets a private one: JetStream on, a
//! free port on 127.0.0.1, its store in a temporary folder, stopped when
//! dropped. A test that also needs to stop and restart the broker always
//! starts its own ([`OwnServer`]).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use kit::servers::{self, Missing, Server};

/// The binary a private server is started from.
pub const NATS_SERVER: &str = "nats-server";

/// A `nats-server` this process started: JetStream on, on 127.0.0.1.
#[derive(Debug)]
pub struct OwnServer {
    child: Option<Child>,
    port: u16,
    store: tempfile::TempDir,
}

impl OwnServer {
    /// Starts `nats-server -js` on a free port with a fresh store folder,
    /// and waits (up to 5 s) until it accepts connections.
    pub fn start() -> std::io::Result<OwnServer> {
        let store = tempfile::Builder::new().prefix("nats-store-").tempdir()?;
        let port = free_port()?;
        let mut server = OwnServer {
            child: None,
            port,
            store,
        };
        server.spawn()?;
        Ok(server)
    }

    fn spawn(&mut self) -> std::io::Result<()> {
        let child = Command::new(NATS_SERVER)
            .args(["-a", "127.0.0.1", "-p", &self.port.to_string(), "-js"])
            .arg("-sd")
            .arg(self.store.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        self.child = Some(child);
        wait_until_listening(self.port, Duration::from_secs(5))
    }

    /// `nats://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// The folder that holds the streams: they survive [`OwnServer::restart`].
    pub fn store(&self) -> &Path {
        self.store.path()
    }

    /// Stops the server (SIGKILL: a crash, not a polite shutdown) and waits
    /// until it is gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port with the same store.
    pub fn restart(&mut self) -> std::io::Result<()> {
        self.stop();
        self.spawn()
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port the kernel just handed out, so free a moment ago.
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

#[expect(
    clippy::disallowed_methods,
    reason = "waiting for a child process on the real clock, outside any runtime"
)]
fn wait_until_listening(port: u16, limit: Duration) -> std::io::Result<()> {
    let start = std::time::Instant::now();
    loop {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if start.elapsed() > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!(
                    "nats-server did not listen on port {port} within {limit:?}"
                ),
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether `nats-server` can be started from `PATH`.
pub fn binary_installed() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .any(|dir: PathBuf| dir.join(NATS_SERVER).is_file())
    })
}

/// The broker a test or demo uses, and how it was found.
#[derive(Debug)]
pub struct Broker {
    /// Where to connect.
    pub url: String,
    /// Kept so a private server lives as long as this value.
    pub own: Option<OwnServer>,
}

impl Broker {
    /// Says which broker is in use, for a demo's or test's output.
    pub fn describe(&self) -> String {
        match &self.own {
            Some(own) => format!(
                "a private nats-server on {} (NATS_URL is not set)",
                own.url()
            ),
            None => format!("the server at NATS_URL={}", self.url),
        }
    }
}

/// The broker for a test: `NATS_URL` if set, else a private `nats-server`
/// when the binary is installed, else `None` (the test skips and says how
/// to run it; with `COURSE_REQUIRE_SERVERS=1` it fails instead).
#[track_caller]
pub fn for_test() -> Option<Broker> {
    if let Some(url) = std::env::var(Server::Nats.var())
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        return Some(Broker { url, own: None });
    }
    if binary_installed() {
        match OwnServer::start() {
            Ok(own) => {
                return Some(Broker {
                    url: own.url(),
                    own: Some(own),
                });
            }
            Err(e) => eprintln!("could not start {NATS_SERVER}: {e}"),
        }
    }
    servers::url_from(
        Server::Nats,
        None,
        Missing::from_env(),
        &mut std::io::stderr(),
    )
    .map(|url| Broker { url, own: None })
}

/// A name no other test or run uses: `PREFIX_<pid>_<n>` (stream and
/// consumer names allow letters, digits, `-` and `_`).
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}_{}_{n}", std::process::id())
}
