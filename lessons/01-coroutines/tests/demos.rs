//! The demos behave as the chapter says (paused clock where time matters).

use kit::timing::{assert_exact, ms};
use lesson_01_coroutines::lifecycle::Stage;
use lesson_01_coroutines::{awaitables, colour, lifecycle, yielding};

#[tokio::test(start_paused = true)]
async fn lifecycle_of_a_sleep() {
    let stages = lifecycle::trace_sleep(ms(500)).await;
    let names: Vec<Stage> = stages.iter().map(|&(_, s)| s).collect();
    use Stage::*;
    assert_eq!(names, [Created, Polled, Pending, Woken, Polled, Ready]);
    // Woken exactly when the timer fires, not before.
    assert_exact(stages[3].0, ms(500));
}

#[tokio::test]
async fn four_kinds_of_awaitable() {
    let got = awaitables::four_kinds().await;
    assert_eq!(
        got,
        [
            "async block",
            "spawned task",
            "oneshot value",
            "countdown after 4 polls"
        ]
    );
}

#[test]
fn yield_now_makes_tasks_take_turns() {
    assert_eq!(
        yielding::interleave(false),
        ["a0", "a1", "a2", "b0", "b1", "b2"]
    );
    // With yield_now, b starts before a has finished: they take turns. (The
    // exact order after that is the scheduler's business, not a promise.)
    let order = yielding::interleave(true);
    let at = |step: &str| order.iter().position(|s| s == step).unwrap();
    assert_eq!(order.len(), 6);
    assert!(
        at("b0") < at("a1"),
        "b got the thread at a's first yield: {order:?}"
    );
}

#[test]
fn sync_code_can_call_async_code_through_block_on() {
    assert_eq!(colour::fetch_blocking("config"), "config: done in 50ms");
}
