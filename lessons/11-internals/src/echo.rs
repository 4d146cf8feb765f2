//! A TCP echo server on the lesson's own runtime: one thread, many clients.
//!
//! Each connection is a task; while one waits for its client, the reactor
//! and the other tasks go on. The same shape as `asyncio.start_server`
//! with a handler per connection.

use std::cell::Cell;
use std::collections::HashSet;
use std::io;
use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

use crate::runtime::net::{TcpListener, TcpStream};
use crate::runtime::{Runtime, Stats, spawn};

/// What the server saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EchoReport {
    /// Connections served to the end.
    pub served: usize,
    /// The most connections open at the same time.
    pub max_open: usize,
    /// Bytes echoed in all.
    pub bytes: usize,
    /// How many threads ran the connection handlers.
    pub threads: usize,
}

/// Tracks open connections and the threads that handle them.
#[derive(Debug, Default)]
struct Gauge {
    open: Cell<usize>,
    max_open: Cell<usize>,
    threads: std::cell::RefCell<HashSet<thread::ThreadId>>,
}

// ANCHOR: echo
/// Accepts `connections` clients, echoes each until it hangs up, and
/// returns when all are done.
pub async fn serve(
    listener: TcpListener,
    connections: usize,
) -> io::Result<EchoReport> {
    let gauge = Rc::new(Gauge::default());
    let mut handlers = Vec::new();
    for _ in 0..connections {
        let (stream, _peer) = listener.accept().await?;
        let open = gauge.open.get() + 1;
        gauge.open.set(open);
        gauge.max_open.set(gauge.max_open.get().max(open));
        let gauge = gauge.clone();
        handlers.push(spawn(async move {
            gauge.threads.borrow_mut().insert(thread::current().id());
            let echoed = echo(stream).await;
            gauge.open.set(gauge.open.get() - 1);
            echoed
        }));
    }
    let mut bytes = 0;
    for handler in handlers {
        bytes += handler.await?;
    }
    Ok(EchoReport {
        served: connections,
        max_open: gauge.max_open.get(),
        bytes,
        threads: gauge.threads.borrow().len(),
    })
}

/// Sends back everything it reads, until the client closes.
async fn echo(mut stream: TcpStream) -> io::Result<usize> {
    let mut buf = [0; 1024];
    let mut total = 0;
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(total);
        }
        stream.write_all(&buf[..n]).await?;
        total += n;
    }
}
// ANCHOR_END: echo

/// A server running on its own thread, for clients on other threads.
#[derive(Debug)]
pub struct ServerThread {
    pub addr: SocketAddr,
    pub thread: thread::JoinHandle<io::Result<(EchoReport, Stats)>>,
}

/// Starts [`serve`] on a new thread with a fresh lesson runtime, listening
/// on 127.0.0.1 (a free port), for `connections` clients.
pub fn serve_on_thread(connections: usize) -> io::Result<ServerThread> {
    let (addr_tx, addr_rx) = mpsc::channel();
    let thread = thread::spawn(move || {
        let runtime = Runtime::new()?;
        let report = runtime.block_on(async {
            let any_port = SocketAddr::from(([127, 0, 0, 1], 0));
            let listener = TcpListener::bind(any_port)?;
            addr_tx.send(listener.local_addr()?).ok();
            serve(listener, connections).await
        })?;
        Ok((report, runtime.stats()))
    });
    match addr_rx.recv() {
        Ok(addr) => Ok(ServerThread { addr, thread }),
        // The thread failed before it could listen: return its error.
        Err(_) => Err(thread
            .join()
            .map_err(|_| io::Error::other("server thread panicked"))?
            .expect_err("no address means the server failed")),
    }
}

/// One client: sends `message`, reads it back, hangs up.
pub async fn client(addr: SocketAddr, message: String) -> io::Result<bool> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(message.as_bytes()).await?;
    stream.shutdown_write()?;
    let mut echoed = Vec::new();
    let mut buf = [0; 256];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        echoed.extend_from_slice(&buf[..n]);
    }
    Ok(echoed == message.as_bytes())
}

// ANCHOR: one_thread
/// The server and `clients` clients, all as tasks of one lesson runtime on
/// this thread. Returns the server's report, the clients that got their
/// message back intact, and the runtime's stats.
pub fn server_and_clients(
    clients: usize,
) -> io::Result<(EchoReport, usize, Stats)> {
    let runtime = Runtime::new()?;
    let (report, intact) = runtime.block_on(async {
        let listener = TcpListener::bind(([127, 0, 0, 1], 0).into())?;
        let addr = listener.local_addr()?;
        let server = spawn(serve(listener, clients));
        let handles: Vec<_> = (0..clients)
            .map(|i| spawn(client(addr, format!("hello from client {i}\n"))))
            .collect();
        let mut intact = 0;
        for handle in handles {
            intact += usize::from(handle.await?);
        }
        Ok::<_, io::Error>((server.await?, intact))
    })?;
    Ok((report, intact, runtime.stats()))
}
// ANCHOR_END: one_thread
