//! Exercise tests for lesson 03, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kit::InFlight;
use kit::grade::{took_exactly, within};
use kit::sim::Outcome;
use kit::timing::{fmt_duration, measure, ms, secs};
use tokio::task::JoinSet;
use tokio::time::sleep;

/// A job that returns `value` after `delay`, counted by `probe` (the
/// kit's gauge of jobs in flight) while it runs.
fn job<T: Send + 'static>(
    probe: &InFlight,
    delay: Duration,
    value: T,
) -> impl Future<Output = T> + Send + 'static + use<T> {
    probe.track(async move {
        sleep(delay).await;
        value
    })
}

/// What became of the probed jobs of a race.
#[derive(Debug, Default)]
struct Fates {
    finished: AtomicUsize,
    cancelled: AtomicUsize,
}

/// Lives inside a probed job; counts the job as cancelled if dropped first.
struct Probe {
    fates: Arc<Fates>,
    finished: bool,
}

impl Drop for Probe {
    fn drop(&mut self) {
        if !self.finished {
            self.fates.cancelled.fetch_add(1, Ordering::SeqCst);
        }
    }
}

impl Fates {
    fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }

    fn cancelled(&self) -> usize {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// A racer: after `delay`, `Ok(name)`, or `Err("<name> failed")` if it
/// `Outcome::Fails`.
async fn racer(
    fates: Arc<Fates>,
    name: &'static str,
    delay: Duration,
    outcome: Outcome,
) -> Result<&'static str, String> {
    let mut probe = Probe {
        fates: fates.clone(),
        finished: false,
    };
    sleep(delay).await;
    probe.finished = true;
    fates.finished.fetch_add(1, Ordering::SeqCst);
    if outcome == Outcome::Fails {
        Err(format!("{name} failed"))
    } else {
        Ok(name)
    }
}

/// A JoinSet of named sleeps.
fn sleepers(jobs: &[(&'static str, Duration)]) -> JoinSet<&'static str> {
    let mut set = JoinSet::new();
    for &(name, delay) in jobs {
        set.spawn(async move {
            sleep(delay).await;
            name
        });
    }
    set
}

/// Short names for a list of fetch results: `a: done in 1s` → `a`.
fn short(results: &[Option<String>]) -> Vec<String> {
    results
        .iter()
        .map(|r| match r {
            Some(text) => text.split(':').next().unwrap_or_default().to_owned(),
            None => "None".to_owned(),
        })
        .collect()
}

/// What `gather_within(jobs, limit)` should return: `None` past the limit.
fn wanted(jobs: &[(&str, Duration)], limit: Duration) -> Vec<Option<String>> {
    jobs.iter()
        .map(|&(name, delay)| {
            (delay <= limit)
                .then(|| format!("{name}: done in {}", fmt_duration(delay)))
        })
        .collect()
}

/// Compares `gather_within`'s results with the wanted ones, naming the
/// likely mistake.
fn check_gathered(
    got: &[Option<String>],
    want: &[Option<String>],
    limit: Duration,
) {
    if got == want {
        return;
    }
    let limit = fmt_duration(limit);
    assert!(
        got.len() == want.len(),
        "gather_within returned {} results for {} jobs; it should return one per job",
        got.len(),
        want.len()
    );
    let (mut sorted_got, mut sorted_want) = (got.to_vec(), want.to_vec());
    sorted_got.sort();
    sorted_want.sort();
    assert!(
        sorted_got != sorted_want,
        "gather_within returned {:?}, in the order they finished; it should \
         return them in the order of the jobs: {:?}",
        short(got),
        short(want)
    );
    for (got, want) in got.iter().zip(want) {
        if let (None, Some(done)) = (got, want) {
            panic!(
                "`{done}` finished within the {limit} limit but came back None: \
                 each fetch needs its own timeout (did one timeout around them \
                 all cut every fetch off?)"
            );
        }
        if let (Some(late), None) = (got, want) {
            panic!(
                "a fetch that takes longer than the {limit} limit came back \
                 `{late}`; it should be given up on at the limit, as None"
            );
        }
    }
    panic!("gather_within returned {got:?}; it should return {want:?}");
}

/// Compares the outputs of `gather_limited` with the input order.
fn check_order<T: std::fmt::Debug + PartialEq>(got: &[T], want: &[T]) {
    assert!(
        got == want,
        "gather_limited returned {got:?}; in the order of the jobs it is \
         {want:?} (outputs in the order they finished?)"
    );
}

/// Checks the most jobs in flight at once against `limit`.
fn check_in_flight(probe: &InFlight, limit: usize, jobs: usize) {
    let max = probe.max();
    assert!(
        max <= limit,
        "the most jobs in flight at once was {max}, the limit was {limit}"
    );
    assert!(
        max == limit.min(jobs),
        "the most jobs in flight at once was {max}; with {jobs} jobs and a \
         limit of {limit}, {} should run together (the limit is there to be \
         used)",
        limit.min(jobs)
    );
}

/// What `first_ok` returned, checked against the winner `want` at `at`.
fn check_winner(
    got: &Result<&str, Vec<String>>,
    took: Duration,
    want: &str,
    at: Duration,
) {
    let (took, at_text) = (fmt_duration(took), fmt_duration(at));
    match got {
        Err(errors) => panic!(
            "first_ok returned Err({errors:?}) after {took}; a failure is not the \
             winner: keep waiting, {want} succeeded at {at_text}"
        ),
        Ok(name) if *name != want || took != at_text => panic!(
            "first_ok returned Ok({name:?}) after {took}; the first job to \
             succeed was {want}, at {at_text} (did it wait for every job, or \
             pick by input order?)"
        ),
        Ok(_) => {}
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: gather, id: "03-gather";

    #[tokio::test(start_paused = true)]
    async fn a_hundred_fetches_take_one_second() {
        let names: Vec<String> = (0..100).map(|i| format!("item{i}")).collect();
        let jobs: Vec<(&str, Duration)> = names.iter().map(|n| (n.as_str(), secs(1))).collect();
        let (got, took) = measure(subject::gather_within(&jobs, secs(2))).await;
        assert!(
            took == secs(1),
            "a hundred 1s fetches took {}; fetched at the same time they take \
             1s (were they awaited one after another?)",
            fmt_duration(took)
        );
        check_gathered(&got, &wanted(&jobs, secs(2)), secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_fetch_is_given_up_on_at_the_limit() {
        let jobs = [("a", secs(1)), ("b", secs(3)), ("c", ms(500))];
        let (got, took) = measure(subject::gather_within(&jobs, secs(2))).await;
        check_gathered(&got, &wanted(&jobs, secs(2)), secs(2));
        assert!(
            took == secs(2),
            "fetches of 1s, 3s and 500ms, each given 2s, took {}; the 3s one \
             is given up on at 2s, so the whole takes exactly 2s",
            fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn keeps_input_order_when_fetches_finish_out_of_order() {
        let jobs = [("slow", secs(3)), ("fast", secs(1)), ("medium", secs(2))];
        let (got, took) = measure(subject::gather_within(&jobs, secs(5))).await;
        check_gathered(&got, &wanted(&jobs, secs(5)), secs(5));
        assert!(
            took == secs(3),
            "fetches of 3s, 1s and 2s took {}; at the same time they take as \
             long as the slowest, 3s",
            fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_to_fetch_returns_at_once() {
        let (got, took) = measure(subject::gather_within(&[], secs(1))).await;
        assert!(got.is_empty(), "no jobs should give no results, got {got:?}");
        took_exactly("gather_within with no jobs", took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: gather_limited, id: "03-gather-limited";

    #[tokio::test(start_paused = true)]
    async fn a_limit_above_the_count_runs_everything_at_once() {
        let probe = InFlight::new();
        let jobs: Vec<_> = [1, 2, 3].into_iter().map(|d| job(&probe, secs(d), d)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 10)).await;
        check_in_flight(&probe, 10, 3);
        check_order(&got, &[1, 2, 3]);
        took_exactly("jobs of 1s, 2s and 3s under a limit of 10", took, secs(3));
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_of_one_is_one_after_another() {
        let probe = InFlight::new();
        let jobs: Vec<_> = [1, 2, 3].into_iter().map(|d| job(&probe, secs(d), d)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 1)).await;
        check_in_flight(&probe, 1, 3);
        check_order(&got, &[1, 2, 3]);
        took_exactly("jobs of 1s, 2s and 3s under a limit of 1", took, secs(6));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_job_does_not_hold_up_the_jobs_behind_it() {
        // Slot 1 runs the 3 s job; slot 2 runs the three 1 s jobs in turn.
        let probe = InFlight::new();
        let jobs: Vec<_> = [3, 1, 1, 1].into_iter().map(|d| job(&probe, secs(d), d)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 2)).await;
        check_in_flight(&probe, 2, 4);
        check_order(&got, &[3, 1, 1, 1]);
        assert!(
            took == secs(3),
            "jobs of 3s, 1s, 1s and 1s under a limit of 2 took {}, not 3s: a \
             slot must be refilled at once when its job ends (fixed batches \
             wait for the slow job before starting more)",
            fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn keeps_input_order_when_jobs_finish_out_of_order() {
        let probe = InFlight::new();
        let delays = [5, 1, 4, 2, 3, 1, 2];
        let jobs: Vec<_> = delays
            .iter()
            .enumerate()
            .map(|(i, &d)| job(&probe, secs(d), format!("job {i}")))
            .collect();
        let got = subject::gather_limited(jobs, 3).await;
        let want: Vec<String> = (0..delays.len()).map(|i| format!("job {i}")).collect();
        check_order(&got, &want);
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_flight_and_the_limit_is_used() {
        let probe = InFlight::new();
        let delays = [300, 100, 200, 500, 100, 100, 400, 200, 300, 100, 200, 100];
        let jobs: Vec<_> = delays.iter().map(|&d| job(&probe, ms(d), d)).collect();
        subject::gather_limited(jobs, 4).await;
        check_in_flight(&probe, 4, delays.len());
    }

    #[tokio::test(start_paused = true)]
    async fn ten_one_second_jobs_under_a_limit_of_three_take_four_seconds() {
        let probe = InFlight::new();
        let jobs: Vec<_> = (0..10).map(|i| job(&probe, secs(1), i)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 3)).await;
        check_in_flight(&probe, 3, 10);
        check_order(&got, &(0..10).collect::<Vec<_>>());
        // 3 + 3 + 3 + 1
        took_exactly("ten 1s jobs under a limit of 3", took, secs(4));
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: wait_deadline, id: "03-wait-deadline";

    #[tokio::test(start_paused = true)]
    async fn an_empty_set_returns_at_once() {
        let mut tasks: JoinSet<&'static str> = JoinSet::new();
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(1))).await;
        assert!(
            took == ms(0),
            "wait_deadline on an empty set with a 1s timeout took {}; it should \
             return at once (did it sleep out the whole timeout?)",
            fmt_duration(took)
        );
        assert!(done.is_empty(), "an empty set has no results, got {done:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn one_deadline_for_the_whole_wait() {
        // A fresh 1 s timeout per task would wait until 3.4 s here.
        let mut tasks = sleepers(&[("a", ms(800)), ("b", ms(1600)), ("c", ms(2400)), ("d", secs(9))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(1))).await;
        assert!(
            took == secs(1),
            "wait_deadline with a 1s timeout took {} and collected {done:?}; \
             the timeout is one deadline for the whole wait, not a fresh \
             timeout for each task",
            fmt_duration(took)
        );
        assert!(done == ["a"], "by the 1s deadline only a (800ms) is done; got {done:?}");
        assert!(
            tasks.len() == 3,
            "{} tasks are left in the set; the 3 not done at the deadline must \
             stay in it, still running",
            tasks.len()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn pending_tasks_keep_running() {
        let mut tasks = sleepers(&[("fast", ms(500)), ("slow", secs(2))]);
        let start = tokio::time::Instant::now();
        subject::wait_deadline(&mut tasks, ms(1500)).await;
        // Not cancelled: the slow one can still be collected, at 2 s.
        let joined = within("collecting the slow task after the wait", secs(1), tasks.join_next())
            .await
            .expect("the slow task should still be in the set after the wait, still running");
        let slow = match joined {
            Ok(name) => name,
            Err(e) if e.is_cancelled() => panic!(
                "the slow task was aborted: after the deadline the pending \
                 tasks must stay in the set, still running (the caller decides)"
            ),
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        };
        assert!(slow == "slow", "the task left in the set should be `slow`, got {slow:?}");
        took_exactly("collecting the slow task from the start", start.elapsed(), secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn returns_as_soon_as_everything_is_done() {
        let mut tasks = sleepers(&[("a", ms(200)), ("b", ms(400))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(5))).await;
        assert!(
            took == ms(400),
            "tasks of 200ms and 400ms with a 5s timeout: wait_deadline took {}; \
             it should return as soon as both are done, at 400ms (did it sleep \
             out the whole timeout?)",
            fmt_duration(took)
        );
        assert!(done == ["a", "b"], "both finished, a then b; got {done:?}");
        assert!(tasks.is_empty(), "every task is done, yet {} remain in the set", tasks.len());
    }

    #[tokio::test(start_paused = true)]
    async fn splits_done_from_pending_at_the_deadline() {
        let mut tasks = sleepers(&[("fast", ms(500)), ("medium", secs(1)), ("slow", secs(2))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, ms(1500))).await;
        took_exactly("wait_deadline with a 1.5s deadline and a 2s task", took, ms(1500));
        assert!(
            done == ["fast", "medium"],
            "by 1.5s fast and medium are done, in that finishing order; got {done:?}"
        );
        assert!(
            tasks.len() == 1,
            "{} tasks are left in the set; the slow one must stay, still running",
            tasks.len()
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: first_ok, id: "03-first-ok";

    #[tokio::test(start_paused = true)]
    async fn every_loser_still_running_is_cancelled() {
        let fates = Arc::new(Fates::default());
        let jobs = vec![
            racer(fates.clone(), "a", secs(3), Outcome::Succeeds),
            racer(fates.clone(), "b", ms(500), Outcome::Fails),
            racer(fates.clone(), "c", secs(1), Outcome::Succeeds),
            racer(fates.clone(), "d", secs(2), Outcome::Fails),
            racer(fates.clone(), "e", secs(4), Outcome::Succeeds),
        ];
        let (got, took) = measure(subject::first_ok(jobs)).await;
        check_winner(&got, took, "c", secs(1));
        let (cancelled, finished) = (fates.cancelled(), fates.finished());
        assert!(
            cancelled == 3 && finished == 2,
            "when first_ok returned, {cancelled} jobs had been cancelled and \
             {finished} had run to the end; a, d and e should be cancelled \
             (dropped), only b (failed) and c (won) finished"
        );
        sleep(secs(10)).await;
        assert!(
            fates.finished() == 2,
            "{} jobs finished in the 10s after first_ok returned; no loser \
             may keep running in the background",
            fates.finished() - 2
        );
    }

    #[tokio::test(start_paused = true)]
    async fn no_jobs_is_an_empty_error() {
        let jobs: Vec<std::future::Ready<Result<u8, String>>> = Vec::new();
        let (got, took) = measure(subject::first_ok(jobs)).await;
        assert!(got == Err(vec![]), "first_ok of no jobs should be Err([]), got {got:?}");
        took_exactly("first_ok of no jobs", took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn returns_the_first_success_at_its_time() {
        let fates = Arc::new(Fates::default());
        let jobs = vec![
            racer(fates.clone(), "a", secs(3), Outcome::Succeeds),
            racer(fates.clone(), "b", secs(1), Outcome::Succeeds),
            racer(fates.clone(), "c", secs(2), Outcome::Succeeds),
        ];
        let (got, took) = measure(subject::first_ok(jobs)).await;
        check_winner(&got, took, "b", secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn skips_failures_that_come_first() {
        let fates = Arc::new(Fates::default());
        let jobs = vec![
            racer(fates.clone(), "a", ms(300), Outcome::Fails),
            racer(fates.clone(), "b", ms(500), Outcome::Fails),
            racer(fates.clone(), "c", secs(1), Outcome::Succeeds),
            racer(fates.clone(), "d", secs(2), Outcome::Succeeds),
        ];
        let (got, took) = measure(subject::first_ok(jobs)).await;
        check_winner(&got, took, "c", secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn when_all_fail_returns_every_error_in_input_order() {
        let fates = Arc::new(Fates::default());
        let jobs = vec![
            racer(fates.clone(), "a", secs(2), Outcome::Fails),
            racer(fates.clone(), "b", secs(1), Outcome::Fails),
            racer(fates.clone(), "c", secs(3), Outcome::Fails),
        ];
        let (got, took) = measure(subject::first_ok(jobs)).await;
        let want = vec!["a failed".to_string(), "b failed".into(), "c failed".into()];
        assert!(
            got == Err(want.clone()),
            "when every job fails, first_ok should return all 3 errors in \
             input order, Err({want:?}); it returned {got:?}"
        );
        took_exactly("first_ok when the last failure comes at 3s", took, secs(3));
        assert!(
            fates.cancelled() == 0,
            "{} jobs were cancelled although none succeeded",
            fates.cancelled()
        );
    }
}
