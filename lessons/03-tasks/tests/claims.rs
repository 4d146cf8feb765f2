//! Lesson 03's claims, each asserted with the number it states, on tokio's
//! paused clock (exact times; the tests take milliseconds of real time).

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_03_tasks::Outcome;
use lesson_03_tasks::{
    as_completed, background, cancel, deadline, errors, first, first_success,
    gather, spawn, taskgroup, timeout,
};

/// Asserts that `name` ran from 0 and was cancelled (dropped) at `at`.
#[track_caller]
fn assert_cancelled_at(
    timeline: &Timeline,
    name: &str,
    at: std::time::Duration,
) {
    let span = timeline
        .span(name)
        .unwrap_or_else(|| panic!("no span {name}"));
    assert!(
        span.cancelled,
        "{name} should have been cancelled:\n{}",
        timeline.render_ascii()
    );
    assert_eq!((span.start, span.end), (ms(0), Some(at)), "{name}");
}

/// Asserts that `name` ran from 0 to `at` and finished normally.
#[track_caller]
fn assert_finished_at(
    timeline: &Timeline,
    name: &str,
    at: std::time::Duration,
) {
    let span = timeline
        .span(name)
        .unwrap_or_else(|| panic!("no span {name}"));
    assert!(
        !span.cancelled,
        "{name} should have finished:\n{}",
        timeline.render_ascii()
    );
    assert_eq!((span.start, span.end), (ms(0), Some(at)), "{name}");
}

// claim: tasks/spawned-run-concurrently
#[tokio::test(start_paused = true)]
async fn claim_tasks_spawned_run_concurrently() {
    let timeline = Timeline::new();
    let jobs = [("A", secs(1)), ("B", secs(2)), ("C", secs(1))];
    let (results, took) =
        measure(spawn::spawn_then_await(&timeline, &jobs)).await;
    assert_exact(took, secs(2));
    assert_eq!(results, ["A: done in 1s", "B: done in 2s", "C: done in 1s"]);
    // All three started at once, though their handles were awaited in turn.
    for (name, delay) in jobs {
        assert_finished_at(&timeline, name, delay);
    }
}

// claim: tasks/gather-is-max
#[tokio::test(start_paused = true)]
async fn claim_tasks_gather_is_max() {
    let timeline = Timeline::new();
    let (results, took) =
        measure(gather::join_three(&timeline, [secs(1), secs(2), ms(1500)]))
            .await;
    assert_exact(took, secs(2));
    // Input order, although comments (1.5 s) finished before posts (2 s).
    assert_eq!(
        results,
        [
            "users: done in 1s",
            "posts: done in 2s",
            "comments: done in 1.5s"
        ]
    );
    assert_finished_at(&timeline, "comments", ms(1500));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "03-gather-is-max.svg",
        &timeline.render_svg(),
    );
}

// claim: tasks/gather-five
#[tokio::test(start_paused = true)]
async fn claim_tasks_gather_five() {
    let timeline = Timeline::new();
    let jobs = ["u1", "u2", "u3", "u4", "u5"].map(|name| (name, secs(1)));
    let (results, took) = measure(gather::gather(&timeline, &jobs)).await;
    assert_exact(took, secs(1));
    assert_eq!(
        results,
        ["u1", "u2", "u3", "u4", "u5"].map(|n| format!("{n}: done in 1s"))
    );
}

// claim: tasks/errors-as-values
#[tokio::test(start_paused = true)]
async fn claim_tasks_errors_as_values() {
    let attempts = [
        ("good1", ms(500), Outcome::Succeeds),
        ("bad", ms(500), Outcome::Fails),
        ("good2", ms(500), Outcome::Succeeds),
    ];
    let (outcomes, took) = measure(errors::errors_as_values(&attempts)).await;
    assert_exact(took, ms(500));
    assert_eq!(outcomes.len(), 3);
    assert_eq!(outcomes[0].as_deref(), Ok("good1: done in 500ms"));
    assert_eq!(
        outcomes[1].as_ref().unwrap_err().to_string(),
        "bad failed after 500ms"
    );
    assert_eq!(outcomes[2].as_deref(), Ok("good2: done in 500ms"));
}

// claim: tasks/first-completed
#[tokio::test(start_paused = true)]
async fn claim_tasks_first_completed() {
    let timeline = Timeline::new();
    let jobs = [
        ("job 3s", secs(3)),
        ("job 1s", secs(1)),
        ("job 2s", secs(2)),
    ];
    let (winner, took) = measure(first::first_completed(&timeline, jobs)).await;
    assert_exact(took, secs(1));
    assert_eq!(winner, "job 1s: done in 1s");
    assert_finished_at(&timeline, "job 1s", secs(1));
    // The losers were dropped at 1 s: cancelled, mid-wait.
    assert_cancelled_at(&timeline, "job 3s", secs(1));
    assert_cancelled_at(&timeline, "job 2s", secs(1));
    // And they stay cancelled: nothing of theirs finishes later.
    tokio::time::sleep(secs(5)).await;
    assert_eq!(timeline.spans().iter().filter(|s| s.cancelled).count(), 2);
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "03-first-completed.svg",
        &timeline.render_svg(),
    );
}

// claim: tasks/first-success
#[tokio::test(start_paused = true)]
async fn claim_tasks_first_success() {
    // a fails at 0.5 s, b succeeds at 1 s, c would succeed at 2 s.
    let timeline = Timeline::new();
    let mirrors = [
        ("mirror a", ms(500), Outcome::Fails),
        ("mirror b", secs(1), Outcome::Succeeds),
        ("mirror c", secs(2), Outcome::Succeeds),
    ];
    let (got, took) =
        measure(first_success::first_success(&timeline, &mirrors)).await;
    assert_eq!(got, Ok("mirror b: done in 1s".to_string()));
    assert_exact(took, secs(1));
    assert_finished_at(&timeline, "mirror a", ms(500)); // failed: skipped
    assert_cancelled_at(&timeline, "mirror c", secs(1));
    tokio::time::sleep(secs(5)).await;
    assert!(
        timeline.span("mirror c").unwrap().cancelled,
        "c stays dropped"
    );
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "03-first-success.svg",
        &timeline.render_svg(),
    );

    // All fail, at 1, 0.5 and 1.5 s: only c's error, the last, comes back.
    let mirrors = [
        ("mirror a", secs(1), Outcome::Fails),
        ("mirror b", ms(500), Outcome::Fails),
        ("mirror c", ms(1500), Outcome::Fails),
    ];
    let (got, took) =
        measure(first_success::first_success(&Timeline::new(), &mirrors)).await;
    let error = got.expect_err("every mirror failed");
    assert_eq!(error.name, "mirror c", "the last error, not the first");
    assert_exact(took, ms(1500));
}

// claim: tasks/wait-deadline
#[tokio::test(start_paused = true)]
async fn claim_tasks_wait_deadline() {
    let timeline = Timeline::new();
    let jobs = [("fast", ms(500)), ("medium", secs(1)), ("slow", secs(2))];
    let (waited, took) =
        measure(deadline::wait_then_cancel(&timeline, &jobs, ms(1500))).await;
    assert_exact(took, ms(1500));
    assert_eq!(
        waited,
        deadline::Waited {
            done: vec![
                "fast: done in 500ms".into(),
                "medium: done in 1s".into()
            ],
            pending: vec!["slow"],
            cancelled: vec!["slow"],
        }
    );
    assert_finished_at(&timeline, "medium", secs(1));
    assert_cancelled_at(&timeline, "slow", ms(1500));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "03-wait-deadline.svg",
        &timeline.render_svg(),
    );
}

// claim: tasks/as-completed-order
#[tokio::test(start_paused = true)]
async fn claim_tasks_as_completed_order() {
    let jobs = [("slow", secs(3)), ("fast", secs(1)), ("medium", secs(2))];
    let expected = vec![
        (secs(1), "fast: done in 1s".to_string()),
        (secs(2), "medium: done in 2s".to_string()),
        (secs(3), "slow: done in 3s".to_string()),
    ];
    // With tasks in a JoinSet...
    assert_eq!(as_completed::as_completed(&jobs).await, expected);
    // ...and with plain futures in a FuturesUnordered.
    assert_eq!(as_completed::as_completed_unordered(&jobs).await, expected);
}

// claim: tasks/taskgroup-cancels-siblings
#[tokio::test(start_paused = true)]
async fn claim_tasks_taskgroup_cancels_siblings() {
    let timeline = Timeline::new();
    let children = vec![
        taskgroup::child(
            timeline.clone(),
            "fails at 0.1s",
            ms(100),
            Outcome::Fails,
        ),
        taskgroup::child(
            timeline.clone(),
            "sibling 1s",
            secs(1),
            Outcome::Succeeds,
        ),
    ];
    let (outcome, took) = measure(taskgroup::task_group(children)).await;
    assert_exact(took, ms(100));
    assert_eq!(
        outcome.unwrap_err().to_string(),
        "fails at 0.1s failed after 100ms"
    );
    assert_finished_at(&timeline, "fails at 0.1s", ms(100));
    assert_cancelled_at(&timeline, "sibling 1s", ms(100));
}

// claim: tasks/taskgroup-five
#[tokio::test(start_paused = true)]
async fn claim_tasks_taskgroup_five() {
    let timeline = Timeline::new();
    let names = ["item 0", "item 1", "item 2", "item 3", "item 4"];
    let children = names.map(|name| {
        taskgroup::child(timeline.clone(), name, ms(500), Outcome::Succeeds)
    });
    let (outcome, took) = measure(taskgroup::task_group(children.into())).await;
    assert_exact(took, ms(500));
    assert_eq!(
        outcome.unwrap(),
        names.map(|n| format!("{n}: done in 500ms"))
    );
}

// claim: tasks/timeout
#[tokio::test(start_paused = true)]
async fn claim_tasks_timeout() {
    let timeline = Timeline::new();
    let (outcome, took) = measure(timeout::with_timeout(
        &timeline,
        ("job 5s", secs(5)),
        secs(2),
    ))
    .await;
    assert_exact(took, secs(2));
    assert!(
        outcome.is_err(),
        "a 5 s job under a 2 s limit must time out: {outcome:?}"
    );
    // The job itself was dropped at the deadline, not left running.
    assert_cancelled_at(&timeline, "job 5s", secs(2));
}

// claim: tasks/cancel-runs-cleanup
#[tokio::test(start_paused = true)]
async fn claim_tasks_cancel_runs_cleanup() {
    let (aborted, took) = measure(cancel::abort_with_cleanup(secs(1))).await;
    assert_exact(took, secs(1));
    let events: Vec<(std::time::Duration, &str)> = aborted
        .events
        .iter()
        .map(|(at, what)| (*at, what.as_str()))
        .collect();
    assert_eq!(
        events,
        [
            (ms(0), "task started"),
            (secs(1), "abort()"),
            (secs(1), "cleanup ran"), // the guard's Drop, at the moment of cancellation
            (secs(1), "handle.await: cancelled = true"),
        ]
    );
    assert!(aborted.cancelled);
    assert!(!aborted.finished_before_abort && aborted.finished_after_abort);
}

// claim: tasks/background-then-await
#[tokio::test(start_paused = true)]
async fn claim_tasks_background_then_await() {
    let timeline = Timeline::new();
    let (results, took) = measure(background::background_then_await(
        &timeline,
        secs(2),
        ms(500),
    ))
    .await;
    assert_exact(took, secs(2));
    assert_eq!(
        results,
        ("task A: done in 2s".into(), "task B: done in 2s".into())
    );
    assert_finished_at(&timeline, "caller: other work", ms(500));
    assert_finished_at(&timeline, "task A", secs(2));
    assert_finished_at(&timeline, "task B", secs(2));
}
