//! The demos behave as the chapter says.

use kit::timing::{assert_exact, secs};
use lesson_02_runtime::{clock, entry, flavors, manual, per_thread, running};

#[test]
fn the_macro_and_the_hand_built_runtime_agree() {
    assert_eq!(entry::with_the_macro(), "config: done in 50ms");
    assert_eq!(entry::by_hand(), "config: done in 50ms");
}

#[test]
fn one_runtime_runs_two_futures_in_turn() {
    assert_eq!(
        manual::run_until_complete_twice(),
        ["first: done in 100ms", "second: done in 100ms"]
    );
}

#[test]
fn a_spawned_task_waits_for_block_on() {
    assert_eq!(
        manual::tasks_wait_for_block_on(),
        [
            "spawned: nothing has run yet",
            "block_on starts",
            "the spawned task runs",
            "block_on returned"
        ]
    );
}

#[test]
fn the_runtime_context_belongs_to_a_thread() {
    let answers: Vec<bool> = running::where_is_a_runtime()
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    assert_eq!(answers, [false, true, false, true]);
}

#[test]
fn the_paused_clock_sleeps_an_hour_exactly() {
    // Only tokio's side here; the wall-clock side is in realtime.rs.
    let (on_tokio_clock, _) = clock::an_hour_in_a_blink();
    assert_exact(on_tokio_clock, secs(3600));
}

#[test]
fn current_thread_runs_every_task_on_the_caller() {
    let placed = flavors::where_tasks_run(&flavors::current_thread(), 8);
    assert_eq!(placed.task_threads.len(), 1);
    assert!(placed.task_threads.contains(&placed.caller));
}

#[test]
fn multi_thread_runs_tasks_on_its_workers_only() {
    let placed = flavors::where_tasks_run(&flavors::multi_thread(2), 8);
    assert!(
        !placed.task_threads.contains(&placed.caller),
        "block_on's thread runs no spawned task"
    );
    assert!(
        (1..=2).contains(&placed.task_threads.len()),
        "at most the two workers"
    );
}

#[test]
fn spawning_many_tasks_completes() {
    // The time is this machine's business; that it finishes is ours.
    flavors::spawn_and_join(&flavors::current_thread(), 1000);
    flavors::spawn_and_join(&flavors::multi_thread(2), 1000);
}

#[test]
fn each_thread_runs_its_own_runtime() {
    let per = per_thread::runtime_per_thread(3);
    assert_eq!(per.len(), 3);
    for (thread, tasks) in &per {
        assert_eq!(tasks.len(), 3);
        assert!(tasks.iter().all(|t| t == thread), "a task left its thread");
    }
    let threads: std::collections::HashSet<_> =
        per.iter().map(|(t, _)| *t).collect();
    assert_eq!(threads.len(), 3, "three different threads");
}

#[tokio::test(start_paused = true)]
async fn a_task_handle_waits_times_out_and_cancels() {
    use lesson_02_runtime::task_handle::{HandleTour, handle_tour};
    let (tour, took) = kit::timing::measure(handle_tour(
        std::time::Duration::from_secs(2),
        std::time::Duration::from_secs(1),
    ))
    .await;
    assert_eq!(
        tour,
        HandleTour {
            first_wait_gave_up: true,
            output_later: 42,
            abort_is_cancelled: true,
            panic_is_reported: true,
        }
    );
    // Giving up after 1 s did not restart anything: the task ended at 2 s.
    kit::timing::assert_exact(took, std::time::Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn two_timers_due_together_both_see_the_same_instant() {
    use lesson_02_runtime::clock::two_timers_at_once;
    let mut woke = two_timers_at_once(std::time::Duration::from_secs(1)).await;
    // Which ran first is not promised: compare as a set.
    woke.sort();
    let one = std::time::Duration::from_secs(1);
    assert_eq!(woke, [('a', one), ('b', one)]);
}
