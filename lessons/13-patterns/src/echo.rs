//! A TCP echo server that drains on shutdown: `asyncio.start_server`.
//!
//! - one task per connection, spawned through a `TaskTracker`;
//! - a cap on connections: a `Semaphore` permit is taken *before*
//!   `accept`, so over the cap new clients wait in the kernel's backlog;
//! - a failed `accept` (out of file descriptors) is retried after a pause
//!   that doubles from 100 ms to 1 s, so the loop never spins;
//! - shutdown in three steps: stop accepting (the listener is dropped, so
//!   new connections are refused), let every connection finish the
//!   exchange it is in, and after a drain deadline cut off what is left.
//!
//! [`serve_until_signal`] runs it as a process of its own, stopped by
//! Ctrl-C or SIGTERM (the binary's `echo-server` command).
//!
//! The protocol: each line a client sends comes back unchanged, after
//! `work` (a stand-in for real processing, so a shutdown can arrive while
//! an exchange is in flight).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kit::InFlight;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Whether the server narrates what it does on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Narrate {
    Quiet,
    /// One line per event; the shutdown test reads them.
    Stdout,
}

/// How the server behaves.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Connections served at once; more wait in the backlog.
    pub max_connections: usize,
    /// How long each exchange takes before the echo goes back.
    pub work: Duration,
    /// How long shutdown waits for connections before cutting them off.
    pub drain_deadline: Duration,
    pub narrate: Narrate,
}

/// What happened, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub accepted: usize,
    /// Lines echoed.
    pub exchanges: usize,
    /// The most connections served at once.
    pub peak: usize,
    /// Connections still busy at the drain deadline, dropped.
    pub cut_off: usize,
    /// From the shutdown signal until the last connection ended.
    pub drain_took: Duration,
}

/// Counters shared by the accept loop and the connection tasks.
#[derive(Debug, Default)]
struct Stats {
    accepted: AtomicUsize,
    exchanges: AtomicUsize,
    /// Connections being served now, and the most at once.
    connections: InFlight,
    cut_off: AtomicUsize,
}

/// The pause after a failed `accept`, doubled after each failure in a row
/// up to the most, and back to the first after a success (as `axum::serve`
/// does).
const ACCEPT_PAUSE_FIRST: Duration = Duration::from_millis(100);
const ACCEPT_PAUSE_MAX: Duration = Duration::from_secs(1);

/// Prints `line` if the server narrates.
fn say(narrate: Narrate, line: std::fmt::Arguments<'_>) {
    if narrate == Narrate::Stdout {
        println!("{line}");
    }
}

// ANCHOR: serve
/// Serves `listener` until `shutdown` completes, then drains and returns.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> Report {
    let stop = CancellationToken::new(); // finish the exchange, then close
    let cut = CancellationToken::new(); // the deadline passed: drop it now
    let tracker = TaskTracker::new();
    let permits = Arc::new(Semaphore::new(config.max_connections));
    let stats = Arc::new(Stats::default());

    let accepting = async {
        let mut pause = ACCEPT_PAUSE_FIRST;
        loop {
            // Over the cap, wait here: unaccepted clients queue in the
            // kernel instead of costing us a task and a buffer each.
            let permit = permits.clone().acquire_owned().await;
            let permit = permit.expect("the semaphore is never closed");
            match listener.accept().await {
                Ok((socket, peer)) => {
                    pause = ACCEPT_PAUSE_FIRST;
                    let conn = Connection {
                        socket,
                        peer,
                        config,
                        stop: stop.clone(),
                        cut: cut.clone(),
                        stats: stats.clone(),
                        _permit: permit,
                    };
                    tracker.spawn(conn.run());
                }
                // Out of file descriptors (EMFILE), the waiting client
                // fails again at once: trying again without a pause would
                // spin a core. Log it, pause, double the pause up to 1 s.
                Err(e) => {
                    let wait = pause.as_millis();
                    say(
                        config.narrate,
                        format_args!("accept: {e}; retrying in {wait}ms"),
                    );
                    sleep(pause).await;
                    pause = (pause * 2).min(ACCEPT_PAUSE_MAX);
                }
            }
        }
    };
    tokio::select! {
        () = accepting => unreachable!("the accept loop never ends"),
        () = shutdown => {}
    }

    // 1. Stop accepting: dropping the listener closes the socket, so the
    //    kernel refuses new connections from here on.
    let signalled = Instant::now();
    drop(listener);
    let busy = tracker.len();
    say(
        config.narrate,
        format_args!("shutdown: stopped accepting; draining {busy}"),
    );

    // 2. Tell every connection; wait up to the deadline.
    stop.cancel();
    tracker.close();
    if timeout(config.drain_deadline, tracker.wait())
        .await
        .is_err()
    {
        // 3. Out of patience: the rest are dropped mid-exchange.
        cut.cancel();
        tracker.wait().await;
    }
    let drain_took = signalled.elapsed();
    let report = stats.report(drain_took);
    say(
        config.narrate,
        format_args!(
            "drained in {}ms: {} exchanges, {} cut off",
            drain_took.as_millis(),
            report.exchanges,
            report.cut_off
        ),
    );
    report
}
// ANCHOR_END: serve

impl Stats {
    fn report(&self, drain_took: Duration) -> Report {
        Report {
            accepted: self.accepted.load(Ordering::SeqCst),
            exchanges: self.exchanges.load(Ordering::SeqCst),
            peak: self.connections.max(),
            cut_off: self.cut_off.load(Ordering::SeqCst),
            drain_took,
        }
    }
}

/// One client's connection, owned by its task.
struct Connection {
    socket: TcpStream,
    peer: SocketAddr,
    config: Config,
    stop: CancellationToken,
    cut: CancellationToken,
    stats: Arc<Stats>,
    /// Held for the connection's life: dropping it lets one more in.
    _permit: OwnedSemaphorePermit,
}

/// How a connection ended.
#[derive(Debug, PartialEq, Eq)]
enum End {
    ClientLeft,
    Shutdown,
    CutOff,
    Broken,
}

impl Connection {
    async fn run(mut self) {
        let stats = self.stats.clone();
        stats.accepted.fetch_add(1, Ordering::SeqCst);
        let served = stats.connections.enter();
        let end = self.exchanges().await;
        drop(served);
        if end == End::CutOff {
            stats.cut_off.fetch_add(1, Ordering::SeqCst);
        }
        say(self.config.narrate, format_args!("{}: {end:?}", self.peer));
    }

    // ANCHOR: connection
    async fn exchanges(&mut self) -> End {
        let (reader, mut writer) = self.socket.split();
        let mut reader = BufReader::new(reader);
        let mut line = String::new();
        loop {
            line.clear();
            // Between exchanges, a shutdown ends the connection. `biased`
            // polls the read first, so a line that has already arrived is
            // served rather than dropped.
            let read = tokio::select! {
                biased;
                read = reader.read_line(&mut line) => read,
                () = self.stop.cancelled() => return End::Shutdown,
            };
            match read {
                Ok(0) => return End::ClientLeft,
                Ok(_) => {}
                Err(_) => return End::Broken,
            }
            say(
                self.config.narrate,
                format_args!("{}: exchange started", self.peer),
            );
            // In an exchange, only the drain deadline interrupts.
            let reply = async {
                sleep(self.config.work).await;
                writer.write_all(line.as_bytes()).await
            };
            let written = tokio::select! {
                written = reply => written,
                () = self.cut.cancelled() => return End::CutOff,
            };
            if written.is_err() {
                return End::Broken;
            }
            self.stats.exchanges.fetch_add(1, Ordering::SeqCst);
        }
    }
    // ANCHOR_END: connection
}

// ANCHOR: until_signal
/// The server as its own process: signals in, a clean exit out.
pub async fn serve_until_signal(
    port: u16,
    config: Config,
) -> Result<Report, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    // Handlers first, then "ready": a SIGTERM can come at any moment now.
    let signal = crate::shutdown::shutdown_signal()
        .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("listening on {addr}");
    let shutdown = async {
        let signal = signal.await;
        println!("received {signal:?}");
    };
    Ok(serve(listener, config, shutdown).await)
}
// ANCHOR_END: until_signal
