//! The test server in a process of its own, so that its work and the
//! client's are not mixed up in one runtime (they still share the cores,
//! as a client and server on one machine do).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};

use anyhow::{Context, bail};

/// A running server process; dropping it kills the process.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    base_url: String,
    /// Which program serves: the `test-server` binary or this program.
    pub program: String,
    // Kept open: the server prints nothing more, but closing our end of
    // its stdout must not make its prints fail.
    _stdout: BufReader<ChildStdout>,
}

impl ServerProcess {
    /// Starts the workspace's `test-server` binary if it was built next to
    /// this program (`cargo build --release -p test-server`), else this
    /// program's hidden `serve` command, which runs the same server code.
    pub fn start() -> anyhow::Result<ServerProcess> {
        let me = std::env::current_exe().context("where am I?")?;
        let binary: PathBuf = me.with_file_name("test-server");
        let mut command = if binary.exists() {
            Command::new(&binary)
        } else {
            let mut command = Command::new(&me);
            command.arg("serve");
            command
        };
        let program = format!("{}", command.get_program().to_string_lossy());
        let mut child = command
            .args(["--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {program}"))?;
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        stdout.read_line(&mut line)?;
        // "test server listening on http://127.0.0.1:PORT  (Ctrl-C ...)"
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http"))
        else {
            let _ = child.kill();
            bail!("{program} did not say where it listens: {line:?}");
        };
        Ok(ServerProcess {
            base_url: url.to_owned(),
            child,
            program,
            _stdout: stdout,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The hidden `serve` command: the test server, in this process, until
/// killed. Prints the same first line as the `test-server` binary.
pub fn serve(port: u16) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let server = test_server::TestServer::start_on(addr).await?;
        println!("test server listening on {}", server.base_url());
        std::future::pending::<()>().await;
        Ok(())
    })
}

/// Raises this process's open-files limit to the hard limit (children
/// inherit it): ten thousand HTTP/1.1 connections need ten thousand file
/// descriptors in the client and as many in the server. Returns the limit.
pub fn raise_open_files() -> u64 {
    rlimit::increase_nofile_limit(u64::MAX).unwrap_or(0)
}
