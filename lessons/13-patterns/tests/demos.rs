//! The demos behave as the chapter says, on tokio's paused clock.

use kit::timing::{assert_exact, measure, ms};
use lesson_13_patterns::deadline::{self, Outcome};
use lesson_13_patterns::{background, shutdown};

#[tokio::test(start_paused = true)]
async fn a_budget_cuts_the_call_that_would_overrun_it() {
    let calls = [
        ("a", ms(300)),
        ("b", ms(300)),
        ("c", ms(300)),
        ("d", ms(300)),
    ];
    let (outcomes, took) =
        measure(deadline::calls_within_budget(ms(1000), ms(400), &calls)).await;
    assert_eq!(outcomes.len(), 4);
    assert_eq!(outcomes[3], Outcome::BudgetSpent);
    assert_exact(took, ms(1000)); // not 900 + 400
}

#[tokio::test(start_paused = true)]
async fn a_slow_call_hits_its_own_limit_first() {
    let calls = [("a", ms(300)), ("slow", ms(600)), ("never", ms(1))];
    let (outcomes, took) =
        measure(deadline::calls_within_budget(ms(1000), ms(400), &calls)).await;
    assert_eq!(
        outcomes,
        [
            Outcome::Done("a: done in 300ms".into()),
            Outcome::CallTimedOut
        ]
    );
    assert_exact(took, ms(700));
}

#[tokio::test(start_paused = true)]
async fn the_tracker_answers_at_once_and_waits_for_the_jobs() {
    let (answered, jobs) =
        background::answer_then_finish_jobs(&["mail", "audit"], ms(2000)).await;
    assert_exact(answered, ms(0));
    assert_eq!(jobs.len(), 2, "no job lost");
    for (_, at) in jobs {
        assert_exact(at, ms(2000));
    }
}

#[tokio::test(start_paused = true)]
async fn workers_finish_their_unit_then_stop() {
    // Tick 100 ms, a unit is 50 ms: units end at 150, 300, 450… Stopped at
    // 275 ms, in the middle of the second unit, each finishes it at 300.
    let (units, took) = shutdown::stop_workers(3, ms(100), ms(275)).await;
    assert_eq!(units, [2, 2, 2]);
    assert_exact(took, ms(300));
    // Stopped between units, they stop at once.
    let (units, took) = shutdown::stop_workers(2, ms(100), ms(320)).await;
    assert_eq!(units, [2, 2]);
    assert_exact(took, ms(320));
}
