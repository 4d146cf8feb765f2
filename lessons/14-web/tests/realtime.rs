//! Real-clock claims over real HTTP: the background mail, the graceful
//! shutdown, requests overlapping. Each only waits (on its own server, on
//! port 0), so each takes `realtime_shared`: side by side, never beside a
//! test that measures CPU.

mod common;

use common::{Options, TestApp};
use kit::timing::{
    assert_realtime_between, measure, ms, realtime_shared, secs,
};
use lesson_14_web::Stopped;
use reqwest::StatusCode;
use tokio::time::{Instant, sleep, timeout};

/// Polls `ready` every 5 ms until it holds; fails after 10 s saying `what`.
async fn eventually(what: &str, ready: impl Fn() -> bool) {
    timeout(secs(10), async {
        while !ready() {
            sleep(ms(5)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("waited 10 s for {what}"));
}

// claim: web/background-task
#[tokio::test]
async fn claim_web_background_task() {
    let _guard = realtime_shared();
    let app = TestApp::start(Options {
        mail: secs(2),
        ..Options::default()
    })
    .await;
    let start = Instant::now();
    let response = app.signup("Ann", "ann@example.com").await;
    let answered = start.elapsed();
    assert_eq!(response.status(), StatusCode::CREATED);
    // Answered before the 2 s mail is done: it is still being sent.
    assert!(
        answered < secs(1),
        "signup took {answered:?}; it should not wait for the mail"
    );
    assert_eq!(
        app.state.mailer.sent(),
        [],
        "no mail sent yet when the answer came"
    );
    assert_eq!(app.state.mailer.sending(), 1);

    // Shutting down waits for it: the mail completes.
    let mailer = app.state.mailer.clone();
    assert_eq!(app.stop().await, Stopped::Clean);
    let sent = mailer.sent();
    assert_eq!(sent.len(), 1, "the welcome mail was sent");
    assert_eq!(sent[0].to, "ann@example.com");
    assert!(start.elapsed() >= secs(2), "the mail takes its 2 s");
}

// claim: web/shutdown-finishes-inflight
#[tokio::test]
async fn claim_web_shutdown_finishes_inflight() {
    let _guard = realtime_shared();
    let mut app = TestApp::start(Options {
        db_latency: secs(1),
        ..Options::default()
    })
    .await;
    // A request that spends 1 s in the database…
    let request = tokio::spawn(app.http.get(app.url("/users")).send());
    eventually("the request to reach the database", || {
        app.state.db.queries_in_flight() == 1
    })
    .await;
    // …is in flight when the shutdown begins.
    app.begin_shutdown();
    // New connections are refused from then on.
    let addr = app.addr;
    timeout(secs(5), async {
        while tokio::net::TcpStream::connect(addr).await.is_ok() {
            sleep(ms(5)).await;
        }
    })
    .await
    .expect("the listener should close soon after the shutdown began");
    assert_eq!(
        app.state.db.queries_in_flight(),
        1,
        "refused while the old request still runs"
    );

    // The request in flight completes normally.
    let response = request
        .await
        .unwrap()
        .expect("the in-flight request gets its answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "[]");
    assert_eq!(app.stop().await, Stopped::Clean);
}

#[tokio::test]
async fn the_drain_deadline_bounds_a_stuck_request() {
    let _guard = realtime_shared();
    let app = TestApp::start(Options {
        db_latency: secs(30),
        deadline: ms(300),
        ..Options::default()
    })
    .await;
    let _request = tokio::spawn(app.http.get(app.url("/users")).send());
    eventually("the request to reach the database", || {
        app.state.db.queries_in_flight() == 1
    })
    .await;
    // `serve` gives up on it after the deadline (300 ms for the request,
    // 300 ms more for the pool it holds a connection of), not after 30 s.
    let (stopped, took) = measure(app.stop()).await;
    assert_eq!(stopped, Stopped::DeadlinePassed);
    assert!(took >= ms(300) && took < secs(10), "stopped after {took:?}");
}

// claim: web/concurrent-requests-overlap
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_web_concurrent_requests_overlap() {
    let _guard = realtime_shared();
    // Every query holds one of 20 pooled connections for 50 ms.
    let app = TestApp::start(Options {
        pool: 20,
        db_latency: ms(50),
        ..Options::default()
    })
    .await;
    assert_eq!(
        app.signup("Ann", "ann@example.com").await.status(),
        StatusCode::CREATED
    );

    let hundred = || {
        let requests = (0..100).map(|_| async {
            let response =
                app.http.get(app.url("/users/1")).send().await.unwrap();
            response.status()
        });
        futures::future::join_all(requests)
    };
    // Warm up: open the 20 database connections and the HTTP connections.
    hundred().await;
    assert_eq!(app.state.db.connections(), 20);

    let (statuses, took) = measure(hundred()).await;
    assert!(statuses.iter().all(|s| *s == StatusCode::OK));
    // 100 requests, 20 at a time in the database: 5 rounds of 50 ms, so
    // never less than 250 ms. One after another they would take
    // 100 × 50 ms = 5 s. The upper bound is "a small multiple": 20 × 50 ms
    // = 1 s, which leaves room for the CPU time of 100 requests in a debug
    // build on a busy machine (measured up to 410 ms) and still rules out
    // anything sequential by a factor of five.
    assert_realtime_between(took, ms(250), secs(1));
    println!("100 concurrent requests, 50 ms each, pool of 20: {took:?}");
    app.stop().await;
}

/// The real binary, stopped the way a supervisor stops it.
#[tokio::test]
async fn the_binary_finishes_its_mail_on_sigterm_and_exits_0() {
    use tokio::io::{AsyncBufReadExt, BufReader};
    use tokio::process::Command;

    let _guard = realtime_shared();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lesson-14-web"))
        .args(["--port", "0", "--mail-ms", "500"])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("start the service");
    let mut log = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut said = Vec::new();
    let mut next_line = async || {
        let line = timeout(secs(10), log.next_line()).await;
        let line = line.expect("the service said nothing for 10 s");
        line.unwrap().expect("the service ended its output early")
    };
    // " INFO listening on http://127.0.0.1:PORT (database: ...)"
    let addr = loop {
        let line = next_line().await;
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split(' ').next().unwrap().to_string();
        }
        said.push(line);
    };
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/signup"))
        .json(&serde_json::json!({"name": "Ann", "email": "ann@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);

    let pid = child.id().unwrap().to_string();
    let kill = Command::new("kill").args(["-TERM", &pid]).status().await;
    assert!(kill.unwrap().success());
    loop {
        let line = next_line().await;
        let sent = line.contains("welcome mail sent to=ann@example.com");
        said.push(line);
        if sent {
            break;
        }
    }
    let status = timeout(secs(10), child.wait())
        .await
        .expect("the service should exit after its mail")
        .unwrap();
    assert_eq!(status.code(), Some(0), "{}", said.join("\n"));
}
