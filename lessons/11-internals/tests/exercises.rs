//! Exercise tests for lesson 11, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! The lesson's own runtime is not tokio: its clock is real and a wrong
//! answer could leave it waiting forever, so every run on it goes through
//! [`within`], which gives up after a few seconds with a message.

use std::cell::{Cell, RefCell};
use std::io;
use std::net::SocketAddr;
use std::rc::Rc;
use std::sync::mpsc;
use std::time::Duration;

use lesson_11_internals::runtime::net::TcpListener;
use lesson_11_internals::runtime::{Runtime, Stats, spawn};

/// Runs `f` on a thread of its own; panics with `hang` if it takes longer
/// than `limit`, and passes on its panic if it panics.
fn within<T: Send + 'static>(
    limit: Duration,
    hang: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let out = f();
        tx.send(()).ok();
        out
    });
    match rx.recv_timeout(limit) {
        Ok(()) => worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // It panicked: show its message.
            match worker.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(_) => unreachable!("it finished without saying so"),
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{hang}"),
    }
}

/// A boxed future of an I/O result: the stub's and the solution's types
/// differ, so the tests see both through this.
type BoxedIo<'a, T> =
    std::pin::Pin<Box<dyn Future<Output = io::Result<T>> + 'a>>;

/// Polls of `fut`, counted.
async fn counted<F: Future>(fut: F, polls: &Cell<usize>) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(|cx| {
        polls.set(polls.get() + 1);
        fut.as_mut().poll(cx)
    })
    .await
}

kit::exercise_tests! {
    lesson: lesson_11_internals, exercise: yield_now, id: "11-yield-now";

    #[test]
    fn two_tasks_that_yield_take_turns() {
        let log = within(
            Duration::from_secs(5),
            "two tasks that yield never finished: after returning Pending, \
             who wakes the task?",
            || {
                let runtime = Runtime::new().expect("the lesson's runtime starts");
                let log = Rc::new(RefCell::new(Vec::new()));
                runtime.block_on(async {
                    let tasks: Vec<_> = ["a", "b"]
                        .into_iter()
                        .map(|name| {
                            let log = log.clone();
                            spawn(async move {
                                for step in 0..3 {
                                    log.borrow_mut().push(format!("{name}{step}"));
                                    subject::yield_now().await;
                                }
                            })
                        })
                        .collect();
                    for task in tasks {
                        task.await;
                    }
                });
                log.take()
            },
        );
        assert!(
            log == ["a0", "b0", "a1", "b1", "a2", "b2"],
            "two tasks each log a step and yield, three times; the log was \
             {log:?}: after a yield the other task should run before this \
             one goes on"
        );
    }

    #[test]
    fn one_yield_is_two_polls_and_no_sleep() {
        let (polls, stats) = within(
            Duration::from_secs(5),
            "yield_now never finished: after returning Pending, who wakes the task?",
            || {
                let runtime = Runtime::new().expect("the lesson's runtime starts");
                let polls = Cell::new(0);
                runtime.block_on(counted(subject::yield_now(), &polls));
                (polls.get(), runtime.stats())
            },
        );
        assert!(
            polls == 2,
            "one yield_now() was polled {polls} times, expected 2: Pending \
             once (the others run), then Ready"
        );
        assert!(
            stats.wakes == 1,
            "one yield_now() woke its task {} times, expected 1: wake it on \
             the poll that returns Pending, and only then",
            stats.wakes
        );
        assert!(
            stats.parks == 0,
            "the runtime went to sleep {} times for one yield_now(), expected \
             0: the task is ready again at once, nothing to wait for",
            stats.parks
        );
    }

    #[tokio::test(start_paused = true)]
    async fn it_works_on_tokio_too() {
        let polls = Cell::new(0);
        kit::grade::within(
            "yield_now() on tokio",
            Duration::from_millis(100),
            counted(subject::yield_now(), &polls),
        )
        .await;
        assert!(
            polls.get() == 2,
            "one yield_now() on tokio was polled {} times, expected 2: \
             Pending once (the others run), then Ready",
            polls.get()
        );
    }
}

/// Sets its flag when dropped: tells a cancelled job from a finished one.
struct DropFlag(std::rc::Rc<Cell<bool>>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

/// A job on the lesson's runtime: sleeps `steps` times `step`, returns 7.
/// `dropped` is set when the job is dropped, finished or not.
async fn job(steps: u32, step: Duration, dropped: Rc<Cell<bool>>) -> u32 {
    let _flag = DropFlag(dropped);
    for _ in 0..steps {
        lesson_11_internals::runtime::sleep(step).await;
    }
    7
}

/// A 1 s job under a 50 ms limit: what came out, whether the job was
/// dropped by then, and how long it took.
type SlowRun = ((Result<u32, &'static str>, bool), Duration);

kit::exercise_tests! {
    lesson: lesson_11_internals, exercise: timeout, id: "11-timeout";

    use kit::timing::{assert_realtime, measure_blocking, ms, realtime_lock, realtime_upper_bound};

    #[test]
    fn a_slow_job_fails_at_the_limit_and_is_dropped() {
        let _guard = realtime_lock();
        let ((outcome, dropped), took): SlowRun = within(
            Duration::from_secs(5),
            "timeout never returned: is the timer polled along with the job?",
            || {
                measure_blocking(|| {
                    let runtime = Runtime::new().expect("the lesson's runtime starts");
                    runtime.block_on(async {
                        let dropped = Rc::new(Cell::new(false));
                        let outcome = subject::timeout(
                            ms(50),
                            job(1, ms(1000), dropped.clone()),
                        )
                        .await;
                        (outcome.map_err(|_| "elapsed"), dropped.get())
                    })
                })
            },
        );
        assert!(
            outcome.is_err(),
            "a 1 s job under a 50 ms limit returned {outcome:?} after {took:?}, \
             expected Err(Elapsed) at 50 ms: nothing woke the task at the \
             limit. The limit needs a timer of its own (the runtime's sleep), \
             polled along with the job"
        );
        let upper = realtime_upper_bound(ms(50));
        assert!(
            took <= upper,
            "a 1 s job under a 50 ms limit: timeout returned Err(Elapsed) \
             after {took:?}, expected at 50 ms (at most {upper:?}): was the \
             job run to its end before the limit was checked?"
        );
        assert!(
            dropped,
            "timeout returned Err(Elapsed) but the job had not been dropped: \
             a job that runs out of time must be dropped (cancelled) by the \
             time timeout returns"
        );
        assert_realtime(took, ms(50));
    }

    #[test]
    fn a_fast_job_returns_its_value_as_soon_as_it_is_done() {
        let _guard = realtime_lock();
        let (outcome, took) = within(
            Duration::from_secs(5),
            "timeout never returned: is the job polled?",
            || {
                measure_blocking(|| {
                    let runtime = Runtime::new().expect("the lesson's runtime starts");
                    runtime.block_on(async {
                        let dropped = Rc::new(Cell::new(false));
                        subject::timeout(ms(1000), job(1, ms(20), dropped))
                            .await
                            .map_err(|_| "elapsed")
                    })
                })
            },
        );
        assert!(
            outcome == Ok(7),
            "a 20 ms job under a 1 s limit returned {outcome:?} after \
             {took:?}, expected Ok(7)"
        );
        // Returning at the limit instead would take 1000 ms.
        let upper = realtime_upper_bound(ms(20));
        assert!(
            took <= upper,
            "a 20 ms job under a 1 s limit returned Ok(7) after {took:?}, \
             expected at 20 ms (at most {upper:?}): return as soon as the \
             job is done, not at the limit"
        );
        assert_realtime(took, ms(20));
    }

    #[test]
    fn a_value_ready_at_once_beats_a_zero_limit() {
        let outcome = within(
            Duration::from_secs(5),
            "timeout never returned: is the job polled?",
            || {
                let runtime = Runtime::new().expect("the lesson's runtime starts");
                runtime.block_on(async {
                    subject::timeout(Duration::ZERO, async { 7 })
                        .await
                        .map_err(|_| "elapsed")
                })
            },
        );
        assert!(
            outcome == Ok(7),
            "timeout(0 ms, a job that is ready on its first poll) returned \
             {outcome:?}, expected Ok(7): poll the job before the timer, so \
             a value that is already there is never thrown away (that is \
             what tokio's timeout and asyncio.wait_for do)"
        );
    }

    #[test]
    fn polled_once_per_wake() {
        let _guard = realtime_lock();
        let polls = within(
            Duration::from_secs(5),
            "timeout never returned: is the job polled?",
            || {
                let runtime = Runtime::new().expect("the lesson's runtime starts");
                let polls = Cell::new(0);
                runtime.block_on(async {
                    let dropped = Rc::new(Cell::new(false));
                    let fut = subject::timeout(
                        ms(1000),
                        job(3, ms(10), dropped),
                    );
                    counted(fut, &polls).await.map_err(|_| "elapsed")
                })
                .expect("three 10 ms sleeps fit in 1 s");
                polls.get()
            },
        );
        assert!(
            polls == 4,
            "a job that sleeps 10 ms three times, under timeout: polled \
             {polls} times, expected 4, once to start and once per wake. \
             More polls mean a busy loop (a task that wakes itself to look \
             at the clock again)"
        );
    }
}

/// The three datagrams the udp tests send: two words, then 1200 bytes (a
/// typical size for DNS or QUIC), received into a 2048-byte buffer.
fn datagrams() -> [String; 3] {
    ["one".to_owned(), "two".to_owned(), "three ".repeat(200)]
}

/// Runs `recv` against the three datagrams sent 15 ms apart from a plain
/// thread; returns what arrived, the sender's address, the polls and the
/// runtime's stats.
type Received = (Vec<(String, SocketAddr)>, SocketAddr, usize, Stats);

fn three_datagrams(
    bind: fn(SocketAddr) -> io::Result<Box<dyn RecvSocket>>,
) -> Received {
    within(
        Duration::from_secs(5),
        "the datagrams never arrived: after WouldBlock, ask the reactor to \
         wake the task when the socket is readable before returning Pending",
        move || {
            let runtime = Runtime::new().expect("the lesson's runtime starts");
            let polls = Cell::new(0);
            let sender = std::net::UdpSocket::bind("127.0.0.1:0")
                .expect("the test's sender binds");
            let from = sender.local_addr().expect("the sender's address");
            let got = runtime.block_on(async {
                let socket = bind(([127, 0, 0, 1], 0).into())
                    .expect("UdpSocket::bind on 127.0.0.1:0");
                let to = socket.addr();
                std::thread::spawn(move || {
                    for datagram in datagrams() {
                        std::thread::sleep(Duration::from_millis(15));
                        sender
                            .send_to(datagram.as_bytes(), to)
                            .expect("the test sends a datagram");
                    }
                });
                let mut got = Vec::new();
                for i in 1..=3 {
                    let mut buf = [0; 2048];
                    let (n, peer) = counted(socket.recv(&mut buf), &polls)
                        .await
                        .unwrap_or_else(|e| {
                            panic!(
                                "recv_from number {i} returned an error instead \
                                 of waiting: {e} ({:?}). WouldBlock means \
                                 \"nothing yet\": return Pending, and have the \
                                 reactor wake the task",
                                e.kind()
                            )
                        });
                    got.push((String::from_utf8_lossy(&buf[..n]).into(), peer));
                }
                got
            });
            (got, from, polls.get(), runtime.stats())
        },
    )
}

/// The stub's and the solution's sockets are different types; the tests
/// see both through this.
trait RecvSocket {
    fn addr(&self) -> SocketAddr;
    fn recv<'a>(
        &'a self,
        buf: &'a mut [u8],
    ) -> BoxedIo<'a, (usize, SocketAddr)>;
}

macro_rules! recv_socket {
    ($module:path) => {
        impl RecvSocket for $module {
            fn addr(&self) -> SocketAddr {
                self.local_addr().expect("the socket's own address")
            }
            fn recv<'a>(
                &'a self,
                buf: &'a mut [u8],
            ) -> BoxedIo<'a, (usize, SocketAddr)> {
                Box::pin(self.recv_from(buf))
            }
        }
    };
}
recv_socket!(lesson_11_internals::exercises::udp_recv::UdpSocket);
recv_socket!(lesson_11_internals::solutions::udp_recv::UdpSocket);

kit::exercise_tests! {
    lesson: lesson_11_internals, exercise: udp_recv, id: "11-udp-recv";

    fn bind(addr: SocketAddr) -> io::Result<Box<dyn RecvSocket>> {
        Ok(Box::new(subject::UdpSocket::bind(addr)?))
    }

    #[test]
    fn three_datagrams_arrive_whole_and_in_order() {
        let (got, from, _, _) = three_datagrams(bind);
        for (i, (sent, (received, _))) in datagrams().iter().zip(&got).enumerate() {
            assert!(
                received == sent,
                "datagram {} of 3 arrived as {} bytes starting {:?}; it was \
                 {} bytes starting {:?}: receive straight into the caller's \
                 buffer (a datagram longer than the buffer it is read into is \
                 cut short), and in order",
                i + 1,
                received.len(),
                received.chars().take(12).collect::<String>(),
                sent.len(),
                sent.chars().take(12).collect::<String>()
            );
        }
        assert!(
            got.iter().all(|(_, peer)| *peer == from),
            "each datagram comes with its sender's address, {from}; got {:?}",
            got.iter().map(|(_, peer)| peer).collect::<Vec<_>>()
        );
    }

    #[test]
    fn each_recv_is_polled_at_most_twice() {
        let (_, _, polls, stats) = three_datagrams(bind);
        assert!(
            polls <= 6,
            "three recv_from futures were polled {polls} times: at most \
             twice each (Pending, then Ready after one wake). A future \
             that wakes itself while it waits is a busy loop"
        );
        assert!(
            stats.io_wakes >= 1,
            "no wake came from the reactor (io_wakes was {}): wait for \
             readiness through the socket's Registration",
            stats.io_wakes
        );
    }
}

/// Starts the learner's (or the reference) server on a thread with the
/// lesson's runtime; returns its address and a receiver for its result.
fn start_upper(
    serve: fn(TcpListener, usize) -> BoxedIo<'static, ()>,
    connections: usize,
) -> (SocketAddr, mpsc::Receiver<io::Result<()>>) {
    let (addr_tx, addr_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let runtime = Runtime::new().expect("the lesson's runtime starts");
        let result = runtime.block_on(async {
            let listener = TcpListener::bind(([127, 0, 0, 1], 0).into())?;
            addr_tx.send(listener.local_addr()?).ok();
            serve(listener, connections).await
        });
        done_tx.send(result).ok();
    });
    let addr = addr_rx
        .recv_timeout(Duration::from_secs(5))
        .expect("the test's listener starts");
    (addr, done_rx)
}

/// Waits for the server to return, off any tokio thread.
fn server_returned(done: &mpsc::Receiver<io::Result<()>>) {
    match done.recv_timeout(Duration::from_secs(5)) {
        Ok(result) => result.unwrap_or_else(|e| {
            panic!("serve_upper returned an error, expected Ok(()): {e}")
        }),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "serve_upper did not return within 5 s after its clients hung \
             up: wait for each client's task, then return Ok(())"
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("serve_upper panicked (see its message above)")
        }
    }
}

/// Waits (off the tokio thread) for the server to return.
async fn server_returns(done: mpsc::Receiver<io::Result<()>>) {
    tokio::task::spawn_blocking(move || server_returned(&done))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
}

/// Reads from `stream` until it has `n` bytes, within `limit`.
async fn read_n(
    stream: &mut tokio::net::TcpStream,
    n: usize,
    limit: Duration,
    hang: &str,
) -> String {
    use tokio::io::AsyncReadExt;
    let mut buf = vec![0; n];
    tokio::time::timeout(limit, stream.read_exact(&mut buf))
        .await
        .unwrap_or_else(|_| panic!("{hang}"))
        .unwrap_or_else(|e| {
            panic!("the server closed the connection before answering ({e}): {hang}")
        });
    String::from_utf8_lossy(&buf).into_owned()
}

/// A client on plain std sockets, for the test that must see what has
/// arrived *without* waiting: [`Client::arrived`] asks the kernel at once.
struct Client(std::net::TcpStream);

impl Client {
    fn connect(addr: SocketAddr) -> Self {
        let stream =
            std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(5))
                .unwrap_or_else(|e| {
                    panic!(
                        "the test's client could not connect to serve_upper's \
                         listener ({e}): did serve_upper panic or return early?"
                    )
                });
        stream
            .set_nodelay(true)
            .expect("the client sets TCP_NODELAY");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("the client sets a read timeout");
        Self(stream)
    }

    fn send(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.0.write_all(bytes).expect("the test's client writes");
        self.0.flush().expect("the test's client flushes");
    }

    /// Reads exactly `n` bytes, or panics with `hang` after 5 s.
    fn read_exactly(&mut self, n: usize, hang: &str) -> String {
        use std::io::Read;
        let mut buf = vec![0; n];
        match self.0.read_exact(&mut buf) {
            Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                panic!(
                    "the server closed the connection before answering: {hang}"
                )
            }
            Err(_) => panic!("{hang}"),
        }
    }

    /// Sends `line` and reads its answer back.
    fn round_trip(&mut self, line: &str, hang: &str) {
        self.send(line.as_bytes());
        let answer = self.read_exactly(line.len(), hang);
        assert!(
            answer == line.to_uppercase(),
            "the answer to {line:?} was {answer:?}"
        );
    }

    /// Whatever arrives within `millis` milliseconds, checked every one.
    fn arrived_within(&mut self, millis: u32) -> Option<String> {
        for _ in 0..millis {
            if let Some(bytes) = self.arrived() {
                return Some(bytes);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        self.arrived()
    }

    /// Whatever has already arrived, without waiting for more.
    fn arrived(&mut self) -> Option<String> {
        use std::io::Read;
        self.0
            .set_nonblocking(true)
            .expect("the client goes non-blocking");
        let mut buf = [0; 64];
        let read = self.0.read(&mut buf);
        self.0
            .set_nonblocking(false)
            .expect("the client blocks again");
        match read {
            Ok(0) => panic!("the server closed the connection"),
            Ok(n) => Some(String::from_utf8_lossy(&buf[..n]).into_owned()),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => None,
            Err(e) => panic!("the test's client could not read: {e}"),
        }
    }
}

kit::exercise_tests! {
    lesson: lesson_11_internals, exercise: upper_server, id: "11-upper-server";

    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    fn serve(
        listener: TcpListener,
        n: usize,
    ) -> BoxedIo<'static, ()> {
        Box::pin(subject::serve_upper(listener, n))
    }

    #[test]
    fn a_half_line_gets_no_answer_until_its_newline() {
        let (addr, done) = start_upper(serve, 2);
        let mut client = Client::connect(addr);
        let mut other = Client::connect(addr);
        let not_served = "a second client got no answer while the first was \
                          still connected: serve every client at the same \
                          time, each in a task of its own";
        other.round_trip("other 1\n", not_served);
        client.send(b"hel");
        // The server is alive and serving (two more answers to the other
        // client); then the test watches for 200 ms: on loopback an answer
        // to "hel" would arrive within a millisecond or so.
        other.round_trip("other 2\n", not_served);
        other.round_trip("other 3\n", not_served);
        if let Some(early) = client.arrived_within(200) {
            panic!(
                "the client sent \"hel\" and no \\n yet, and the server has \
                 already answered {early:?}: a line goes back only once its \
                 \\n has arrived. Keep the bytes of an unfinished line until \
                 the rest comes"
            );
        }
        client.send(b"lo\n");
        let answer = client.read_exactly(
            6,
            "\"hel\" then \"lo\\n\" got no answer: answer a line as soon as its \
             \\n has arrived, even if it came in pieces",
        );
        assert!(
            answer == "HELLO\n",
            "\"hel\" then \"lo\\n\" were answered {answer:?}"
        );
        drop((client, other));
        server_returned(&done);
    }

    #[tokio::test]
    async fn two_lines_come_back_in_upper_case() {
        let (addr, done) = start_upper(serve, 1);
        let mut client = tokio::net::TcpStream::connect(addr)
            .await
            .expect("the test's client connects");
        client.write_all(b"hello\nworld\n").await.expect("the client writes");
        client.shutdown().await.expect("the client closes its side");
        let mut answer = String::new();
        tokio::time::timeout(
            Duration::from_secs(5),
            client.read_to_string(&mut answer),
        )
        .await
        .expect("the server answers and closes the connection at the end")
        .expect("the server's answer is text");
        assert!(
            answer == "HELLO\nWORLD\n",
            "the client sent \"hello\\nworld\\n\" and closed its side; the \
             answer was {answer:?}"
        );
        server_returns(done).await;
    }

    #[tokio::test]
    async fn a_line_in_pieces_is_answered_when_it_is_complete() {
        let (addr, done) = start_upper(serve, 1);
        let mut client = tokio::net::TcpStream::connect(addr)
            .await
            .expect("the test's client connects");
        client.set_nodelay(true).expect("the client sets TCP_NODELAY");
        client.write_all(b"hel").await.expect("the client writes");
        tokio::time::sleep(Duration::from_millis(20)).await;
        client.write_all(b"lo\nwo").await.expect("the client writes");
        let first = read_n(
            &mut client,
            6,
            Duration::from_secs(5),
            "no answer to a complete line: answer each line as soon as its \
             \\n has arrived, not when the client closes",
        )
        .await;
        assert!(
            first == "HELLO\n",
            "\"hel\", then \"lo\\nwo\": the first answer was {first:?}"
        );
        client.write_all(b"rld").await.expect("the client writes");
        client.shutdown().await.expect("the client closes its side");
        let mut rest = String::new();
        tokio::time::timeout(
            Duration::from_secs(5),
            client.read_to_string(&mut rest),
        )
        .await
        .expect("the server sends the last line and closes")
        .expect("the server's answer is text");
        assert!(
            rest == "WORLD",
            "after \"HELLO\\n\" the rest of the answer was {rest:?}; the \
             client had sent \"wo\" (with the \\n of hello), then \"rld\" and \
             closed: bytes after a \\n belong to the next line, and a last \
             line without \\n goes back when the client closes"
        );
        server_returns(done).await;
    }

    #[tokio::test]
    async fn twenty_clients_are_served_at_once() {
        const CLIENTS: usize = 20;
        let (addr, done) = start_upper(serve, CLIENTS);
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(CLIENTS));
        let mut clients = tokio::task::JoinSet::new();
        for i in 0..CLIENTS {
            let barrier = barrier.clone();
            clients.spawn(async move {
                let mut client = tokio::net::TcpStream::connect(addr)
                    .await
                    .expect("the test's client connects");
                let line = format!("client {i:02}\n");
                client.write_all(line.as_bytes()).await.expect("the client writes");
                let answer = read_n(
                    &mut client,
                    line.len(),
                    Duration::from_secs(5),
                    "a client got no answer while the others were \
                     connected: serve every client at the same time (a \
                     task per connection)",
                )
                .await;
                assert!(
                    answer == line.to_uppercase(),
                    "client {i} sent {line:?}; the answer was {answer:?}"
                );
                // Hang up only once every client has been answered.
                barrier.wait().await;
            });
        }
        // The first client to fail stops the test with its message.
        while let Some(client) = clients.join_next().await {
            if let Err(e) = client {
                std::panic::resume_unwind(e.into_panic());
            }
        }
        server_returns(done).await;
    }
}
