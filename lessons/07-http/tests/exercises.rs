//! Exercise tests for lesson 07, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every test talks to its own test server on 127.0.0.1 and proves what it
//! can from the server's counts (requests, connections, in flight,
//! abandoned); the few clock checks hold `realtime_lock`. Every wait has a
//! limit, so a wrong answer fails with a message instead of hanging.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use kit::grade::within;
use kit::timing::{
    fmt_duration, measure, ms, realtime_lock, realtime_upper_bound, secs,
};
use lesson_07_http::errors::closed_port_url;
use lesson_07_http::http2::http2_client;
use reqwest::Client;
use test_server::TestServer;

/// Waits until `condition` holds; after `limit`, fails with `message`.
async fn wait_until(
    limit: Duration,
    message: &str,
    condition: impl Fn() -> bool,
) {
    let waited = tokio::time::timeout(limit, async {
        while !condition() {
            tokio::time::sleep(ms(1)).await;
        }
    })
    .await;
    if waited.is_err() {
        panic!("{message}");
    }
}

/// Runs `test` on a current-thread runtime of its own while the test
/// server runs on another, so that the test's runtime counts only the
/// tasks of the code under test (and of its client).
fn with_server_apart<F, Fut>(test: F)
where
    F: FnOnce(Arc<TestServer>) -> Fut,
    Fut: Future<Output = ()>,
{
    let server_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime for the test server");
    let server = server_runtime
        .block_on(TestServer::start())
        .expect("the test server starts");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the test");
    runtime.block_on(test(Arc::new(server)));
}

/// Awaits `fut` and returns its output and the most tasks that were alive
/// at once on this runtime meanwhile, beyond those alive before it began.
async fn most_tasks_alive_during<F: Future>(fut: F) -> (F::Output, usize) {
    let metrics = tokio::runtime::Handle::current().metrics();
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = tokio::spawn({
        let (stop, metrics) = (stop.clone(), metrics.clone());
        async move {
            let mut most = 0;
            while !stop.load(Ordering::SeqCst) {
                most = most.max(metrics.num_alive_tasks());
                tokio::time::sleep(ms(1)).await;
            }
            most
        }
    });
    tokio::task::yield_now().await;
    let before = metrics.num_alive_tasks(); // the sampler, the client's own
    let out = fut.await;
    stop.store(true, Ordering::SeqCst);
    let most = sampler.await.expect("the task counter ran");
    (out, most.saturating_sub(before))
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: fetch_users, id: "07-fetch-users";

    #[tokio::test]
    async fn five_slow_users_are_in_flight_together_in_input_order() {
        let server = TestServer::start().await.expect("the test server starts");
        let names = ["ada", "grace", "linus", "barbara", "ken"];
        let urls: Vec<String> = names
            .iter()
            .map(|n| server.url(&format!("/users/{n}?delay_ms=100")))
            .collect();
        let client = http2_client().expect("an HTTP/2 client");
        let users = within("fetch_users of five 100 ms users", secs(5),
            subject::fetch_users(&client, &urls))
            .await
            .expect("every user answers 200, so fetch_users should return Ok");
        let got: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(got, names,
            "the names of the users fetch_users returned should follow the order of the URLs");
        assert_eq!(users[0].greeting, "hello, ada",
            "the first user's greeting, from the JSON the server sent");
        let in_flight = server.max_in_flight();
        assert_eq!(in_flight, 5,
            "the most requests in flight at once was {in_flight}; all 5 should be \
             (send them together, not one after another)");
        let connections = server.connections();
        assert_eq!(connections, 1,
            "the server saw {connections} connections for 5 requests; use the client \
             you are given (not a new Client or reqwest::get per request): its one \
             HTTP/2 connection carries them all");
    }

    #[tokio::test]
    async fn an_error_status_is_an_error() {
        let server = TestServer::start().await.expect("the test server starts");
        let urls = vec![server.url("/users/ada"), server.url("/status/404")];
        let result = within("fetch_users", secs(5),
            subject::fetch_users(&Client::new(), &urls)).await;
        let err = result.expect_err(
            "fetch_users returned Ok for a list with a 404 in it: an error status \
             must be an error (error_for_status)");
        let status = err.status().map(|s| s.as_u16());
        assert_eq!(status, Some(404),
            "the error for a 404 carried the status {status:?}; it should be the 404 \
             itself (error_for_status, before reading the body as a User), not {err}");
    }

    #[tokio::test]
    async fn no_urls_sends_nothing() {
        let server = TestServer::start().await.expect("the test server starts");
        let users = within("fetch_users of no URLs", secs(5),
            subject::fetch_users(&Client::new(), &[]))
            .await
            .expect("no URLs: fetch_users should return Ok with no users");
        assert!(users.is_empty(), "no URLs gave {} users, not none", users.len());
        let requests = server.requests();
        assert_eq!(requests, 0, "no URLs sent {requests} requests, not none");
    }
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: status_capped, id: "07-status-capped";

    #[tokio::test]
    async fn a_cap_of_one_is_one_at_a_time() {
        let server = TestServer::start().await.expect("the test server starts");
        let urls: Vec<String> = (0..5).map(|_| server.url("/json?delay_ms=20")).collect();
        let outcomes = within("statuses_capped of five 20 ms requests", secs(5),
            subject::statuses_capped(&Client::new(), &urls, 1, secs(5))).await;
        let in_flight = server.max_in_flight();
        assert_eq!(in_flight, 1,
            "the most requests in flight at once was {in_flight}, the cap was 1");
        assert_eq!(outcomes, vec![subject::Outcome::Status(200); 5],
            "five requests to /json should each come back Status(200)");
    }

    #[tokio::test]
    async fn a_hanging_request_times_out_and_is_abandoned() {
        let server = TestServer::start().await.expect("the test server starts");
        let urls = vec![server.url("/delay/5000")];
        let client = Client::new();
        let run = subject::statuses_capped(&client, &urls, 2, ms(200));
        let Ok(outcomes) = tokio::time::timeout(secs(2), run).await else {
            panic!("a request that takes 5 s was still running after 2 s, with 200 ms \
                    allowed per request: put each request under a timeout");
        };
        assert_eq!(outcomes, [subject::Outcome::TimedOut],
            "a request that takes 5 s, with 200 ms allowed, should come back TimedOut");
        wait_until(secs(5),
            "the server never saw the timed-out request abandoned: drop it when its \
             time is up",
            || server.abandoned() == 1).await;
    }

    #[tokio::test]
    async fn a_slow_request_does_not_hold_up_the_rest() {
        let server = TestServer::start().await.expect("the test server starts");
        let mut urls = vec![server.url("/delay/5000")];
        urls.extend((0..10).map(|_| server.url("/json?delay_ms=20")));
        let client = Client::new();
        let run = subject::statuses_capped(&client, &urls, 2, secs(10));
        // One slot holds the 5 s request; the other runs the ten quick ones
        // one after another: about 0.2 s. Waiting for a whole batch would not.
        let quick_ones = wait_until(
            secs(2),
            "after 2 s the ten quick requests beside a 5 s one were not all done: a \
             slot that frees up must be refilled at once, not after the whole batch",
            || server.finished() == 10,
        );
        tokio::select! {
            _ = run => panic!("statuses_capped returned before its 5 s request could \
                               have finished"),
            () = quick_ones => {}
        }
        let finished = server.finished();
        assert_eq!(finished, 10,
            "{finished} requests finished; only the slow one should be left");
    }

    #[tokio::test]
    async fn outcomes_come_back_in_input_order() {
        use subject::Outcome::{NoAnswer, Status};
        let server = TestServer::start().await.expect("the test server starts");
        let urls = vec![
            server.url("/status/500?delay_ms=80"),
            server.url("/status/404"),
            closed_port_url().await.expect("a closed port"),
            server.url("/status/201?delay_ms=20"),
            server.url("/json"),
        ];
        let outcomes = within("statuses_capped", secs(5),
            subject::statuses_capped(&Client::new(), &urls, 2, secs(5))).await;
        assert_eq!(outcomes, [Status(500), Status(404), NoAnswer, Status(201), Status(200)],
            "the outcomes should follow the URLs (a slow 500, a 404, a closed port, \
             a 201, a 200), not the order the requests finished in");
    }

    #[test]
    fn the_requests_run_in_at_most_cap_tasks() {
        with_server_apart(|server| async move {
            let client = Client::builder().http1_only().build().expect("an HTTP/1.1 client");
            // The client's connections, and their tasks, exist before counting.
            let warm = (0..3).map(|_| client.get(server.url("/json?delay_ms=20")).send());
            for answer in futures::future::join_all(warm).await {
                answer.expect("a first request");
            }
            let urls: Vec<String> = (0..30).map(|_| server.url("/json?delay_ms=50")).collect();
            let (outcomes, tasks) = most_tasks_alive_during(within(
                "statuses_capped of thirty 50 ms requests", secs(5),
                subject::statuses_capped(&client, &urls, 3, secs(5)))).await;
            assert!(tasks <= 3,
                "the most tasks of yours alive at once was {tasks}, the cap was 3: take \
                 the permit before you spawn, so that no more than 3 tasks exist");
            assert!(tasks == 3,
                "the most tasks of yours alive at once was {tasks}, with a cap of 3: run \
                 each request in a task of its own (spawn it), 3 at a time");
            assert_eq!(outcomes, vec![subject::Outcome::Status(200); 30],
                "thirty requests to /json should each come back Status(200)");
        });
    }

    #[tokio::test]
    async fn twenty_requests_under_a_cap_of_four_reach_exactly_four_in_flight() {
        let server = TestServer::start().await.expect("the test server starts");
        let urls: Vec<String> = (0..20).map(|_| server.url("/json?delay_ms=30")).collect();
        let outcomes = within("statuses_capped of twenty 30 ms requests", secs(5),
            subject::statuses_capped(&Client::new(), &urls, 4, secs(5))).await;
        let in_flight = server.max_in_flight();
        assert!(in_flight <= 4,
            "the most requests in flight at once was {in_flight}, the cap was 4");
        assert_eq!(in_flight, 4,
            "the most requests in flight at once was {in_flight}, with a cap of 4: use \
             all 4 slots");
        assert_eq!(outcomes, vec![subject::Outcome::Status(200); 20],
            "twenty requests to /json should each come back Status(200)");
    }
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: retry_deadline, id: "07-retry-deadline";

    #[tokio::test]
    async fn flaky_answers_on_the_fourth_try() {
        let server = TestServer::start().await.expect("the test server starts");
        let url = server.url("/flaky?key=t&fail=3");
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline: secs(5) };
        let (json, attempts) = within("get_with_retry", secs(10),
            subject::get_with_retry(&Client::new(), &url, policy)).await
            .expect("/flaky?fail=3 answers 503 three times, then 200: the fourth \
                     try should succeed (503 is worth retrying)");
        let requests = server.requests();
        assert_eq!(requests, 4, "the server saw {requests} requests; it should see exactly \
            one per try, 4 in all");
        assert_eq!(attempts, 4, "get_with_retry reported {attempts} attempts; the server \
            answered on the fourth");
        assert_eq!(json["attempt"], 4, "the JSON returned should be the fourth answer's, \
            it was {json}");
    }

    #[tokio::test]
    async fn a_404_is_not_retried() {
        let server = TestServer::start().await.expect("the test server starts");
        let url = server.url("/status/404");
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline: secs(1) };
        let outcome = within("get_with_retry", secs(10),
            subject::get_with_retry(&Client::new(), &url, policy)).await;
        let requests = server.requests();
        assert_eq!(requests, 1,
            "a 404 was sent {requests} times: it will be a 404 again, so give up at \
             once (retry only 429, 500, 502, 503, 504 and no answer)");
        let gave_up = outcome.expect_err("a 404 should give up, not return Ok");
        assert_eq!(gave_up, subject::GaveUp { attempts: 1, status: Some(404) },
            "after one 404 get_with_retry should give up with that status");
    }

    #[tokio::test]
    async fn a_wait_that_would_pass_the_deadline_is_not_slept() {
        let _guard = realtime_lock();
        let server = TestServer::start().await.expect("the test server starts");
        let url = server.url("/status/503");
        // The first wait is 0.5 to 1 s: it can never end before 300 ms.
        let policy = subject::Policy { base: secs(1), max_wait: secs(1), deadline: ms(300) };
        let (outcome, took) = measure(within("get_with_retry", secs(10),
            subject::get_with_retry(&Client::new(), &url, policy))).await;
        assert!(took < ms(300),
            "get_with_retry gave up after {}, past its 300 ms deadline: the wait after \
             the first 503 (0.5 to 1 s) could never end in time, so give up at once \
             instead of sleeping past the deadline",
            fmt_duration(took));
        let gave_up = outcome.expect_err("an endless 503 should give up, not return Ok");
        assert_eq!(gave_up, subject::GaveUp { attempts: 1, status: Some(503) },
            "with no time left for a wait, get_with_retry should give up after the \
             first try with its 503");
    }

    #[tokio::test]
    async fn an_endless_503_backs_off_and_gives_up_by_the_deadline() {
        let _guard = realtime_lock();
        let server = TestServer::start().await.expect("the test server starts");
        let url = server.url("/status/503");
        let deadline = ms(600);
        let policy = subject::Policy { base: ms(20), max_wait: secs(1), deadline };
        let (outcome, took) = measure(within("get_with_retry", secs(10),
            subject::get_with_retry(&Client::new(), &url, policy))).await;
        let gave_up = outcome.expect_err("an endless 503 should give up, not return Ok");
        // Waits of 10-20, 20-40, 40-80, 80-160, 160-320 ms fit 5 or 6 tries
        // in 600 ms; a fixed 20 ms wait would fit about 30.
        assert!((2..=8).contains(&gave_up.attempts),
            "{} tries in 600 ms with a first wait of 10 to 20 ms: 2 to 8 fit if the \
             wait doubles after each failure (backoff)", gave_up.attempts);
        // Some(503) from the last answer, or None if the deadline cut the
        // last try short (a slow machine may start one just before it).
        assert!(matches!(gave_up.status, Some(503) | None),
            "gave up with the status {:?}; the server only answered 503", gave_up.status);
        // The server saw every try (but perhaps one cut short on its way).
        let (seen, tries) = (server.requests(), u64::from(gave_up.attempts));
        assert!(seen == tries || seen + 1 == tries,
            "get_with_retry reported {tries} tries, the server saw {seen} requests");
        let bound = realtime_upper_bound(deadline);
        assert!(took <= bound,
            "get_with_retry gave up after {}, the deadline was 600 ms (the test allows {})",
            fmt_duration(took), fmt_duration(bound));
    }

    #[tokio::test]
    async fn no_answer_is_worth_another_try() {
        let url = closed_port_url().await.expect("a closed port");
        let policy = subject::Policy { base: ms(10), max_wait: ms(50), deadline: ms(300) };
        let outcome = within("get_with_retry", secs(10),
            subject::get_with_retry(&Client::new(), &url, policy)).await;
        let gave_up = outcome.expect_err("nothing listens there: get_with_retry must give up");
        assert!(gave_up.attempts >= 2,
            "a refused connection was tried {} time(s): no answer is worth another try",
            gave_up.attempts);
        assert_eq!(gave_up.status, None,
            "no answer came, so the status should be None, not {:?}", gave_up.status);
    }

    #[tokio::test]
    async fn the_deadline_cuts_a_hanging_try_short() {
        let _guard = realtime_lock();
        let server = TestServer::start().await.expect("the test server starts");
        let url = server.url("/delay/5000");
        let deadline = ms(300);
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline };
        let client = Client::new();
        let run = tokio::time::timeout(secs(2),
            subject::get_with_retry(&client, &url, policy));
        let (outcome, took) = measure(run).await;
        let Ok(outcome) = outcome else {
            panic!("get_with_retry was still waiting for a 5 s answer after 2 s, with a \
                    deadline of 300 ms: run each try under timeout_at(the deadline)");
        };
        let bound = realtime_upper_bound(deadline);
        assert!(took >= deadline && took <= bound,
            "get_with_retry gave up on a 5 s answer after {}; the deadline was 300 ms \
             (the test allows 300 ms to {})", fmt_duration(took), fmt_duration(bound));
        let gave_up = outcome.expect_err("a 5 s answer under a 300 ms deadline must give up");
        assert_eq!(gave_up, subject::GaveUp { attempts: 1, status: None },
            "the deadline cut the only try short, with no answer");
        wait_until(secs(5),
            "the server never saw the hanging request abandoned: drop it at the deadline",
            || server.abandoned() == 1).await;
    }
}
