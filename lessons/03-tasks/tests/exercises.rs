//! Exercise tests for lesson 03, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kit::sim::Outcome;
use kit::timing::{assert_exact, measure, ms, secs};
use tokio::task::JoinSet;
use tokio::time::sleep;

/// Counts how many probed jobs are in flight, and the most there ever were.
#[derive(Debug, Default)]
struct InFlight {
    now: AtomicUsize,
    max: AtomicUsize,
}

impl InFlight {
    /// A job that returns `value` after `delay`, counted while it runs.
    fn job<T: Send + 'static>(
        self: &Arc<Self>,
        delay: Duration,
        value: T,
    ) -> impl Future<Output = T> + Send + 'static + use<T> {
        let counter = self.clone();
        async move {
            let now = counter.now.fetch_add(1, Ordering::SeqCst) + 1;
            counter.max.fetch_max(now, Ordering::SeqCst);
            sleep(delay).await;
            counter.now.fetch_sub(1, Ordering::SeqCst);
            value
        }
    }

    fn max(&self) -> usize {
        self.max.load(Ordering::SeqCst)
    }
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

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: gather, id: "03-gather";

    #[tokio::test(start_paused = true)]
    async fn returns_results_in_input_order() {
        let jobs = [("slow", secs(3)), ("fast", secs(1)), ("medium", secs(2))];
        let got = subject::gather(&jobs).await;
        assert_eq!(got, ["slow: done in 3s", "fast: done in 1s", "medium: done in 2s"]);
    }

    #[tokio::test(start_paused = true)]
    async fn takes_as_long_as_the_slowest_not_the_sum() {
        let jobs = [("a", secs(1)), ("b", secs(2)), ("c", ms(1500))];
        let (_, took) = measure(subject::gather(&jobs)).await;
        assert_exact(took, secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_hundred_fetches_take_one_second() {
        let names: Vec<String> = (0..100).map(|i| format!("item{i}")).collect();
        let jobs: Vec<(&str, Duration)> = names.iter().map(|n| (n.as_str(), secs(1))).collect();
        let (got, took) = measure(subject::gather(&jobs)).await;
        assert_exact(took, secs(1));
        assert_eq!(got.len(), 100);
        assert_eq!(got[42], "item42: done in 1s");
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_to_fetch_returns_at_once() {
        let (got, took) = measure(subject::gather(&[])).await;
        assert!(got.is_empty());
        assert_exact(took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: gather_limited, id: "03-gather-limited";

    #[tokio::test(start_paused = true)]
    async fn ten_one_second_jobs_under_a_limit_of_three_take_four_seconds() {
        let probe = Arc::new(InFlight::default());
        let jobs: Vec<_> = (0..10).map(|i| probe.job(secs(1), i)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 3)).await;
        assert_exact(took, secs(4)); // 3 + 3 + 3 + 1
        assert_eq!(got, (0..10).collect::<Vec<_>>());
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_flight_and_the_limit_is_used() {
        let probe = Arc::new(InFlight::default());
        let delays = [300, 100, 200, 500, 100, 100, 400, 200, 300, 100, 200, 100];
        let jobs: Vec<_> = delays.iter().map(|&d| probe.job(ms(d), d)).collect();
        subject::gather_limited(jobs, 4).await;
        assert_eq!(probe.max(), 4, "at most 4 at once, and 4 do run together");
    }

    #[tokio::test(start_paused = true)]
    async fn keeps_input_order_when_jobs_finish_out_of_order() {
        let probe = Arc::new(InFlight::default());
        let delays = [5, 1, 4, 2, 3, 1, 2];
        let jobs: Vec<_> = delays
            .iter()
            .enumerate()
            .map(|(i, &d)| probe.job(secs(d), format!("job {i}")))
            .collect();
        let got = subject::gather_limited(jobs, 3).await;
        let want: Vec<String> = (0..delays.len()).map(|i| format!("job {i}")).collect();
        assert_eq!(got, want);
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_job_does_not_hold_up_the_jobs_behind_it() {
        // Slot 1 runs the 3 s job; slot 2 runs the three 1 s jobs in turn.
        let probe = Arc::new(InFlight::default());
        let jobs: Vec<_> = [3, 1, 1, 1].into_iter().map(|d| probe.job(secs(d), d)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 2)).await;
        assert_exact(took, secs(3));
        assert_eq!(got, [3, 1, 1, 1]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_above_the_count_runs_everything_at_once() {
        let probe = Arc::new(InFlight::default());
        let jobs: Vec<_> = [1, 2, 3].into_iter().map(|d| probe.job(secs(d), d)).collect();
        let (got, took) = measure(subject::gather_limited(jobs, 10)).await;
        assert_exact(took, secs(3));
        assert_eq!(got, [1, 2, 3]);
        assert_eq!(probe.max(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_of_one_is_one_after_another() {
        let probe = Arc::new(InFlight::default());
        let jobs: Vec<_> = [1, 2, 3].into_iter().map(|d| probe.job(secs(d), d)).collect();
        let (_, took) = measure(subject::gather_limited(jobs, 1)).await;
        assert_exact(took, secs(6));
        assert_eq!(probe.max(), 1);
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: wait_deadline, id: "03-wait-deadline";

    #[tokio::test(start_paused = true)]
    async fn splits_done_from_pending_at_the_deadline() {
        let mut tasks = sleepers(&[("fast", ms(500)), ("medium", secs(1)), ("slow", secs(2))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, ms(1500))).await;
        assert_exact(took, ms(1500));
        assert_eq!(done, ["fast", "medium"], "the finished ones, in finishing order");
        assert_eq!(tasks.len(), 1, "one task is still pending");
    }

    #[tokio::test(start_paused = true)]
    async fn pending_tasks_keep_running() {
        let mut tasks = sleepers(&[("fast", ms(500)), ("slow", secs(2))]);
        let start = tokio::time::Instant::now();
        subject::wait_deadline(&mut tasks, ms(1500)).await;
        // Not cancelled: the slow one can still be collected, at 2 s.
        let slow = tasks.join_next().await.expect("still in the set").expect("not cancelled");
        assert_eq!(slow, "slow");
        assert_exact(start.elapsed(), secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn returns_as_soon_as_everything_is_done() {
        let mut tasks = sleepers(&[("a", ms(200)), ("b", ms(400))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(5))).await;
        assert_exact(took, ms(400));
        assert_eq!(done, ["a", "b"]);
        assert!(tasks.is_empty());
    }

    #[tokio::test(start_paused = true)]
    async fn one_deadline_for_the_whole_wait() {
        // A fresh 1 s timeout per task would wait until 3 s here.
        let mut tasks = sleepers(&[("a", ms(800)), ("b", ms(1600)), ("c", ms(2400)), ("d", secs(9))]);
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(1))).await;
        assert_exact(took, secs(1));
        assert_eq!(done, ["a"]);
        assert_eq!(tasks.len(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_set_returns_at_once() {
        let mut tasks: JoinSet<&'static str> = JoinSet::new();
        let (done, took) = measure(subject::wait_deadline(&mut tasks, secs(1))).await;
        assert!(done.is_empty());
        assert_exact(took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_03_tasks, exercise: first_ok, id: "03-first-ok";

    #[tokio::test(start_paused = true)]
    async fn returns_the_first_success_at_its_time() {
        let fates = Arc::new(Fates::default());
        let jobs = vec![
            racer(fates.clone(), "a", secs(3), Outcome::Succeeds),
            racer(fates.clone(), "b", secs(1), Outcome::Succeeds),
            racer(fates.clone(), "c", secs(2), Outcome::Succeeds),
        ];
        let (got, took) = measure(subject::first_ok(jobs)).await;
        assert_eq!(got, Ok("b"));
        assert_exact(took, secs(1));
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
        assert_eq!(got, Ok("c"));
        assert_exact(took, secs(1));
    }

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
        assert_eq!(subject::first_ok(jobs).await, Ok("c"));
        assert_eq!(fates.cancelled(), 3, "a, d and e were dropped by the time first_ok returned");
        assert_eq!(fates.finished(), 2, "only b (failed) and c (won) ran to the end");
        sleep(secs(10)).await;
        assert_eq!(fates.finished(), 2, "no loser kept running in the background");
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
        assert_eq!(got, Err(vec!["a failed".to_string(), "b failed".into(), "c failed".into()]));
        assert_exact(took, secs(3));
        assert_eq!(fates.cancelled(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn no_jobs_is_an_empty_error() {
        let jobs: Vec<std::future::Ready<Result<u8, String>>> = Vec::new();
        let (got, took) = measure(subject::first_ok(jobs)).await;
        assert_eq!(got, Err(vec![]));
        assert_exact(took, ms(0));
    }
}
