//! Exercise tests for lesson 13, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. All on tokio's paused clock.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::FutureExt;
use kit::timing::{assert_exact, measure, ms, secs};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::CancellationToken;

/// An operation that fails its first `failures` calls; records the time of
/// every call.
#[derive(Clone)]
struct Flaky {
    failures: usize,
    calls: Arc<Mutex<Vec<Duration>>>,
    start: Instant,
}

impl Flaky {
    fn new(failures: usize) -> Flaky {
        Flaky {
            failures,
            calls: Arc::default(),
            start: Instant::now(),
        }
    }

    fn call(&self) -> impl Future<Output = Result<String, String>> + use<> {
        let mut calls = self.calls.lock().unwrap();
        calls.push(self.start.elapsed());
        let n = calls.len();
        let failures = self.failures;
        async move {
            if n <= failures {
                Err(format!("call {n} failed"))
            } else {
                Ok(format!("call {n} ok"))
            }
        }
    }

    fn times(&self) -> Vec<Duration> {
        self.calls.lock().unwrap().clone()
    }
}

/// A step that waits `delay` from when it is first polled. (A bare
/// `sleep(delay)` would count from when it was created.)
async fn step(delay: Duration) {
    sleep(delay).await;
}

const PAUSES: [Duration; 3] = [ms(100), ms(200), ms(400)];

/// Wraps a possibly endless wait so a wrong answer fails with a message.
async fn within<T>(
    limit: Duration,
    what: &str,
    fut: impl Future<Output = T>,
) -> T {
    timeout(limit, fut)
        .await
        .unwrap_or_else(|_| panic!("{what}: still waiting after {limit:?}"))
}

kit::exercise_tests! {
    lesson: lesson_13_patterns, exercise: retry, id: "13-retry";

    #[tokio::test(start_paused = true)]
    async fn succeeds_on_the_third_call_at_300_ms() {
        let op = Flaky::new(2);
        let (got, took) = measure(subject::retry(&PAUSES, || op.call())).await;
        assert_eq!(got, Ok("call 3 ok".to_string()));
        assert_eq!(op.times(), [ms(0), ms(100), ms(300)], "when each call was made");
        assert_exact(took, ms(300));
    }

    #[tokio::test(start_paused = true)]
    async fn gives_up_after_every_pause_with_the_last_error() {
        let op = Flaky::new(100);
        let (got, took) = measure(subject::retry(&PAUSES, || op.call())).await;
        assert_eq!(got, Err("call 4 failed".to_string()), "the LAST error");
        assert_eq!(op.times(), [ms(0), ms(100), ms(300), ms(700)], "4 calls");
        assert_exact(took, ms(700)); // no pause after the last failure
    }

    #[tokio::test(start_paused = true)]
    async fn a_first_success_returns_at_once() {
        let op = Flaky::new(0);
        let (got, took) = measure(subject::retry(&PAUSES, || op.call())).await;
        assert_eq!(got, Ok("call 1 ok".to_string()));
        assert_eq!(op.times().len(), 1, "one call only");
        assert_exact(took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn no_pauses_means_one_call() {
        let op = Flaky::new(5);
        let (got, took) = measure(subject::retry(&[], || op.call())).await;
        assert_eq!(got, Err("call 1 failed".to_string()));
        assert_exact(took, ms(0));
    }
}

kit::exercise_tests! {
    lesson: lesson_13_patterns, exercise: budget, id: "13-budget";

    #[tokio::test(start_paused = true)]
    async fn steps_in_time_give_every_output_in_order() {
        let steps = vec![
            kit::sim::fetch("a", ms(300)).boxed(),
            kit::sim::fetch("b", ms(300)).boxed(),
            kit::sim::fetch("c", ms(300)).boxed(),
        ];
        let (got, took) = measure(subject::within_budget(secs(1), ms(400), steps)).await;
        assert_eq!(got.unwrap(), ["a: done in 300ms", "b: done in 300ms", "c: done in 300ms"]);
        assert_exact(took, ms(900));
    }

    #[tokio::test(start_paused = true)]
    async fn a_step_slower_than_its_limit_is_too_slow() {
        let steps = vec![step(ms(300)), step(ms(500)), step(ms(1))];
        let (got, took) = measure(subject::within_budget(secs(1), ms(400), steps)).await;
        let stopped = got.expect_err("step 1 takes 500 ms, over its 400 ms limit");
        assert_eq!(stopped, subject::Stopped { step: 1, cause: subject::Cause::StepTooSlow });
        assert_exact(took, ms(700)); // 300 + 400, and step 2 never ran
    }

    #[tokio::test(start_paused = true)]
    async fn the_budget_cuts_the_step_that_would_overrun_it() {
        let steps: Vec<_> = (0..4).map(|_| step(ms(300))).collect();
        let (got, took) = measure(subject::within_budget(secs(1), ms(400), steps)).await;
        let stopped = got.expect_err("four 300 ms steps do not fit in 1 s");
        assert_eq!(stopped, subject::Stopped { step: 3, cause: subject::Cause::BudgetSpent });
        assert_exact(took, secs(1)); // a fresh 400 ms would end at 1.3 s
    }

    #[tokio::test(start_paused = true)]
    async fn a_budget_tighter_than_one_step_wins_from_the_start() {
        let steps = vec![step(secs(5))];
        let (got, took) = measure(subject::within_budget(ms(250), secs(1), steps)).await;
        assert_eq!(got.unwrap_err(), subject::Stopped { step: 0, cause: subject::Cause::BudgetSpent });
        assert_exact(took, ms(250));
    }

    #[tokio::test(start_paused = true)]
    async fn no_steps_is_an_empty_success() {
        let steps: Vec<std::future::Ready<u8>> = Vec::new();
        let (got, took) = measure(subject::within_budget(secs(1), ms(400), steps)).await;
        assert_eq!(got, Ok(vec![]));
        assert_exact(took, ms(0));
    }
}

/// What happened to each job's work, from inside it.
#[derive(Default)]
struct Fates {
    finished: Mutex<Vec<&'static str>>,
    dropped: Mutex<Vec<&'static str>>,
}

/// Notes a job's work as dropped unless it finished first.
struct DropProbe {
    fates: Arc<Fates>,
    name: &'static str,
    done: bool,
}

impl Drop for DropProbe {
    fn drop(&mut self) {
        if !self.done {
            self.fates.dropped.lock().unwrap().push(self.name);
        }
    }
}

/// Builds a `Job` of the stub's or the solution's type.
trait MakeJob {
    fn make(
        name: &'static str,
        work: futures::future::BoxFuture<'static, ()>,
    ) -> Self;
}

macro_rules! make_job {
    ($job:path) => {
        impl MakeJob for $job {
            fn make(
                name: &'static str,
                work: futures::future::BoxFuture<'static, ()>,
            ) -> Self {
                Self { name, work }
            }
        }
    };
}
make_job!(lesson_13_patterns::exercises::graceful::Job);
make_job!(lesson_13_patterns::solutions::graceful::Job);

/// A job that sleeps `delay`, watched by `fates`.
fn job<J: MakeJob>(
    fates: &Arc<Fates>,
    name: &'static str,
    delay: Duration,
) -> J {
    let fates = fates.clone();
    let work = async move {
        let mut probe = DropProbe {
            fates: fates.clone(),
            name,
            done: false,
        };
        sleep(delay).await;
        probe.done = true;
        fates.finished.lock().unwrap().push(name);
    };
    J::make(name, work.boxed())
}

fn sorted(mut names: Vec<&'static str>) -> Vec<&'static str> {
    names.sort();
    names
}

kit::exercise_tests! {
    lesson: lesson_13_patterns, exercise: graceful, id: "13-graceful";

    #[tokio::test(start_paused = true)]
    async fn finishes_in_grace_and_cancels_the_rest() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        tx.send(job(&fates, "a", secs(1))).await.unwrap();
        tx.send(job(&fates, "b", secs(3))).await.unwrap();
        let stop = CancellationToken::new();
        let stopper = stop.clone();
        tokio::spawn(async move {
            sleep(secs(2)).await;
            stopper.cancel();
        });
        let (report, took) = measure(within(secs(60), "run_jobs",
            subject::run_jobs(rx, stop, ms(500)))).await;
        assert_eq!(report.finished, ["a"]);
        assert_eq!(report.cancelled, ["b"]);
        assert_exact(took, ms(2500)); // stop at 2 s + 500 ms of grace
        assert_eq!(*fates.dropped.lock().unwrap(), ["b"], "b's work must be dropped");
        sleep(secs(10)).await;
        assert_eq!(*fates.finished.lock().unwrap(), ["a"], "b must not finish later");
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_run_at_the_same_time() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        for name in ["x", "y", "z"] {
            tx.send(job(&fates, name, secs(1))).await.unwrap();
        }
        let stop = CancellationToken::new();
        let stopper = stop.clone();
        let started = Instant::now();
        tokio::spawn(async move {
            sleep(secs(5)).await;
            stopper.cancel();
        });
        let report = within(secs(60), "run_jobs", subject::run_jobs(rx, stop, secs(1))).await;
        assert_eq!(sorted(report.finished), ["x", "y", "z"]);
        assert!(report.cancelled.is_empty());
        assert_exact(started.elapsed(), secs(5)); // returned at the stop
        let finished = fates.finished.lock().unwrap().len();
        assert_eq!(finished, 3);
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn returns_as_soon_as_the_running_jobs_finish() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        tx.send(job(&fates, "short", secs(1))).await.unwrap();
        let stop = CancellationToken::new();
        let stopper = stop.clone();
        tokio::spawn(async move {
            sleep(ms(500)).await;
            stopper.cancel();
        });
        let (report, took) = measure(within(secs(60), "run_jobs",
            subject::run_jobs(rx, stop, secs(10)))).await;
        assert_eq!(report.finished, ["short"]);
        assert_exact(took, secs(1)); // not the whole 10 s of grace
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn a_job_sent_after_the_stop_never_starts() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        let stop = CancellationToken::new();
        let sender = {
            let (fates, stop) = (fates.clone(), stop.clone());
            tokio::spawn(async move {
                tx.send(job(&fates, "early", ms(200))).await.unwrap();
                sleep(secs(1)).await;
                stop.cancel();
                let _ = tx.send(job(&fates, "late", ms(200))).await;
                tx
            })
        };
        let (report, took) = measure(within(secs(60), "run_jobs",
            subject::run_jobs(rx, stop, secs(1)))).await;
        assert_eq!(report.finished, ["early"]);
        assert!(report.cancelled.is_empty(), "late was never started");
        assert_exact(took, secs(1));
        drop(sender);
        sleep(secs(5)).await;
        assert_eq!(*fates.finished.lock().unwrap(), ["early"]);
    }

    #[tokio::test(start_paused = true)]
    async fn stopping_with_nothing_running_returns_at_once() {
        let (_tx, rx) = mpsc::channel::<subject::Job>(10);
        let stop = CancellationToken::new();
        stop.cancel();
        let (report, took) = measure(within(secs(60), "run_jobs",
            subject::run_jobs(rx, stop, secs(5)))).await;
        assert_eq!(report, subject::Report::default());
        assert_exact(took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_closed_channel_also_means_stop() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        tx.send(job(&fates, "one", secs(2))).await.unwrap();
        drop(tx); // every sender gone
        let (report, took) = measure(within(secs(60), "run_jobs",
            subject::run_jobs(rx, CancellationToken::new(), secs(1)))).await;
        assert_eq!(report.cancelled, ["one"], "1 s of grace, a 2 s job");
        assert_exact(took, secs(1));
    }
}
