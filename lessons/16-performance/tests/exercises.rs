//! Exercise tests for lesson 16, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

// The counting allocator (`counting/mod.rs`) implements an unsafe trait;
// it only counts and passes every call on to the system allocator.
#![allow(unsafe_code)]

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kit::grade::{took_exactly, within};
use kit::timing::{fmt_duration, measure, ms};
use test_server::TestServer;
use tokio::sync::Semaphore;
use tokio::time::timeout;

mod counting;
use counting::allocated;

/// A plain HTTP/1.1 client for the loopback test server.
fn http1_client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .http1_only()
        .build()
        .expect("a reqwest client")
}

/// A current-thread runtime with the clock paused, for the small-task tests.
fn paused_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a tokio runtime")
}

/// The most a test waits for an exercise over HTTP before calling it hung.
const PATIENCE: Duration = Duration::from_secs(10);

/// The most bytes that can sit between the server's body stream and the
/// client's `bytes()`: the kernel's socket buffers on both sides (at most
/// Linux's `tcp_wmem` and `tcp_rmem` maxima, as reqwest sets no buffer
/// size) and hyper's own (under 1 MiB on each side). Elsewhere, 64 MiB.
fn buffered_at_most() -> usize {
    let most = |path: &str| -> Option<usize> {
        let text = std::fs::read_to_string(path).ok()?;
        text.split_whitespace().nth(2)?.parse().ok()
    };
    let receive = most("/proc/sys/net/ipv4/tcp_rmem");
    let send = most("/proc/sys/net/ipv4/tcp_wmem");
    match (receive, send) {
        (Some(receive), Some(send)) => receive + send + (4 << 20),
        _ => 64 << 20,
    }
}

/// A server on 127.0.0.1 whose answer's headers go out at once and whose
/// body is bigger than every buffer on the way ([`buffered_at_most`]), so
/// the server can send its last part only once the client is reading the
/// body. At that point it notes how many permits of `gate` are free: the
/// request that is reading should still hold one. Returns the URL and that
/// count (`usize::MAX` until the point is reached).
async fn big_body_server(gate: Arc<Semaphore>) -> (String, Arc<AtomicUsize>) {
    use http_body_util::StreamBody;
    use hyper::body::{Bytes, Frame};

    static CHUNK: [u8; 64 * 1024] = [b'x'; 64 * 1024];
    // Once 1 MiB more than the buffers hold is sent, the client has read
    // at least 1 MiB of the body, and has not read the last 1 MiB.
    let check_at = buffered_at_most() + (1 << 20);
    let total = check_at + (1 << 20);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port on 127.0.0.1");
    let url = format!(
        "http://{}/big",
        listener.local_addr().expect("the server's address")
    );
    let free = Arc::new(AtomicUsize::new(usize::MAX));
    let noted = free.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (gate, noted) = (gate.clone(), noted.clone());
            let service = hyper::service::service_fn(move |_request| {
                let (gate, noted) = (gate.clone(), noted.clone());
                let chunks = futures::stream::unfold(0, move |sent| {
                    if sent >= check_at {
                        let _ = noted.compare_exchange(
                            usize::MAX,
                            gate.available_permits(),
                            Ordering::SeqCst,
                            Ordering::SeqCst,
                        );
                    }
                    let chunk = Bytes::from_static(&CHUNK);
                    let next = (sent < total).then(|| {
                        (
                            Ok::<_, Infallible>(Frame::data(chunk)),
                            sent + CHUNK.len(),
                        )
                    });
                    std::future::ready(next)
                });
                let response = hyper::Response::new(StreamBody::new(chunks));
                std::future::ready(Ok::<_, Infallible>(response))
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            tokio::spawn(
                hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service),
            );
        }
    });
    (url, free)
}

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: small_task, id: "16-small-task";

    #[tokio::test(start_paused = true)]
    async fn returns_the_greetings_checksum_after_the_wait() {
        let expected = subject::checksum(&subject::greeting(7));
        let (got, took) = measure(within(
            "session(7, 300 ms)",
            ms(1000),
            subject::session(7, ms(300)),
        ))
        .await;
        assert_eq!(
            got, expected,
            "session(7, …) returned {got}, the checksum of greeting(7) is {expected}"
        );
        took_exactly("session(7, 300 ms)", took, ms(300));
    }

    #[test]
    fn the_future_is_at_most_256_bytes() {
        // A small future only counts if it does the job: run it first.
        let got = paused_runtime().block_on(subject::session(1, ms(10)));
        let expected = subject::checksum(&subject::greeting(1));
        assert_eq!(
            got, expected,
            "session(1, …) returned {got}, the checksum of greeting(1) is {expected}"
        );
        let size = size_of_val(&subject::session(1, ms(10)));
        assert!(
            size <= 256,
            "the session future is {size} bytes, the test allows 256: \
             something big (the 2,048-byte greeting?) is kept across the \
             .await. A local still in scope at the .await is kept in the \
             future even if it is never used after it: end it in an inner \
             block `{{ … }}` before the await (`drop` does not help a Copy \
             array)"
        );
    }

    #[test]
    fn a_spawned_session_allocates_at_most_512_bytes() {
        let runtime = paused_runtime();
        let _inside = runtime.enter();
        let n = 100;
        let mut handles = Vec::with_capacity(n);
        let before = allocated();
        for id in 0..n as u32 {
            handles.push(tokio::spawn(subject::session(id, ms(50))));
        }
        // Let every session run to its wait, as idle users would: the
        // paused clock moves on only once every task is idle.
        runtime.block_on(tokio::time::sleep(ms(1)));
        let per_task = (allocated() - before) / n;
        let future = size_of_val(&subject::session(0, ms(50)));
        assert!(
            per_task <= 512,
            "each spawned session allocated {per_task} bytes, the test \
             allows 512; its future is {future} bytes, so {}",
            if future > 256 {
                "the greeting is kept inside the future across the .await \
                 (a local still in scope at the .await is kept even if never \
                 used after it: end it in an inner block `{ … }` before the \
                 await; `drop` does not help a Copy array)"
            } else {
                "it allocates on the heap besides its future: is the \
                 greeting (or the whole future) boxed, or copied into a Vec, \
                 and kept across the .await?"
            }
        );
        runtime.block_on(async {
            for (id, handle) in handles.into_iter().enumerate() {
                let sum = handle.await.expect("a session task panicked");
                let expected = subject::checksum(&subject::greeting(id as u32));
                assert_eq!(
                    sum, expected,
                    "spawned session {id} returned {sum}, the checksum of its \
                     greeting is {expected}"
                );
            }
        });
    }
}

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: capped_fanout, id: "16-capped-fanout";

    #[tokio::test]
    async fn two_fan_outs_share_one_gate() {
        let server = TestServer::start().await.expect("the test server");
        let client = http1_client();
        let url = server.url("/delay/50");
        let gate = Arc::new(Semaphore::new(5));
        let both = async {
            tokio::join!(
                subject::fetch_capped(&client, &url, 15, gate.clone()),
                subject::fetch_capped(&client, &url, 15, gate.clone()),
            )
        };
        let (a, b) = within("two fan-outs of 15 requests", PATIENCE, both).await;
        let a = a.expect("every request of the first fan-out answers 200");
        let b = b.expect("every request of the second fan-out answers 200");
        assert!(
            (a, b) == (15, 15),
            "the two fan-outs counted {a} and {b} answers, each sent 15"
        );
        assert_eq!(
            server.requests(),
            30,
            "the server saw {} requests; the two fan-outs send 15 each",
            server.requests()
        );
        let most = server.max_in_flight();
        assert!(
            most <= 5,
            "the most requests in flight at once was {most}, the shared gate \
             has 5 permits: does every request hold its permit until it is \
             answered? (`let _ = gate.acquire()` drops it at once)"
        );
        assert!(
            most == 5,
            "the most requests in flight at once was {most}, the gate has 5 \
             permits: are the requests awaited one after another?"
        );
        assert_eq!(
            gate.available_permits(),
            5,
            "after both fan-outs, the gate has {} of its 5 permits: a \
             request kept its permit",
            gate.available_permits()
        );
    }

    #[tokio::test]
    async fn no_task_is_created_before_it_has_a_permit() {
        let server = TestServer::start().await.expect("the test server");
        let client = http1_client();
        let url = server.url("/delay/50");
        let gate = Arc::new(Semaphore::new(5));
        // Other work holds every permit for now.
        let held = gate.clone().acquire_many_owned(5).await.expect("5 permits");
        let run = {
            let gate = gate.clone();
            tokio::spawn(async move {
                subject::fetch_capped(&client, &url, 30, gate).await
            })
        };
        let before = allocated();
        tokio::time::sleep(ms(100)).await; // fetch_capped waits for a permit
        let bytes = allocated() - before;
        assert!(
            bytes <= 4096,
            "while no permit was free, fetch_capped allocated {bytes} bytes \
             for its 30 requests (the test allows 4,096): it created tasks \
             (or futures) that each wait for a permit. Take the permit \
             first, then create the task"
        );
        assert_eq!(
            server.requests(),
            0,
            "{} requests were sent while the test held every permit",
            server.requests()
        );
        drop(held);
        let got = within("fetch_capped of 30 requests", PATIENCE, run)
            .await
            .expect("fetch_capped panicked")
            .expect("every request answers 200");
        assert_eq!(got, 30, "fetch_capped counted {got} answers of 30");
    }

    #[tokio::test]
    async fn a_500_is_an_error_and_gives_its_permits_back() {
        let server = TestServer::start().await.expect("the test server");
        let client = http1_client();
        let url = server.url("/status/500");
        let gate = Arc::new(Semaphore::new(2));
        let fetch = subject::fetch_capped(&client, &url, 2, gate.clone());
        let got = within("fetch_capped of two 500s", PATIENCE, fetch).await;
        assert!(got.is_err(), "a 500 answer must be an error, got {got:?}");
        let back = timeout(Duration::from_secs(1), gate.acquire_many(2)).await;
        assert!(
            back.is_ok(),
            "1 s after the 500, the gate has {} of its 2 permits back: a \
             request that failed kept its permit (a release skipped by `?`?)",
            gate.available_permits()
        );
    }

    #[tokio::test]
    async fn whole_body_read_before_the_permit_goes_back() {
        let gate = Arc::new(Semaphore::new(1));
        let (url, free) = big_body_server(gate.clone()).await;
        let client = http1_client();
        let fetch = subject::fetch_capped(&client, &url, 1, gate.clone());
        let got = within("fetch_capped of one big body", PATIENCE, fetch)
            .await
            .expect("the request answers 200");
        assert_eq!(got, 1, "fetch_capped counted {got} answers of 1");
        let free = free.load(Ordering::SeqCst);
        assert!(
            free == 0,
            "while its only request was reading the body, the gate of 1 \
             permit had {free} free: the permit was given back before the \
             body was read (dropped when `send()` returned the headers?). \
             The connection is busy until the body is read: keep the permit \
             until `bytes().await` is done"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_16_performance, exercise: where_time_goes, id: "16-where-time-goes";

    #[tokio::test]
    async fn splits_waiting_from_being_served() {
        let server = TestServer::start().await.expect("the test server");
        let client = http1_client();
        let url = server.url("/delay/50");
        let gate = Semaphore::new(4);
        // Other work holds the 4 permits for the first 110 ms.
        let other_work = async {
            let held = gate.acquire_many(4).await.expect("4 permits");
            tokio::time::sleep(ms(110)).await;
            drop(held);
        };
        let run = async {
            tokio::task::yield_now().await; // the other work goes first
            subject::where_time_goes(&client, &url, 20, &gate).await
        };
        let ((), got) = within("where_time_goes of 20 requests", PATIENCE, async {
            tokio::join!(other_work, run)
        })
        .await;
        let got = got.expect("every request answers 200");
        assert_eq!(got.requests, 20, "requests is {}, 20 were sent", got.requests);
        let most = server.max_in_flight();
        assert!(
            most <= 4,
            "the most requests in flight at once was {most}, the gate has 4 \
             permits: does every request hold a permit of `gate` until it is \
             answered? (`let _ = gate.acquire().await` drops the permit at \
             once: `let _` binds nothing; name it, `let _permit = …`)"
        );
        assert!(
            most == 4,
            "the most requests in flight at once was {most}, the gate has 4 \
             permits: are the requests awaited one after another?"
        );
        assert!(
            got.min_served >= ms(50),
            "min_served is {}: the server takes 50 ms per request",
            fmt_duration(got.min_served)
        );
        assert!(
            got.total_served <= got.wall * 4,
            "total_served {} is more than 4 × wall ({}): at most 4 requests \
             are served at once, so the served times include the wait for a \
             permit (is `started` taken before the permit?)",
            fmt_duration(got.total_served),
            fmt_duration(got.wall)
        );
        assert!(
            got.total_served >= ms(1000),
            "total_served is {}: 20 requests of at least 50 ms each",
            fmt_duration(got.total_served)
        );
        assert!(
            got.max_waited >= ms(300),
            "max_waited is {}: no permit is free for the first 110 ms, then \
             4 rounds of 50 ms pass before the last 4 requests start (is the wait \
             measured from `submitted`, the start of the whole run?)",
            fmt_duration(got.max_waited)
        );
    }

    #[tokio::test]
    async fn a_500_answer_is_an_error() {
        let server = TestServer::start().await.expect("the test server");
        let client = http1_client();
        let url = server.url("/status/500");
        let gate = Semaphore::new(2);
        let run = subject::where_time_goes(&client, &url, 3, &gate);
        let got = within("where_time_goes of three 500s", PATIENCE, run).await;
        assert!(got.is_err(), "a 500 answer must be an error, got {got:?}");
    }
}
