//! `test-server`: run the course's local HTTP test server from a terminal.
//!
//! ```text
//! cargo run -p test-server -- --port 8080
//! curl http://127.0.0.1:8080/delay/500
//! ```

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::Parser;
use test_server::TestServer;

/// A local httpbin-like server (HTTP/1.1 and h2c) for the async I/O course.
#[derive(Debug, Parser)]
#[command(name = "test-server", version, about)]
struct Args {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// IP address to listen on.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    host: IpAddr,
}

#[tokio::main]
async fn main() -> ExitCode {
    // clap prints its own clear message and exits with code 2 on bad input.
    let args = Args::parse();
    let addr = SocketAddr::new(args.host, args.port);

    // Install the Ctrl-C handler before announcing the URL: whoever reads the
    // URL may press Ctrl-C (or send SIGINT) at once, and a signal arriving
    // before the handler would kill the process instead of stopping it.
    let mut ctrl_c = match CtrlC::install() {
        Ok(ctrl_c) => ctrl_c,
        Err(err) => {
            eprintln!("error: cannot install the Ctrl-C handler: {err}");
            return ExitCode::FAILURE;
        }
    };

    let server = match TestServer::start_on(addr).await {
        Ok(server) => server,
        Err(err) => {
            eprintln!("error: cannot listen on {addr}: {}", describe(&err));
            return ExitCode::FAILURE;
        }
    };
    // stdout is line-buffered: the newline flushes, so a parent process
    // reading our first line sees it at once.
    println!(
        "test server listening on {}  (Ctrl-C to stop)",
        server.base_url()
    );

    ctrl_c.recv().await;
    eprintln!("stopping: letting requests in flight finish (Ctrl-C again to quit now)");
    tokio::select! {
        () = server.stop() => ExitCode::SUCCESS,
        () = ctrl_c.recv() => ExitCode::FAILURE,
    }
}

/// An I/O error without the " (os error 98)" suffix: "Address already in use".
fn describe(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

/// Ctrl-C presses, registered from the moment [`CtrlC::install`] returns.
///
/// `tokio::signal::ctrl_c()` only registers when first polled, which is too
/// late for us (see `main`); the platform streams register on creation.
struct CtrlC {
    #[cfg(unix)]
    inner: tokio::signal::unix::Signal,
    #[cfg(windows)]
    inner: tokio::signal::windows::CtrlC,
}

impl CtrlC {
    fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        let inner = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
        #[cfg(windows)]
        let inner = tokio::signal::windows::ctrl_c()?;
        Ok(Self { inner })
    }

    /// Waits for the next Ctrl-C.
    async fn recv(&mut self) {
        // `None` means the signal driver is gone, i.e. the runtime is
        // shutting down: as good a reason to stop as any.
        let _ = self.inner.recv().await;
    }
}
