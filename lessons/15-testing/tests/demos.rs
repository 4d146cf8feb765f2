//! The lesson's demos and warnings behave as the chapter says.

use std::collections::BTreeSet;
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};
use lesson_15_testing::deadline::within;
use lesson_15_testing::flavours::which_runtime;
use lesson_15_testing::retry::retry;
use lesson_15_testing::ties::race_to_a_tie;
use lesson_15_testing::users::{MockUserClient, User, UserClient, notify_all};
use mockall::predicate::eq;
use tokio::runtime::RuntimeFlavor;
use tokio::time::{Instant, sleep};

// ANCHOR: flavours
#[tokio::test]
async fn the_default_test_runtime_is_current_thread() {
    assert_eq!(which_runtime(), (RuntimeFlavor::CurrentThread, None));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_can_ask_for_worker_threads() {
    assert_eq!(which_runtime(), (RuntimeFlavor::MultiThread, Some(2)));
}
// ANCHOR_END: flavours

#[tokio::test(flavor = "multi_thread")]
#[should_panic(expected = "requires the `current_thread` Tokio runtime")]
async fn the_clock_cannot_be_paused_on_the_multi_threaded_runtime() {
    tokio::time::pause();
}

#[tokio::test]
#[should_panic(
    expected = "can call blocking only when running on the multi-threaded"
)]
async fn block_in_place_needs_the_multi_threaded_runtime() {
    tokio::task::block_in_place(|| ());
}

// ANCHOR: pause
#[tokio::test]
async fn pause_inside_the_test_works_too() {
    tokio::time::pause(); // the clock stops here
    let (_, took) = measure(sleep(secs(3600))).await;
    // Timers tick in whole milliseconds counted from the runtime's start,
    // and real time passed before the pause: up to 1 ms late. With
    // start_paused the runtime starts paused, and times are exact.
    assert!(took >= secs(3600) && took <= secs(3600) + ms(1), "{took:?}");
}
// ANCHOR_END: pause

// ANCHOR: tie_test
#[tokio::test(start_paused = true)]
async fn timers_due_together_all_fire_at_that_instant() {
    let finishes = race_to_a_tie(&["a", "b", "c"], secs(1)).await;
    // Assert the promise: everyone, each exactly at 1 s...
    let names: BTreeSet<_> = finishes.iter().map(|&(name, _)| name).collect();
    assert_eq!(names, BTreeSet::from(["a", "b", "c"]));
    assert!(finishes.iter().all(|&(_, at)| at == secs(1)));
    // ...not the order among them, which tokio does not promise.
}
// ANCHOR_END: tie_test

// ANCHOR: retry_schedule
#[tokio::test(start_paused = true)]
async fn the_operation_is_the_spy() {
    let start = Instant::now();
    let mut attempts = Vec::new();
    let got = retry(3, ms(250), || {
        attempts.push(start.elapsed()); // when was I called?
        let second = attempts.len() == 2;
        async move { if second { Ok("up") } else { Err("down") } }
    })
    .await;
    assert_eq!(got, Ok("up"));
    assert_eq!(attempts, [ms(0), ms(250)]); // one wait, of exactly 250 ms
}
// ANCHOR_END: retry_schedule

#[tokio::test(start_paused = true)]
async fn within_returns_fast_work_and_drops_slow_work() {
    let (fast, took) = measure(within(secs(1), async { 7 })).await;
    assert_eq!((fast, took), (Some(7), ms(0)));
    let (slow, took) = measure(within(secs(1), sleep(secs(9)))).await;
    assert_eq!(slow, None);
    assert_exact(took, secs(1));
}

// ANCHOR: slow_mock
#[tokio::test(start_paused = true)]
async fn a_mock_can_be_slow_to_test_a_timeout() {
    let mut client = MockUserClient::new();
    client.expect_get_user().returning(|id| {
        Box::pin(async move {
            sleep(secs(30)).await; // a server that takes 30 s to answer
            Ok(User::new(id, "Ada", true))
        })
    });
    let (got, took) = measure(within(secs(5), client.get_user(1))).await;
    assert_eq!(got, None, "gave up on the slow server");
    assert_exact(took, secs(5));
}
// ANCHOR_END: slow_mock

#[tokio::test]
#[should_panic(expected = "No matching expectation found")]
async fn a_call_no_expectation_matches_panics() {
    let mut client = MockUserClient::new();
    client.expect_get_user().with(eq(1)).returning(|id| {
        Box::pin(async move { Ok(User::new(id, "Ada", true)) })
    });
    let _ = client.get_user(2).await; // nobody said 2 would be asked for
}

#[tokio::test]
#[should_panic(expected = "fewer than expected")]
async fn too_few_calls_panic_when_the_mock_is_dropped() {
    let mut client = MockUserClient::new();
    client.expect_get_user().times(2).returning(|id| {
        Box::pin(async move { Ok(User::new(id, "Bob", false)) })
    });
    let _ = notify_all(&client, &[1], "hi").await;
}

#[tokio::test(start_paused = true)]
async fn an_api_error_stops_notify_all() {
    use lesson_15_testing::users::ApiError;
    let mut client = MockUserClient::new();
    client
        .expect_get_user()
        .returning(|_| Box::pin(async { Err(ApiError::Unavailable) }));
    client.expect_send().never();
    let got = notify_all(&client, &[1, 2], "hi").await;
    assert_eq!(got, Err(ApiError::Unavailable));
}

#[test]
fn tie_order_is_stable_here_but_not_promised() {
    // Documents what this tokio does today, for the chapter; not a promise
    // to build on (see `ties.rs`).
    let order = |names: &[&'static str]| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap();
        runtime.block_on(race_to_a_tie(names, Duration::from_secs(1)))
    };
    let finishes = order(&["a", "b", "c"]);
    eprintln!("tie order: {finishes:?}");
    assert_eq!(finishes.len(), 3);
}
