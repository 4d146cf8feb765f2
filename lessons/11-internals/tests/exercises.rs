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
        let log = within(Duration::from_secs(5), "yield_now never finished", || {
            let runtime = Runtime::new().unwrap();
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
        });
        assert_eq!(
            log,
            ["a0", "b0", "a1", "b1", "a2", "b2"],
            "after a yield the other task should run before this one goes on"
        );
    }

    #[test]
    fn one_yield_is_two_polls_and_no_sleep() {
        let (polls, stats) = within(
            Duration::from_secs(5),
            "yield_now never finished: after returning Pending, who wakes the task?",
            || {
                let runtime = Runtime::new().unwrap();
                let polls = Cell::new(0);
                runtime.block_on(counted(subject::yield_now(), &polls));
                (polls.get(), runtime.stats())
            },
        );
        assert_eq!(polls, 2, "Pending once, then Ready: exactly two polls");
        assert_eq!(stats.wakes, 1, "one yield, one wake");
        assert_eq!(
            stats.parks, 0,
            "the task was ready again at once: the runtime never sleeps"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn it_works_on_tokio_too() {
        let polls = Cell::new(0);
        tokio::time::timeout(
            Duration::from_secs(1),
            counted(subject::yield_now(), &polls),
        )
        .await
        .expect("yield_now finishes on tokio too");
        assert_eq!(polls.get(), 2);
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

kit::exercise_tests! {
    lesson: lesson_11_internals, exercise: timeout, id: "11-timeout";

    use kit::timing::{assert_realtime, measure_blocking, ms, realtime_lock};

    #[test]
    fn a_slow_job_fails_at_the_limit_and_is_dropped() {
        let _guard = realtime_lock();
        let (outcome, took) = within(
            Duration::from_secs(5),
            "timeout never returned: is the timer polled along with the job?",
            || {
                measure_blocking(|| {
                    let runtime = Runtime::new().unwrap();
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
        assert_eq!(
            outcome,
            (Err("elapsed"), true),
            "a 1 s job under a 50 ms limit: Err(Elapsed), and the job \
             dropped by the time timeout returns"
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
                    let runtime = Runtime::new().unwrap();
                    runtime.block_on(async {
                        let dropped = Rc::new(Cell::new(false));
                        subject::timeout(ms(1000), job(1, ms(20), dropped))
                            .await
                            .map_err(|_| "elapsed")
                    })
                })
            },
        );
        assert_eq!(outcome, Ok(7), "a 20 ms job under a 1 s limit: Ok(7)");
        // Returning at the limit instead would take 1000 ms.
        assert_realtime(took, ms(20));
    }

    #[test]
    fn polled_once_per_wake() {
        let _guard = realtime_lock();
        let polls = within(
            Duration::from_secs(5),
            "timeout never returned: is the job polled?",
            || {
                let runtime = Runtime::new().unwrap();
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
        assert_eq!(
            polls, 4,
            "three sleeps, three wakes: polled once to start and once per \
             wake. More polls mean a busy loop"
        );
    }
}

/// Runs `recv` against three datagrams sent 15 ms apart from a plain
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
            let runtime = Runtime::new().unwrap();
            let polls = Cell::new(0);
            let sender = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
            let from = sender.local_addr().unwrap();
            let got = runtime.block_on(async {
                let socket = bind(([127, 0, 0, 1], 0).into()).unwrap();
                let to = socket.addr();
                std::thread::spawn(move || {
                    for word in ["one", "two", "three"] {
                        std::thread::sleep(Duration::from_millis(15));
                        sender.send_to(word.as_bytes(), to).unwrap();
                    }
                });
                let mut got = Vec::new();
                for _ in 0..3 {
                    let mut buf = [0; 64];
                    let (n, peer) = counted(socket.recv(&mut buf), &polls)
                        .await
                        .expect("recv_from succeeds");
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
                self.local_addr().unwrap()
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
    fn three_datagrams_arrive_in_order() {
        let (got, from, _, _) = three_datagrams(bind);
        let words: Vec<_> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["one", "two", "three"]);
        assert!(
            got.iter().all(|(_, peer)| *peer == from),
            "each datagram comes with its sender's address: {got:?}"
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
            "no wake came from the reactor: wait for readiness through the \
             socket's Registration"
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
        let runtime = Runtime::new().unwrap();
        let result = runtime.block_on(async {
            let listener = TcpListener::bind(([127, 0, 0, 1], 0).into())?;
            addr_tx.send(listener.local_addr()?).unwrap();
            serve(listener, connections).await
        });
        done_tx.send(result).ok();
    });
    let addr = addr_rx
        .recv_timeout(Duration::from_secs(5))
        .expect("the test's listener starts");
    (addr, done_rx)
}

/// Waits (off the tokio thread) for the server to return.
async fn server_returns(done: mpsc::Receiver<io::Result<()>>) {
    let result = tokio::task::spawn_blocking(move || {
        done.recv_timeout(Duration::from_secs(5))
    })
    .await
    .unwrap();
    match result {
        Ok(result) => result.expect("serve_upper returns Ok"),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("serve_upper did not return after its clients hung up")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("serve_upper panicked (see its message above)")
        }
    }
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
        .expect("the server keeps the connection open");
    String::from_utf8_lossy(&buf).into_owned()
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

    #[tokio::test]
    async fn two_lines_come_back_in_upper_case() {
        let (addr, done) = start_upper(serve, 1);
        let mut client = tokio::net::TcpStream::connect(addr).await.unwrap();
        client.write_all(b"hello\nworld\n").await.unwrap();
        client.shutdown().await.unwrap();
        let mut answer = String::new();
        tokio::time::timeout(
            Duration::from_secs(5),
            client.read_to_string(&mut answer),
        )
        .await
        .expect("the server answers and closes the connection at the end")
        .unwrap();
        assert_eq!(answer, "HELLO\nWORLD\n");
        server_returns(done).await;
    }

    #[tokio::test]
    async fn a_line_in_pieces_is_answered_when_it_is_complete() {
        let (addr, done) = start_upper(serve, 1);
        let mut client = tokio::net::TcpStream::connect(addr).await.unwrap();
        client.write_all(b"hel").await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
        client.write_all(b"lo\nwo").await.unwrap();
        let first = read_n(
            &mut client,
            6,
            Duration::from_secs(5),
            "no answer to a complete line: answer each line as soon as its \
             \\n has arrived, not when the client closes",
        )
        .await;
        assert_eq!(first, "HELLO\n");
        client.write_all(b"rld").await.unwrap();
        client.shutdown().await.unwrap();
        let mut rest = String::new();
        tokio::time::timeout(
            Duration::from_secs(5),
            client.read_to_string(&mut rest),
        )
        .await
        .expect("the server sends the last line and closes")
        .unwrap();
        assert_eq!(rest, "WORLD", "a last line without \\n goes back too");
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
                let mut client =
                    tokio::net::TcpStream::connect(addr).await.unwrap();
                let line = format!("client {i:02}\n");
                client.write_all(line.as_bytes()).await.unwrap();
                let answer = read_n(
                    &mut client,
                    line.len(),
                    Duration::from_secs(5),
                    "a client got no answer while the others were \
                     connected: serve every client at the same time (a \
                     task per connection)",
                )
                .await;
                assert_eq!(answer, line.to_uppercase());
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
