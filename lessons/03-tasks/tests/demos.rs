//! The demos (and the chapter's warnings) behave as the chapter says, on
//! tokio's paused clock.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use kit::Timeline;
use kit::sim::fetch;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_03_tasks::Outcome;
use lesson_03_tasks::{detach, errors, handles, taskgroup, timeout};

#[tokio::test(start_paused = true)]
async fn try_join_returns_the_first_error_and_cancels_the_rest() {
    let timeline = Timeline::new();
    let attempts = [
        ("a", secs(1), Outcome::Succeeds),
        ("b", ms(500), Outcome::Fails),
        ("c", secs(2), Outcome::Succeeds),
    ];
    let (outcome, took) = measure(errors::fail_fast(&timeline, attempts)).await;
    assert_exact(took, ms(500));
    assert_eq!(outcome.unwrap_err().to_string(), "b failed after 500ms");
    for name in ["a", "c"] {
        let span = timeline.span(name).unwrap();
        assert!(
            span.cancelled && span.end == Some(ms(500)),
            "{name}: {span:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn try_join_returns_every_value_when_all_succeed() {
    let attempts = [
        ("a", secs(1), Outcome::Succeeds),
        ("b", ms(500), Outcome::Succeeds),
        ("c", secs(2), Outcome::Succeeds),
    ];
    let (outcome, took) =
        measure(errors::fail_fast(&Timeline::new(), attempts)).await;
    assert_exact(took, secs(2));
    assert_eq!(
        outcome.unwrap(),
        ["a: done in 1s", "b: done in 500ms", "c: done in 2s"]
    );
}

#[tokio::test(start_paused = true)]
async fn a_dropped_join_handle_detaches_the_task() {
    let flag = Arc::new(AtomicBool::new(false));
    detach::spawn_and_drop_handle(flag.clone(), secs(1));
    tokio::time::sleep(secs(2)).await;
    assert!(
        flag.load(Ordering::SeqCst),
        "the task ran to the end with no handle"
    );
}

#[tokio::test(start_paused = true)]
async fn a_dropped_future_never_runs() {
    let flag = Arc::new(AtomicBool::new(false));
    detach::build_and_drop_future(flag.clone(), secs(1));
    tokio::time::sleep(secs(2)).await;
    assert!(
        !flag.load(Ordering::SeqCst),
        "a dropped future must never run"
    );
}

#[tokio::test(start_paused = true)]
async fn a_dropped_join_set_aborts_its_tasks() {
    let flag = Arc::new(AtomicBool::new(false));
    detach::spawn_into_set_and_drop_set(flag.clone(), secs(1));
    tokio::time::sleep(secs(2)).await;
    assert!(
        !flag.load(Ordering::SeqCst),
        "dropping the JoinSet aborts its tasks"
    );
}

#[tokio::test(start_paused = true)]
async fn select_over_join_handles_does_not_cancel_the_losing_task() {
    // The pitfall: select! drops the losing *handle*, which detaches.
    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let slow = tokio::spawn(async move {
        tokio::time::sleep(secs(3)).await;
        flag.store(true, Ordering::SeqCst);
    });
    let fast = tokio::spawn(tokio::time::sleep(secs(1)));
    tokio::select! {
        _ = slow => unreachable!("the 3 s task cannot win"),
        _ = fast => {}
    }
    tokio::time::sleep(secs(5)).await;
    assert!(
        finished.load(Ordering::SeqCst),
        "the losing task ran on to the end"
    );
}

#[tokio::test(start_paused = true)]
async fn a_timeout_around_a_task_leaves_it_running_unless_aborted() {
    // Without abort: the wait times out, the task does not.
    let finished = Arc::new(AtomicBool::new(false));
    let flag = finished.clone();
    let task = tokio::spawn(async move {
        tokio::time::sleep(secs(5)).await;
        flag.store(true, Ordering::SeqCst);
    });
    assert!(tokio::time::timeout(secs(2), task).await.is_err());
    tokio::time::sleep(secs(5)).await;
    assert!(finished.load(Ordering::SeqCst), "the timed-out task ran on");

    // The demo aborts it: cancelled at the 2 s limit.
    let timeline = Timeline::new();
    let (outcome, took) = measure(timeout::task_with_timeout(
        &timeline,
        ("task 5s", secs(5)),
        secs(2),
    ))
    .await;
    assert_exact(took, secs(2));
    assert!(outcome.is_err());
    let span = timeline.span("task 5s").unwrap();
    assert!(span.cancelled && span.end == Some(secs(2)), "{span:?}");
}

#[tokio::test(start_paused = true)]
async fn a_task_within_its_timeout_returns_its_value() {
    let timeline = Timeline::new();
    let outcome =
        timeout::with_timeout(&timeline, ("quick", secs(1)), secs(2)).await;
    assert_eq!(outcome.unwrap(), "quick: done in 1s");
    let outcome =
        timeout::task_with_timeout(&timeline, ("quick task", secs(1)), secs(2))
            .await;
    assert_eq!(outcome.unwrap(), "quick task: done in 1s");
}

#[tokio::test(start_paused = true)]
async fn is_finished_never_waits_and_turns_true_when_done() {
    let seen =
        handles::is_finished_over_time(secs(1), &[ms(0), ms(500), ms(1500)])
            .await;
    assert_eq!(seen, [(ms(0), false), (ms(500), false), (ms(1500), true)]);
}

#[tokio::test(start_paused = true)]
async fn task_ids_match_inside_and_out_and_name_the_finisher() {
    let jobs = [("report", ms(600)), ("backup", ms(200)), ("email", ms(400))];
    let finished = handles::names_by_id(&jobs).await;
    let names: Vec<&str> = finished.iter().map(|f| f.name).collect();
    assert_eq!(names, ["backup", "email", "report"], "completion order");
    for f in &finished {
        assert_eq!(
            f.id, f.id_inside,
            "{}: the id outside is the id inside",
            f.name
        );
    }
    let ids: std::collections::HashSet<_> =
        finished.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), 3, "every task has its own id");
}

#[tokio::test]
async fn a_join_handle_id_is_what_the_task_sees_and_the_test_is_not_a_task() {
    let handle = tokio::spawn(async { tokio::task::id() });
    let outside = handle.id();
    assert_eq!(handle.await.unwrap(), outside);
    // The test body runs in block_on, not in a task: no id.
    assert_eq!(tokio::task::try_id(), None);
}

#[tokio::test]
async fn a_panicking_task_does_not_take_the_caller_down() {
    let handle = tokio::spawn(async { panic!("boom") });
    let error = handle.await.unwrap_err();
    assert!(error.is_panic() && !error.is_cancelled());
}

#[tokio::test(start_paused = true)]
async fn a_task_group_keeps_input_order() {
    let tl = Timeline::new();
    let children = vec![
        taskgroup::child(tl.clone(), "slow", secs(3), Outcome::Succeeds),
        taskgroup::child(tl.clone(), "fast", secs(1), Outcome::Succeeds),
        taskgroup::child(tl.clone(), "medium", secs(2), Outcome::Succeeds),
    ];
    let (outcome, took) = measure(taskgroup::task_group(children)).await;
    assert_exact(took, secs(3));
    assert_eq!(
        outcome.unwrap(),
        ["slow: done in 3s", "fast: done in 1s", "medium: done in 2s"]
    );
}

#[tokio::test(start_paused = true)]
#[should_panic(expected = "a child panicked")]
async fn a_panic_in_a_child_comes_out_of_the_group() {
    let children: Vec<futures::future::BoxFuture<'static, Result<String, ()>>> = vec![
        Box::pin(async { Ok(fetch("fine", secs(1)).await) }),
        Box::pin(async { panic!("a child panicked") }),
    ];
    let _ = taskgroup::task_group(children).await;
}

#[tokio::test(start_paused = true)]
async fn an_empty_task_group_succeeds_at_once() {
    let children: Vec<std::future::Ready<Result<(), ()>>> = Vec::new();
    let (outcome, took) = measure(taskgroup::task_group(children)).await;
    assert_exact(took, ms(0));
    assert_eq!(outcome, Ok(vec![]));
}
