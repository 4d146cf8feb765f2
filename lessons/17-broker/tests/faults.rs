//! Bad input and faults: the program's answers to a wrong argument and to
//! a broker that is not there, and workers that live through a broker
//! restart.

use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream;
use kit::timing::realtime_shared;
use lesson_17_broker::server::{OwnServer, binary_installed};
use lesson_17_broker::worker::{self, AckWhen, Plan};
use lesson_17_broker::{produce, queue, results, server};
use tokio_util::sync::CancellationToken;

const EXE: &str = env!("CARGO_BIN_EXE_lesson-17-broker");

#[test]
fn an_unreachable_broker_is_a_clear_one_line_error() {
    let out = Command::new(EXE)
        .env("NATS_URL", "nats://127.0.0.1:1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .starts_with("error: cannot connect to NATS at nats://127.0.0.1:1"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unknown_argument_exits_2() {
    let out = Command::new(EXE).arg("--frobnicate").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("unexpected argument '--frobnicate'"),
        "{stderr}"
    );
}

#[test]
fn help_says_what_the_tour_shows() {
    let out = Command::new(EXE).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for words in ["max_ack_pending", "SIGTERM", "worker", "bench", "NATS_URL"] {
        assert!(
            help.contains(words),
            "--help does not mention {words}:\n{help}"
        );
    }
}

/// A private server, or `None` with a message (a failure when servers are
/// required).
fn own_server() -> Option<OwnServer> {
    if !binary_installed() {
        let required =
            std::env::var("COURSE_REQUIRE_SERVERS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "COURSE_REQUIRE_SERVERS=1 but nats-server is not installed"
        );
        eprintln!("skipped: install nats-server to run this test");
        return None;
    }
    Some(OwnServer::start().expect("starting nats-server"))
}

/// A client whose publishes give up on a lost ack after half a second
/// (async-nats waits 5 s): a publish in flight when the broker dies is
/// retried sooner. The message ids make the retry harmless either way.
async fn impatient(url: &str) -> jetstream::Context {
    let mut js = queue::connect(url).await.unwrap();
    js.set_timeout(Duration::from_millis(500));
    js
}

// The broker is killed (SIGKILL) and started again on the same port and
// store while a producer publishes and three workers work. The clients
// reconnect; the producer's retries and the workers' redeliveries are
// made harmless by the message ids; no job is lost.
#[tokio::test]
async fn workers_survive_a_broker_restart_and_lose_no_job() {
    let _timing = realtime_shared(); // it only waits, on its own server
    let Some(mut broker) = own_server() else {
        return;
    };
    let url = broker.url();
    let js = impatient(&url).await;
    let names = queue::Names::new(&server::unique("L17_restart"));
    let setup = queue::Setup::default();
    queue::create(&js, &names, setup).await.unwrap();
    let stop = CancellationToken::new();
    let mut workers = Vec::new();
    for w in 0..3 {
        let plan = Plan {
            name: format!("w{w}"),
            work: Duration::from_millis(5),
            capacity: 10,
            ack: AckWhen::After,
        };
        let js = impatient(&url).await;
        let report: worker::Report = Arc::new(|_| {});
        let run = worker::run(js, names.clone(), plan, stop.clone(), report);
        workers.push(tokio::spawn(run));
    }
    let producer = {
        let (js, names) = (js.clone(), names.clone());
        tokio::spawn(async move {
            for id in 0..300 {
                produce::publish_retrying(&js, &names, id).await;
                tokio::time::sleep(Duration::from_millis(3)).await;
            }
        })
    };
    let before =
        results::wait_for(&js, &names, 60, Duration::from_secs(20)).await;
    assert!(before >= 60, "work started ({before} results)");
    broker.stop();
    tokio::time::sleep(Duration::from_millis(300)).await;
    broker.restart().unwrap();
    producer.await.unwrap();
    let done =
        results::wait_for(&js, &names, 300, Duration::from_secs(30)).await;
    stop.cancel();
    for w in workers {
        w.await.unwrap().unwrap();
    }
    let ids = results::ids(&js, &names).await.unwrap();
    queue::delete(&js, &names).await;
    assert_eq!(done, 300);
    assert_eq!(ids, (0..300).collect::<Vec<_>>(), "every job recorded once");
}
