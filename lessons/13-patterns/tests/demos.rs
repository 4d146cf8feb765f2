//! The demos behave as the chapter says, on tokio's paused clock.

use std::collections::BTreeSet;
use std::time::Duration;

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_13_patterns::deadline::{self, Outcome};
use lesson_13_patterns::drain::{self, Drained, Request};
use lesson_13_patterns::periodic;
use lesson_13_patterns::task_ids::{self, How, Job};
use lesson_13_patterns::{background, shutdown};
use tokio::time::MissedTickBehavior;

#[tokio::test(start_paused = true)]
async fn a_budget_cuts_the_call_that_would_overrun_it() {
    let calls = [
        ("auth", ms(300)),
        ("profile", ms(300)),
        ("feed", ms(300)),
        ("ads", ms(300)),
    ];
    let timeline = Timeline::new();
    let budget =
        deadline::calls_within_budget(ms(1000), ms(400), &calls, &timeline);
    let (outcomes, took) = measure(budget).await;
    assert_eq!(outcomes.len(), 4);
    assert_eq!(outcomes[3], Outcome::BudgetSpent);
    assert_exact(took, ms(1000)); // not 900 + 400
    // The last call got what was left of the budget, not its own 400 ms,
    // and was cut at the request's deadline.
    let ads = timeline
        .span("ads, limit 100ms")
        .expect("a row for the last call");
    assert!(ads.cancelled, "cut off");
    assert_eq!((ads.start, ads.end), (ms(900), Some(ms(1000))));
    assert_eq!(
        timeline.span("request, budget 1s").expect("a row").end,
        Some(ms(1000))
    );
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "13-nested-deadlines.svg",
        &timeline.render_svg(),
    );
}

#[tokio::test(start_paused = true)]
async fn a_slow_call_hits_its_own_limit_first() {
    let calls = [("a", ms(300)), ("slow", ms(600)), ("never", ms(1))];
    let timeline = Timeline::new();
    let budget =
        deadline::calls_within_budget(ms(1000), ms(400), &calls, &timeline);
    let (outcomes, took) = measure(budget).await;
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

#[tokio::test(start_paused = true)]
async fn join_next_with_id_names_the_panicked_task_and_the_aborted_ones() {
    let jobs = [
        Job {
            name: "resize",
            work: ms(100),
            panics: false,
        },
        Job {
            name: "upload",
            work: ms(200),
            panics: true,
        },
        Job {
            name: "index",
            work: secs(1),
            panics: false,
        },
        Job {
            name: "mail",
            work: secs(2),
            panics: false,
        },
    ];
    let (ended, took) =
        measure(task_ids::first_panic_aborts_the_rest(&jobs)).await;
    assert_exact(took, ms(200)); // the abort did not wait for 1 s or 2 s
    assert_eq!(ended.len(), 4, "every task reported once");
    assert_eq!(ended[0].name, "resize");
    assert_eq!(ended[0].at, ms(100));
    // The id `task::id()` read inside the task is the one the set gave.
    assert_eq!(
        ended[0].how,
        How::Done {
            own_id: ended[0].id
        }
    );
    assert_eq!((ended[1].name, ended[1].how), ("upload", How::Panicked));
    assert_eq!(ended[1].at, ms(200));
    let aborted: BTreeSet<_> = ended[2..]
        .iter()
        .inspect(|e| assert_eq!((e.how, e.at), (How::Aborted, ms(200))))
        .map(|e| e.name)
        .collect();
    assert_eq!(aborted, BTreeSet::from(["index", "mail"]));
    let ids: BTreeSet<_> = ended.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 4, "four distinct ids");
}

#[tokio::test(start_paused = true)]
async fn a_slow_beat_skips_the_ticks_it_missed() {
    // Beat 3 starts at 200 ms and ends at 450 ms, past the ticks of 300
    // and 400 ms. `Skip`: one late beat at once, then back on the 100 ms
    // grid: nine beats by 1 s.
    let times = periodic::beat_times(ms(100), secs(1), 3, ms(250)).await;
    let expected: Vec<_> = [0, 100, 200, 450, 500, 600, 700, 800, 900]
        .into_iter()
        .map(ms)
        .collect();
    assert_eq!(times, expected);
}

/// When the first five ticks of a 100 ms `interval` come, if the work
/// after tick 3 takes 250 ms (200 to 450 ms).
async fn five_ticks(behavior: MissedTickBehavior) -> Vec<Duration> {
    let start = tokio::time::Instant::now();
    let mut ticks = tokio::time::interval(ms(100));
    ticks.set_missed_tick_behavior(behavior);
    let mut times = Vec::new();
    for n in 1..=5 {
        ticks.tick().await;
        times.push(start.elapsed());
        if n == 3 {
            tokio::time::sleep(ms(250)).await;
        }
    }
    times
}

#[tokio::test(start_paused = true)]
async fn missed_ticks_burst_by_default_and_delay_moves_the_grid() {
    // The default, `Burst`, fires the missed ticks at once to catch up.
    let default = tokio::time::interval(ms(100)).missed_tick_behavior();
    assert_eq!(default, MissedTickBehavior::Burst);
    let burst = [ms(0), ms(100), ms(200), ms(450), ms(450)];
    assert_eq!(five_ticks(MissedTickBehavior::Burst).await, burst);
    // `Delay` starts a new grid from the late tick.
    let delay = [ms(0), ms(100), ms(200), ms(450), ms(550)];
    assert_eq!(five_ticks(MissedTickBehavior::Delay).await, delay);
    // `Skip` (what `periodic::every` uses) goes back to the old grid.
    let skip = [ms(0), ms(100), ms(200), ms(450), ms(500)];
    assert_eq!(five_ticks(MissedTickBehavior::Skip).await, skip);
}

#[tokio::test(start_paused = true)]
async fn a_drain_stops_accepting_finishes_in_flight_and_cuts_the_rest() {
    let requests = [
        Request {
            name: "a",
            arrives: ms(0),
            work: ms(200),
        },
        Request {
            name: "b",
            arrives: ms(100),
            work: ms(400),
        },
        Request {
            name: "c",
            arrives: ms(200),
            work: ms(1500),
        },
        Request {
            name: "d",
            arrives: ms(400),
            work: ms(100),
        },
    ];
    let timeline = Timeline::new();
    let run = drain::serve_then_drain(&requests, ms(300), ms(500), &timeline);
    let (drained, took) = measure(run).await;
    assert_eq!(
        drained,
        Drained {
            served: vec!["a", "b"],
            cut_off: vec!["c"],
            refused: vec!["d"]
        }
    );
    // Stopped at 300 ms; b finished at 500 ms, in the drain; c was cut at
    // the deadline, 300 + 500 ms.
    assert_exact(took, ms(800));
    let span = |name: &str| timeline.span(name).expect(name);
    assert_eq!(span("accepting").end, Some(ms(300)));
    assert_eq!(span("b: 400ms of work").end, Some(ms(500)));
    let c = span("c: 1.5s of work");
    assert!(c.cancelled, "c was cut off");
    assert_eq!(c.end, Some(ms(800)));
    assert_eq!(span("d: refused").start, ms(400));
    assert_eq!(span("draining").end, Some(ms(800)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "13-graceful-drain.svg",
        &timeline.render_svg(),
    );
}
