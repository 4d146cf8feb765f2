//! Real sockets and a real signal: what the paused clock cannot show.
//!
//! Each test bounds every wait with a timeout that names what went wrong,
//! and prefers counts to clocks. Each only waits on its own port (the
//! file-descriptor test reads the CPU time of its own child process, which
//! a neighbour does not add to), so each takes `realtime_shared`.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kit::timing::{ms, realtime_shared, secs};
use lesson_13_patterns::echo::{self, Narrate};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::process::{Child, ChildStdout, Command};
use tokio::sync::oneshot;
use tokio::time::{Instant, timeout};

/// A client's two halves: lines in, bytes out.
struct Client {
    lines: Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl Client {
    async fn connect(addr: SocketAddr) -> Client {
        let socket = TcpStream::connect(addr).await.expect("connect");
        let (reader, writer) = socket.into_split();
        Client {
            lines: BufReader::new(reader).lines(),
            writer,
        }
    }

    async fn send(&mut self, line: &str) {
        self.writer
            .write_all(format!("{line}\n").as_bytes())
            .await
            .expect("send");
    }

    /// The next line, or `None` at end of stream, within 10 s.
    async fn receive(&mut self) -> Option<String> {
        timeout(secs(10), self.lines.next_line())
            .await
            .expect("no answer from the server within 10 s")
            .unwrap_or(None) // a reset counts as closed
    }
}

fn config(
    max_connections: usize,
    work: Duration,
    drain: Duration,
) -> echo::Config {
    echo::Config {
        max_connections,
        work,
        drain_deadline: drain,
        narrate: Narrate::Quiet,
    }
}

// claim: patterns/echo-many-clients
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_patterns_echo_many_clients() {
    let _guard = realtime_shared();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(echo::serve(
        listener,
        config(250, ms(0), secs(5)),
        async {
            let _ = stopped.await;
        },
    ));

    // 1000 clients at once, three lines each, every line unique.
    let clients: Vec<_> = (0..1000)
        .map(|c| {
            tokio::spawn(async move {
                let mut client = Client::connect(addr).await;
                let mut echoed = 0;
                for i in 0..3 {
                    let line = format!("client {c} line {i}");
                    client.send(&line).await;
                    let echo = client.receive().await;
                    assert_eq!(
                        echo.as_deref(),
                        Some(line.as_str()),
                        "client {c}"
                    );
                    echoed += 1;
                }
                echoed
            })
        })
        .collect();
    let mut echoed = 0;
    for client in clients {
        echoed += timeout(secs(60), client)
            .await
            .expect("1000 clients should be served within 60 s")
            .expect("a client failed");
    }
    assert_eq!(echoed, 3000);

    stop.send(()).unwrap();
    let report = timeout(secs(10), server)
        .await
        .expect("server stops")
        .unwrap();
    assert_eq!(report.accepted, 1000);
    assert_eq!(report.exchanges, 3000);
    assert_eq!(report.cut_off, 0);
    assert!(
        report.peak <= 250,
        "the cap of 250 held: peak {}",
        report.peak
    );
}

#[tokio::test]
async fn the_drain_deadline_cuts_off_a_stuck_exchange() {
    let _guard = realtime_shared();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(echo::serve(
        listener,
        config(10, secs(30), ms(300)), // a 30 s exchange, a 300 ms drain
        async {
            let _ = stopped.await;
        },
    ));
    let mut client = Client::connect(addr).await;
    client.send("slow").await;
    // Give the server time to start the exchange; the result does not
    // depend on it: unstarted or stuck, the client gets no echo.
    tokio::time::sleep(ms(100)).await;
    stop.send(()).unwrap();
    let report = timeout(secs(10), server)
        .await
        .expect("server stops")
        .unwrap();
    assert_eq!(client.receive().await, None, "closed without an echo");
    assert_eq!(report.exchanges, 0);
    assert!(
        report.drain_took >= ms(300),
        "waited the whole drain deadline"
    );
    assert!(report.drain_took < secs(5), "but not the 30 s exchange");
}

/// The echo server as a child process, and its narration.
struct ServerProcess {
    child: Child,
    out: Lines<BufReader<ChildStdout>>,
    addr: SocketAddr,
    /// Every line it printed so far, for failure messages.
    said: Vec<String>,
}

impl ServerProcess {
    async fn start(args: &[&str]) -> ServerProcess {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lesson-13-patterns"))
            .args(["echo-server", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .kill_on_drop(true) // a failing test leaves no server behind
            .spawn()
            .expect("start the echo server");
        let out = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut server = ServerProcess {
            child,
            out,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            said: Vec::new(),
        };
        let first =
            server.wait_for(1, |l| l.starts_with("listening on ")).await;
        server.addr =
            first["listening on ".len()..].parse().expect("an address");
        server
    }

    /// Reads the server's output until `count` lines have matched; returns
    /// the last of them. Fails after 10 s, showing what the server said.
    async fn wait_for(
        &mut self,
        count: usize,
        matches: impl Fn(&str) -> bool,
    ) -> String {
        let mut seen = 0;
        loop {
            let line = timeout(secs(10), self.out.next_line()).await;
            let Ok(Ok(Some(line))) = line else {
                panic!(
                    "the server did not say it; it said:\n{}",
                    self.said.join("\n")
                );
            };
            self.said.push(line.clone());
            if matches(&line) {
                seen += 1;
                if seen == count {
                    return line;
                }
            }
        }
    }

    /// Sends SIGTERM, as `kill`, `docker stop` or systemd would.
    async fn terminate(&self) {
        let pid = self.child.id().expect("still running").to_string();
        let status = Command::new("kill").args(["-TERM", &pid]).status().await;
        assert!(status.expect("run kill").success(), "kill -TERM {pid}");
    }
}

// claim: patterns/shutdown-drains
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_patterns_shutdown_drains() {
    let _guard = realtime_shared();
    // Each exchange takes 500 ms of "work"; shutdown may wait up to 3 s.
    let mut server =
        ServerProcess::start(&["--work-ms", "500", "--drain-ms", "3000"]).await;

    // Five clients each finish one exchange, then start a second.
    let mut clients = Vec::new();
    for c in 0..5 {
        let mut client = Client::connect(server.addr).await;
        client.send(&format!("client {c}: hello")).await;
        clients.push(client);
    }
    for (c, client) in clients.iter_mut().enumerate() {
        let echo = client.receive().await;
        assert_eq!(echo.unwrap(), format!("client {c}: hello"));
        client.send(&format!("client {c}: still there?")).await;
    }
    // And one client that is connected but idle.
    let mut idle = Client::connect(server.addr).await;
    // The server has said "exchange started" for all ten exchanges: the
    // five second ones are in flight now. SIGTERM.
    server
        .wait_for(10, |l| l.ends_with("exchange started"))
        .await;
    let signalled = Instant::now();
    server.terminate().await;

    // It stops accepting at once: a new connection is refused.
    server
        .wait_for(1, |l| l.starts_with("shutdown: stopped accepting"))
        .await;
    let refused = TcpStream::connect(server.addr).await;
    assert_eq!(
        refused.map(|_| ()).map_err(|e| e.kind()),
        Err(ErrorKind::ConnectionRefused),
        "a new connection after SIGTERM must be refused"
    );

    // Every in-flight exchange completes; then each connection is closed.
    for (c, client) in clients.iter_mut().enumerate() {
        let echo = client.receive().await;
        assert_eq!(
            echo.unwrap(),
            format!("client {c}: still there?"),
            "in flight at SIGTERM"
        );
        assert_eq!(client.receive().await, None, "closed after its exchange");
    }
    assert_eq!(idle.receive().await, None, "the idle client is let go");

    // The process reports a clean drain and exits 0, within the deadline.
    let drained = server.wait_for(1, |l| l.starts_with("drained in ")).await;
    assert!(drained.ends_with(": 10 exchanges, 0 cut off"), "{drained}");
    let status = timeout(secs(10), server.child.wait())
        .await
        .expect("the server should exit after draining")
        .expect("wait for the server");
    let took = signalled.elapsed();
    assert_eq!(
        status.code(),
        Some(0),
        "exit code; the server said:\n{}",
        server.said.join("\n")
    );
    assert!(
        took < secs(3),
        "exited {took:?} after SIGTERM; the drain deadline is 3 s"
    );
}

#[tokio::test]
async fn the_server_command_rejects_bad_arguments() {
    let bin = env!("CARGO_BIN_EXE_lesson-13-patterns");
    let out = Command::new(bin)
        .args(["echo-server", "--port", "seventy"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid value 'seventy' for '--port <PORT>'"),
        "{err}"
    );

    // A port that is taken: a one-line error, exit code 1, no panic.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(bin)
        .args(["echo-server", "--port", &port])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("error: cannot listen on 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// Out of file descriptors, `accept` fails with EMFILE for as long as the
/// connections wait in the backlog. The server must pause between tries,
/// not spin: run it with room for about a dozen sockets, send it forty
/// clients, and watch its CPU time for 2 s. Then let the clients go: the
/// server accepts again.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_file_descriptors_the_server_backs_off_instead_of_spinning() {
    let _guard = realtime_shared();
    let server = NarratedProcess::start_with_fd_limit(24).await;
    let addr = server.addr().await;

    // More clients than it has descriptors for: the rest wait in the
    // kernel's backlog and every accept fails until some close.
    let mut clients = Vec::new();
    for _ in 0..40 {
        clients.push(TcpStream::connect(addr).await.expect("connect"));
    }
    server
        .wait_for("the first failed accept", |l| l.starts_with("accept: "))
        .await;

    // Four pauses begin within it (the fourth 700 ms after the first
    // failure); a spinning server would burn the whole of it.
    let window = secs(1);
    let (cpu_before, failed_before) = (server.cpu_time(), server.failures());
    let started = Instant::now();
    tokio::time::sleep(window).await;
    let (cpu, took) = (server.cpu_time() - cpu_before, started.elapsed());
    let failed = server.failures() - failed_before;
    let share = cpu.as_secs_f64() / took.as_secs_f64();
    // Spinning costs a whole core (share near 1.0) and logs thousands of
    // failures; pausing 100 ms, 200 ms, ... up to 1 s costs next to none.
    assert!(
        share < 0.25,
        "the server used {cpu:?} of CPU in {took:?}: it spins on accept"
    );
    assert!(failed <= 10, "{failed} failed accepts logged in {took:?}");
    let pauses: Vec<String> = server
        .lines()
        .iter()
        .filter_map(|l| retry_pause(l))
        .collect();
    assert_eq!(
        pauses[..4],
        ["100ms", "200ms", "400ms", "800ms"],
        "each pause doubles"
    );

    // The clients leave; their descriptors come back, and within the
    // longest pause (1 s) the server accepts and serves a new client.
    drop(clients);
    let mut client = Client::connect(addr).await;
    client.send("anyone there?").await;
    assert_eq!(client.receive().await.as_deref(), Some("anyone there?"));
}

/// The pause in a line like `accept: ...; retrying in 200ms`.
fn retry_pause(line: &str) -> Option<String> {
    let pause = line.strip_prefix("accept: ")?.rsplit_once("retrying in ")?;
    Some(pause.1.to_string())
}

/// The echo server in a child process whose stdout is read all the time
/// (a full pipe would stall the server and hide a spin), line by line.
struct NarratedProcess {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl NarratedProcess {
    /// Starts it under `ulimit -n limit`: at most `limit` open files.
    async fn start_with_fd_limit(limit: u32) -> NarratedProcess {
        let bin = env!("CARGO_BIN_EXE_lesson-13-patterns");
        let script = format!("ulimit -n {limit} && exec \"$0\" \"$@\"");
        let mut child = Command::new("sh")
            .args(["-c", &script, bin, "echo-server", "--port", "0"])
            .stdout(Stdio::piped())
            .kill_on_drop(true) // a failing test leaves no server behind
            .spawn()
            .expect("start the echo server");
        let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let keep = Arc::clone(&lines);
        tokio::spawn(async move {
            while let Ok(Some(line)) = out.next_line().await {
                keep.lock().unwrap().push(line);
            }
        });
        NarratedProcess { child, lines }
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits up to 10 s for a line that `matches`; returns it.
    async fn wait_for(
        &self,
        what: &str,
        matches: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + secs(10);
        loop {
            if let Some(line) = self.lines().into_iter().find(|l| matches(l)) {
                return line;
            }
            assert!(
                Instant::now() < deadline,
                "no {what} in 10 s; the server said:\n{}",
                self.lines().join("\n")
            );
            tokio::time::sleep(ms(10)).await;
        }
    }

    async fn addr(&self) -> SocketAddr {
        let line = self
            .wait_for("listening line", |l| l.starts_with("listening on "))
            .await;
        line["listening on ".len()..].parse().expect("an address")
    }

    /// Failed accepts logged so far.
    fn failures(&self) -> usize {
        let lines = self.lines.lock().unwrap();
        lines.iter().filter(|l| l.starts_with("accept: ")).count()
    }

    /// User plus system CPU time the process has used, from
    /// `/proc/PID/stat` (fields 14 and 15, in clock ticks).
    fn cpu_time(&self) -> Duration {
        let pid = self.child.id().expect("the server is running");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .expect("read /proc/PID/stat");
        // The command name, field 2, is in parentheses and may hold
        // spaces; count the fields after it.
        let (_, rest) = stat.rsplit_once(')').expect("a stat line");
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap()
            + fields[12].parse::<u64>().unwrap();
        Duration::from_secs_f64(ticks as f64 / clock_ticks_per_second())
    }
}

/// `getconf CLK_TCK`: the unit of /proc's CPU times (100 on Linux).
fn clock_ticks_per_second() -> f64 {
    let out = std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output();
    out.ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}
