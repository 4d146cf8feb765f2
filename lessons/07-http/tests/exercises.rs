//! Exercise tests for lesson 07, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every test talks to its own test server on 127.0.0.1 and proves what it
//! can from the server's counts (requests, in flight, abandoned); the few
//! clock checks hold `realtime_lock`. Every wait has a limit, so a wrong
//! answer fails with a message instead of hanging.

use std::future::Future;
use std::time::Duration;

use kit::timing::{measure, ms, realtime_lock, realtime_upper_bound, secs};
use lesson_07_http::errors::closed_port_url;
use lesson_07_http::http2::http2_client;
use reqwest::Client;
use test_server::TestServer;

/// Awaits `fut`, failing the test if it takes longer than `limit`.
async fn within<F: Future>(limit: Duration, what: &str, fut: F) -> F::Output {
    tokio::time::timeout(limit, fut)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within {limit:?}"))
}

/// Waits until `condition` holds, failing with `what` after `limit`.
async fn wait_until(limit: Duration, what: &str, condition: impl Fn() -> bool) {
    within(limit, what, async {
        while !condition() {
            tokio::time::sleep(ms(1)).await;
        }
    })
    .await;
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: fetch_users, id: "07-fetch-users";

    #[tokio::test]
    async fn five_slow_users_are_in_flight_together_in_input_order() {
        let server = TestServer::start().await.unwrap();
        let names = ["ada", "grace", "linus", "barbara", "ken"];
        let urls: Vec<String> = names
            .iter()
            .map(|n| server.url(&format!("/users/{n}?delay_ms=100")))
            .collect();
        let client = http2_client().unwrap();
        let users = within(secs(10), "fetch_users", subject::fetch_users(&client, &urls))
            .await
            .expect("every user answers 200");
        let got: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(got, names, "users in the order of the URLs");
        assert_eq!(users[0].greeting, "hello, ada");
        assert_eq!(
            server.max_in_flight(),
            5,
            "all five requests should be in flight at once (concurrent, not one by one)"
        );
        assert_eq!(
            server.connections(),
            1,
            "use the client you are given: its one HTTP/2 connection carries them all"
        );
    }

    #[tokio::test]
    async fn an_error_status_is_an_error() {
        let server = TestServer::start().await.unwrap();
        let urls = vec![server.url("/users/ada"), server.url("/status/404")];
        let result = within(secs(10), "fetch_users", subject::fetch_users(&Client::new(), &urls)).await;
        let err = result.expect_err("a 404 must be an error (error_for_status)");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    }

    #[tokio::test]
    async fn no_urls_sends_nothing() {
        let server = TestServer::start().await.unwrap();
        let users = within(secs(10), "fetch_users", subject::fetch_users(&Client::new(), &[]))
            .await
            .unwrap();
        assert!(users.is_empty());
        assert_eq!(server.requests(), 0);
    }
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: status_capped, id: "07-status-capped";

    #[tokio::test]
    async fn twenty_requests_under_a_cap_of_four_reach_exactly_four_in_flight() {
        let server = TestServer::start().await.unwrap();
        let urls: Vec<String> = (0..20).map(|_| server.url("/json?delay_ms=30")).collect();
        let statuses = within(secs(10), "statuses_capped",
            subject::statuses_capped(&Client::new(), &urls, 4)).await;
        assert_eq!(statuses, vec![Some(200); 20]);
        assert!(server.max_in_flight() <= 4, "{} in flight at once: over the cap of 4", server.max_in_flight());
        assert_eq!(server.max_in_flight(), 4, "the cap of 4 should be used, not fewer");
    }

    #[tokio::test]
    async fn statuses_come_back_in_input_order_and_none_means_no_answer() {
        let server = TestServer::start().await.unwrap();
        let urls = vec![
            server.url("/status/500?delay_ms=80"),
            server.url("/status/404"),
            closed_port_url().await.unwrap(),
            server.url("/status/201?delay_ms=20"),
            server.url("/json"),
        ];
        let statuses = within(secs(10), "statuses_capped",
            subject::statuses_capped(&Client::new(), &urls, 2)).await;
        assert_eq!(statuses, [Some(500), Some(404), None, Some(201), Some(200)]);
    }

    #[tokio::test]
    async fn a_slow_request_does_not_hold_up_the_rest() {
        let server = TestServer::start().await.unwrap();
        let mut urls = vec![server.url("/delay/5000")];
        urls.extend((0..10).map(|_| server.url("/json?delay_ms=20")));
        let client = Client::new();
        let run = subject::statuses_capped(&client, &urls, 2);
        // One slot holds the 5 s request; the other runs the ten quick ones
        // one after another: about 0.2 s. Waiting for a whole batch would not.
        let quick_ones = wait_until(
            secs(2),
            "ten quick requests beside the slow one (a free slot must be refilled at once)",
            || server.finished() == 10,
        );
        tokio::select! {
            _ = run => panic!("returned before the 5 s request could have finished"),
            () = quick_ones => {}
        }
        assert_eq!(server.finished(), 10, "only the slow one is left");
    }

    #[tokio::test]
    async fn a_cap_of_one_is_one_at_a_time() {
        let server = TestServer::start().await.unwrap();
        let urls: Vec<String> = (0..5).map(|_| server.url("/json?delay_ms=10")).collect();
        let statuses = within(secs(10), "statuses_capped",
            subject::statuses_capped(&Client::new(), &urls, 1)).await;
        assert_eq!(statuses, vec![Some(200); 5]);
        assert_eq!(server.max_in_flight(), 1);
    }
}

kit::exercise_tests! {
    lesson: lesson_07_http, exercise: retry_deadline, id: "07-retry-deadline";

    #[tokio::test]
    async fn flaky_answers_on_the_fourth_try() {
        let server = TestServer::start().await.unwrap();
        let url = server.url("/flaky?key=t&fail=3");
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline: secs(5) };
        let (json, attempts) = within(secs(10), "get_with_retry",
            subject::get_with_retry(&Client::new(), &url, policy)).await
            .expect("the fourth try answers 200");
        assert_eq!(attempts, 4);
        assert_eq!(json["attempt"], 4);
        assert_eq!(server.requests(), 4, "exactly one request per try");
    }

    #[tokio::test]
    async fn a_404_is_not_retried() {
        let server = TestServer::start().await.unwrap();
        let url = server.url("/status/404");
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline: secs(5) };
        let outcome = within(secs(10), "get_with_retry",
            subject::get_with_retry(&Client::new(), &url, policy)).await;
        assert_eq!(outcome.unwrap_err(), subject::GaveUp { attempts: 1, status: Some(404) });
        assert_eq!(server.requests(), 1, "a 404 will be a 404 again: do not retry it");
    }

    #[tokio::test]
    async fn an_endless_503_backs_off_and_gives_up_by_the_deadline() {
        let _guard = realtime_lock();
        let server = TestServer::start().await.unwrap();
        let url = server.url("/status/503");
        let deadline = ms(600);
        let policy = subject::Policy { base: ms(20), max_wait: secs(1), deadline };
        let (outcome, took) = measure(within(secs(10), "get_with_retry",
            subject::get_with_retry(&Client::new(), &url, policy))).await;
        let gave_up = outcome.unwrap_err();
        // Some(503) from the last answer, or None if the deadline cut the
        // last try short (a slow machine may start one just before it).
        assert!(matches!(gave_up.status, Some(503) | None), "gave up with {:?}", gave_up.status);
        // Waits of 10-20, 20-40, 40-80, 80-160, 160-320 ms fit 5 or 6 tries
        // in 600 ms; a fixed 20 ms wait would fit about 30.
        assert!((2..=8).contains(&gave_up.attempts),
            "{} tries in 600 ms: the wait should double after each failure", gave_up.attempts);
        // The server saw every try (but perhaps one cut short on its way).
        let (seen, tries) = (server.requests(), u64::from(gave_up.attempts));
        assert!(seen == tries || seen + 1 == tries, "{tries} tries, {seen} requests");
        assert!(took <= realtime_upper_bound(deadline), "gave up after {took:?}, the deadline was {deadline:?}");
    }

    #[tokio::test]
    async fn the_deadline_cuts_a_hanging_try_short() {
        let _guard = realtime_lock();
        let server = TestServer::start().await.unwrap();
        let url = server.url("/delay/5000");
        let deadline = ms(300);
        let policy = subject::Policy { base: ms(10), max_wait: ms(100), deadline };
        let (outcome, took) = measure(within(secs(10), "get_with_retry",
            subject::get_with_retry(&Client::new(), &url, policy))).await;
        assert_eq!(outcome.unwrap_err(), subject::GaveUp { attempts: 1, status: None });
        assert!(took >= deadline && took <= realtime_upper_bound(deadline),
            "gave up after {took:?}; the deadline was {deadline:?}");
        wait_until(secs(5), "the server sees the hanging request abandoned",
            || server.abandoned() == 1).await;
    }

    #[tokio::test]
    async fn no_answer_is_worth_another_try() {
        let url = closed_port_url().await.unwrap();
        let policy = subject::Policy { base: ms(10), max_wait: ms(50), deadline: ms(300) };
        let outcome = within(secs(10), "get_with_retry",
            subject::get_with_retry(&Client::new(), &url, policy)).await;
        let gave_up = outcome.unwrap_err();
        assert_eq!(gave_up.status, None);
        assert!(gave_up.attempts >= 2, "a refused connection should be retried");
    }
}
