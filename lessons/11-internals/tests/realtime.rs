//! Real-clock tests: the lesson's own runtime keeps real time (it is not
//! tokio, so tokio's paused clock does not reach it), and real sockets.
//! Each takes `realtime_lock` (alone), except the metrics claim, which
//! only waits on tokio's timers and takes `realtime_shared`; delays are
//! tens of milliseconds; where a count can prove the point, the test
//! asserts the count.

use std::time::Duration;

use kit::timing::{assert_realtime, ms, realtime_lock, realtime_shared};
use lesson_11_internals::demos::{self, Event};
use lesson_11_internals::{echo, metrics};

/// The chapter's sleeps of 1, 2 and 1 s, scaled to tens of ms.
const SLEEPS: [Duration; 3] = [ms(40), ms(80), ms(40)];

// claim: internals/metrics-count-tasks
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_internals_metrics_count_tasks_on_two_workers() {
    let _guard = realtime_shared();
    // Five short sleeps, then five that end 300 ms later: the half-way
    // read comes just after 50 ms and the sixth task ends at 350 ms, a
    // margin wider than the course's 250 ms.
    let sleeps = [10, 20, 30, 40, 50, 350, 360, 370, 380, 390].map(ms);
    let counts = metrics::alive_tasks(&sleeps).await;
    println!(
        "multi-thread: right after the last .await {} alive, once released {}",
        counts.just_joined, counts.after_join
    );
    // `just_joined` is 0 or 1, run to run: not asserted.
    assert_eq!(
        metrics::AliveCounts {
            just_joined: 0,
            ..counts
        },
        metrics::AliveCounts {
            spawned: 10,
            after_spawn: 10,
            half_way: 5,
            just_joined: 0,
            finished: 10,
            after_join: 0,
        },
        "alive tasks on two workers, each read once released"
    );
}

// claim: internals/own-executor-join
#[test]
fn claim_internals_own_executor_join() {
    let _guard = realtime_lock();
    let run = demos::spawn_sleeps(&SLEEPS);
    // Each sleep started before any ended: they waited together, and the
    // timer held all three deadlines at once.
    let first_end = run
        .log
        .iter()
        .position(|e| matches!(e, Event::End(_)))
        .expect("the sleeps end");
    assert_eq!(
        first_end, 3,
        "all three start before one ends: {:?}",
        run.log
    );
    assert_eq!(run.stats.max_timers, 3, "three deadlines pending at once");
    assert_eq!(run.stats.spawned, 3);
    // The longest (80 ms), not the sum (160 ms): strictly at least 80 ms.
    assert_realtime(run.took, ms(80));
}

#[test]
fn joined_in_one_task_also_takes_the_longest() {
    let _guard = realtime_lock();
    let run = demos::join_sleeps(&SLEEPS);
    assert_eq!(
        run.log[..3],
        [Event::Start(0), Event::Start(1), Event::Start(2)]
    );
    assert_eq!(run.stats.max_timers, 3);
    assert_eq!(run.stats.spawned, 0, "join_all spawns nothing");
    assert_realtime(run.took, ms(80));
}

// claim: internals/poll-only-when-woken
#[test]
fn claim_internals_poll_only_when_woken() {
    let _guard = realtime_lock();
    // Five sleeps of 10 ms in a row: five wakes from the timer.
    let run = demos::sleep_steps(5, ms(10));
    assert_eq!(run.stats.wakes, 5, "one wake per sleep");
    assert_eq!(run.polls, 6, "polled once at the start and once per wake");
    assert_eq!(run.stats.polls, 6, "the runtime polled nothing else");
    // Between polls the runtime slept in the reactor: at least once per
    // sleep (more if the OS woke it early), never a spin.
    assert!(
        (5..=10).contains(&run.stats.parks),
        "parks: {}",
        run.stats.parks
    );
}

#[test]
fn a_self_waking_future_is_polled_without_end() {
    let _guard = realtime_lock();
    let run = demos::busy_wait(1000);
    assert_eq!(run.stats.polls, 1000);
    assert_eq!(run.stats.wakes, 999);
    assert_eq!(run.stats.parks, 0, "the runtime never got to sleep");
}

#[test]
fn simple_block_on_polls_once_per_wake() {
    let _guard = realtime_lock();
    let (wakes, polls) = lesson_11_internals::simple_block_on::block_on(
        lesson_11_internals::simple_block_on::woken_by_thread(3),
    );
    assert_eq!(wakes, 3);
    assert_eq!(polls, 4, "polled at the start and after each of 3 wakes");
}

// claim: internals/reactor-echo
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_internals_reactor_echo() {
    let _guard = realtime_lock();
    const CLIENTS: usize = 100;
    let server = echo::serve_on_thread(CLIENTS).expect("the server starts");
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(CLIENTS));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| tokio::spawn(hello_wait_bye(server.addr, i, barrier.clone())))
        .collect();
    let all = async {
        for client in clients {
            client.await.expect("the client does not panic");
        }
    };
    tokio::time::timeout(Duration::from_secs(20), all)
        .await
        .expect("100 clients are echoed within 20 s");
    let (report, stats) = server
        .thread
        .join()
        .expect("the server thread does not panic")
        .expect("the server has no I/O error");
    assert_eq!(report.served, CLIENTS);
    assert_eq!(report.max_open, CLIENTS, "all 100 were open at once");
    assert_eq!(report.threads, 1, "every connection ran on one thread");
    let per_client = "hello from 00\n".len() + "bye from 00\n".len();
    assert_eq!(report.bytes, CLIENTS * per_client);
    assert!(stats.io_wakes > 0, "the reactor woke the tasks");
}

/// A tokio client: hello, its echo, wait for every other client to get
/// that far (so all 100 connections are open together), then bye.
async fn hello_wait_bye(
    addr: std::net::SocketAddr,
    i: usize,
    barrier: std::sync::Arc<tokio::sync::Barrier>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    for message in
        [format!("hello from {i:02}\n"), format!("bye from {i:02}\n")]
    {
        stream.write_all(message.as_bytes()).await.unwrap();
        let mut echoed = vec![0; message.len()];
        stream.read_exact(&mut echoed).await.unwrap();
        assert_eq!(echoed, message.as_bytes());
        if message.starts_with("hello") {
            barrier.wait().await;
        }
    }
}

#[test]
fn server_and_clients_share_one_thread() {
    let _guard = realtime_lock();
    let (report, intact, stats) =
        echo::server_and_clients(50).expect("no I/O error");
    assert_eq!(intact, 50, "every client got its message back");
    assert_eq!(report.served, 50);
    assert_eq!(report.threads, 1);
    assert_eq!(stats.spawned, 1 + 50 + 50, "server, clients, handlers");
}

#[test]
fn a_span_shows_the_blocking_task_busy_and_the_sleeping_one_idle() {
    let _guard = realtime_lock();
    let output = lesson_11_internals::spans::traced(ms(50));
    let time = |name, which| {
        lesson_11_internals::spans::span_time(&output, name, which)
            .unwrap_or_else(|| {
                panic!("no time.{which} for {name} in:\n{output}")
            })
    };
    assert!(time("blocker", "busy") >= ms(50), "{output}");
    assert!(time("sleeper", "idle") >= ms(50), "{output}");
    assert!(
        time("sleeper", "busy") < time("blocker", "busy"),
        "{output}"
    );
}
