//! Every workload does its job at a small size: the right counts, the
//! right sums, no errors. Nothing here asserts a speed: the benchmark
//! program measures speeds; these tests prove the programs it times are
//! correct.

use std::sync::Arc;
use std::time::Duration;

use lesson_16_performance::fanout::{self, Proto};
use lesson_16_performance::stats::{Samples, pairwise_ratios};
use lesson_16_performance::{coord, cpu, fold, memory, settle};
use test_server::TestServer;

const DELAY: Duration = Duration::from_millis(10);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_async_fanout_gets_every_answer() {
    let server = TestServer::start().await.unwrap();
    let url = fanout::delay_url(&server.base_url(), DELAY);
    for proto in [Proto::Http1, Proto::Http2] {
        let client = fanout::client(proto);
        assert_eq!(fanout::fan_out(&client, &url, 40, 40).await.unwrap(), 40);
        assert_eq!(fanout::fan_out(&client, &url, 40, 7).await.unwrap(), 40);
    }
    assert_eq!(fanout::fan_out_bare_h2(&url, 40).await.unwrap(), 40);
    assert_eq!(server.requests(), 40 * 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn try_fold_sums_the_bodies_and_stops_at_the_first_error() {
    let server = TestServer::start().await.unwrap();
    let client = fanout::client(Proto::Http1);
    let mut urls: Vec<String> =
        (0..10).map(|_| server.url("/bytes/1000")).collect();
    let total = fold::total_bytes(&client, &urls, 4).await.unwrap();
    assert_eq!(total, 10_000);
    let sent = server.requests();
    assert_eq!(sent, 10);

    urls[2] = server.url("/status/503");
    let err = fold::total_bytes(&client, &urls, 1).await.unwrap_err();
    assert!(err.to_string().contains("503"), "{err}");
    // One at a time: the two before it and the failing one; none after.
    assert_eq!(server.requests() - sent, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn h2c_uses_one_connection_and_http1_many() {
    let server = TestServer::start().await.unwrap();
    // Long enough that all 20 requests are in flight together, even on a
    // busy machine.
    let delay = Duration::from_millis(300);
    let url = fanout::delay_url(&server.base_url(), delay);
    let h2 = fanout::client(Proto::Http2);
    // One request first: twenty that start before any connection exists
    // could race to open one each.
    fanout::fan_out(&h2, &url, 1, 1).await.unwrap();
    fanout::fan_out(&h2, &url, 20, 20).await.unwrap();
    assert_eq!(server.connections(), 1, "h2c: every request on one");
    let h1 = fanout::client(Proto::Http1);
    fanout::fan_out(&h1, &url, 20, 20).await.unwrap();
    let h1_connections = server.connections() - 1;
    // One per request in flight; a request that ends early may hand its
    // connection to one that starts late, so "most of 20", not exactly 20.
    assert!(
        (10..=20).contains(&h1_connections),
        "HTTP/1.1 opened {h1_connections} connections for 20 requests"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_answer_is_an_error() {
    let server = TestServer::start().await.unwrap();
    let client = fanout::client(Proto::Http1);
    let err = fanout::fan_out(&client, &server.url("/status/503"), 3, 3)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("503"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_clients_get_every_answer() {
    let server = TestServer::start().await.unwrap();
    let url = fanout::delay_url(&server.base_url(), DELAY);
    let got = tokio::task::spawn_blocking(move || {
        let seq = fanout::sequential_blocking(&url, 5).unwrap();
        let pool = fanout::thread_pool(&url, 40, 8).unwrap();
        (seq, pool)
    })
    .await
    .unwrap();
    assert_eq!(got, (5, 40));
    assert_eq!(server.requests(), 45);
}

#[test]
fn the_ideal_counts_rounds() {
    let d = Duration::from_millis(100);
    assert_eq!(fanout::ideal(10_000, 10_000, d), d);
    assert_eq!(fanout::ideal(1_000, 32, d), d * 32); // ⌈1000 / 32⌉ = 32
    assert_eq!(fanout::ideal(100, 1, d), d * 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_tasks_all_finish() {
    let found = memory::idle_tasks(2_000, DELAY).await;
    assert_eq!(found.tasks, 2_000);
    assert!(found.wall_secs >= DELAY.as_secs_f64());
}

#[test]
fn idle_threads_all_start_and_finish() {
    let found = memory::idle_threads(8).unwrap();
    assert_eq!(found.threads, 8);
    assert!(found.reserved_per_thread > 0.0, "each has a stack");
}

#[cfg(target_os = "linux")]
#[test]
fn peak_memory_is_plausible_and_keeps_the_high_point() {
    let now = memory::resident_bytes();
    let peak = memory::peak_resident_bytes();
    // A test binary holds at least 1 MiB, and far less than 1 TiB.
    assert!((1 << 20..1 << 40).contains(&peak), "peak {peak} bytes");
    assert!(peak >= now, "peak {peak} below resident {now}");
    // 64 MiB, every page written, then freed: the peak remembers it.
    let before = memory::resident_bytes();
    let block = vec![1_u8; 64 << 20];
    std::hint::black_box(&block);
    drop(block);
    let after = memory::peak_resident_bytes();
    // Half the block as margin: other tests run in this process too.
    assert!(
        after >= before + (32 << 20),
        "peak {after} bytes, resident before the block {before}"
    );
}

#[test]
fn resident_memory_is_read() {
    assert!(memory::resident_bytes() > 0, "VmRSS from /proc/self/status");
}

#[test]
fn every_checksum_way_agrees() {
    let bytes = cpu::buffer(cpu::CHUNK * 5 + 123);
    let expected = cpu::checksum(&bytes);
    assert_eq!(cpu::checksum_parallel(&bytes), expected);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let shared = Arc::new(bytes.clone());
    assert_eq!(runtime.block_on(cpu::in_spawn_blocking(shared)), expected);
    assert_eq!(runtime.block_on(cpu::on_runtime_thread(&bytes)), expected);
}

#[test]
fn fnv1a_matches_the_reference_values() {
    // From the FNV specification's test vectors.
    assert_eq!(cpu::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(cpu::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
}

#[tokio::test]
async fn the_channel_delivers_every_message() {
    let n = 10_000;
    assert_eq!(coord::channel_sum(n, 16).await, n * (n - 1) / 2);
}

#[tokio::test]
async fn locks_count_every_round() {
    assert_eq!(coord::std_mutex_rounds(1_000), 1_000);
    assert_eq!(coord::tokio_mutex_rounds(1_000).await, 1_000);
}

#[test]
fn samples_give_median_min_max() {
    let odd = Samples(vec![3.0, 1.0, 2.0]);
    assert_eq!((odd.median(), odd.min(), odd.max()), (2.0, 1.0, 3.0));
    let even = Samples(vec![4.0, 1.0, 3.0, 2.0]);
    assert_eq!(even.median(), 2.5);
    assert!(Samples::default().median().is_nan());
}

#[test]
fn ratios_are_taken_round_by_round() {
    // Round 2 was slow for both: its ratio is the same as round 1's.
    let python = Samples(vec![5.0, 10.0, 5.5]);
    let rust = Samples(vec![0.5, 1.0, 0.5]);
    let ratios = pairwise_ratios(&python, &rust);
    assert_eq!(ratios, Samples(vec![10.0, 10.0, 11.0]));
    assert_eq!(ratios.median(), 10.0);
}

#[test]
fn the_base_of_a_url_is_scheme_host_and_port() {
    let base = settle::base_of("http://127.0.0.1:8080/delay/100");
    assert_eq!(base, "http://127.0.0.1:8080");
    assert_eq!(settle::base_of("http://127.0.0.1:8080"), base);
}

#[test]
fn the_port_reuse_delay_is_the_kernels_setting_or_one_second() {
    let setting = "/proc/sys/net/ipv4/tcp_tw_reuse_delay";
    let expected = match std::fs::read_to_string(setting) {
        Ok(ms) => Duration::from_millis(ms.trim().parse().unwrap()),
        Err(_) => Duration::from_secs(1),
    };
    assert_eq!(settle::port_reuse_delay(), expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settling_waits_for_the_server_to_close_every_connection() {
    let server = TestServer::start().await.unwrap();
    let base = server.base_url();
    let client = fanout::client(Proto::Http1);
    let url = fanout::delay_url(&base, DELAY);
    fanout::fan_out(&client, &url, 20, 20).await.unwrap();
    // The client keeps its 20 connections open, idle: settling must wait.
    let (done, settled) = std::sync::mpsc::channel();
    let waiting = std::thread::spawn(move || {
        let result = settle::wait_for_closed(&base);
        done.send(()).unwrap();
        result
    });
    let early = settled.recv_timeout(Duration::from_millis(300));
    assert!(early.is_err(), "settled with 20 connections still open");
    drop(client); // now they close
    tokio::task::spawn_blocking(move || waiting.join().unwrap())
        .await
        .unwrap()
        .unwrap();
    // Only the settling's own look at /stats may still be open.
    assert!(server.open_connections() <= 1);
}

#[test]
fn a_run_of_many_connections_first_waits_for_the_ports() {
    let many = settle::MANY_CONNECTIONS;
    let ((), few_waited) = kit::timing::measure_blocking(|| {
        settle::before_connecting(many - 1);
    });
    let ((), many_waited) = kit::timing::measure_blocking(|| {
        settle::before_connecting(many);
    });
    let delay = settle::port_reuse_delay();
    assert!(
        few_waited < delay,
        "{few_waited:?} for {} connections",
        many - 1
    );
    assert!(
        many_waited >= delay,
        "{many_waited:?} for {many} connections"
    );
}
