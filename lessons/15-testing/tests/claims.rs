//! Lesson 15's claims on tokio's paused clock (exact times, milliseconds of
//! real time). The paused-clock claim measures real time too, so it lives
//! in `tests/realtime.rs`.

use kit::timing::{assert_exact, measure, secs};
use lesson_15_testing::clock::heartbeat;
use lesson_15_testing::users::{MockUserClient, User, notify_all};
use mockall::Sequence;
use mockall::predicate::eq;
use tokio::time::{Instant, advance};

// ANCHOR: advance_steps
// claim: testing/advance-steps
#[tokio::test(start_paused = true)]
async fn claim_testing_advance_steps() {
    let start = Instant::now();
    let (mut beats, task) = heartbeat(secs(30));
    // A spawned task has not run yet: let it start its first sleep, or
    // that sleep would only begin after the first jump.
    tokio::task::yield_now().await;
    for step in 1..=3 {
        advance(secs(30)).await;
        // The beat is due now: receiving it lets the runtime fire the timer
        // and run the heartbeat, without moving the clock any further.
        let at = beats.recv().await.expect("a beat");
        assert_exact(at, secs(30 * step));
        assert_exact(start.elapsed(), secs(30 * step));
        assert!(beats.is_empty(), "one beat per 30 s step");
    }
    task.abort();

    // One jump of 90 s fires the one timer that was due, once: the loop's
    // next sleep starts from the new time. One beat at 90 s, not three.
    let start = Instant::now();
    let (mut beats, task) = heartbeat(secs(30));
    tokio::task::yield_now().await;
    advance(secs(90)).await;
    assert_exact(beats.recv().await.expect("a beat"), secs(90));
    assert!(beats.is_empty(), "one jump, one beat");
    // The next one comes 30 s after it (auto-advance takes us there).
    assert_exact(beats.recv().await.expect("a beat"), secs(120));
    assert_exact(start.elapsed(), secs(120));
    task.abort();
}
// ANCHOR_END: advance_steps

// ANCHOR: mock_called_with
// claim: testing/mock-called-with
#[tokio::test(start_paused = true)]
async fn claim_testing_mock_called_with() {
    let mut client = MockUserClient::new();
    let mut order = Sequence::new();
    for user in [User::new(1, "Ada", true), User::new(2, "Bob", false)] {
        client
            .expect_get_user()
            .with(eq(user.id))
            .times(1)
            .in_sequence(&mut order)
            .return_once(move |_| Box::pin(async move { Ok(user) }));
    }
    client
        .expect_send()
        .with(eq("ada@example.org"), eq("hi"))
        .times(1)
        .returning(|_, _| Box::pin(async { Ok(()) }));

    let (sent, took) = measure(notify_all(&client, &[1, 2], "hi")).await;
    assert_eq!(sent, Ok(1), "one mail, to the one active user");
    assert_exact(took, secs(0)); // the mock answers at once
    client.checkpoint(); // every `times` is met now, or this panics
}
// ANCHOR_END: mock_called_with
