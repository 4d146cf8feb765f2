//! Exercise tests for lesson 13, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`. All on tokio's paused clock.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::FutureExt;
use kit::grade::{took_exactly, within};
use kit::timing::{fmt_duration, measure, ms, secs};
use lesson_13_patterns::backoff::{Backoff, Jitter};
use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

/// A lock that a panic elsewhere does not turn into a second panic here.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `[0ms, 3ms, 64ms]`.
fn times(list: &[Duration]) -> String {
    let shown: Vec<_> = list.iter().map(|d| fmt_duration(*d)).collect();
    format!("[{}]", shown.join(", "))
}

/// The backoff the retry tests use: base 100 ms, cap 400 ms, full jitter.
const BACKOFF: Backoff = Backoff {
    base: ms(100),
    cap: ms(400),
    jitter: Jitter::Full,
};

/// The generator every retry test gives `retry`.
fn seeded() -> StdRng {
    StdRng::seed_from_u64(7)
}

/// The first `n` pauses `BACKOFF` draws from `seeded()`.
fn seeded_pauses(n: u32) -> Vec<Duration> {
    let mut rng = seeded();
    (0..n).map(|retry| BACKOFF.pause(retry, &mut rng)).collect()
}

/// What a wrong schedule most often comes from.
const SCHEDULE_MISTAKES: &str = "each pause is policy.backoff.pause(n, rng) \
    for retry n = 0, 1, 2…, drawn from the rng you were given: pausing the \
    ceiling (no jitter), a new rng, or counting n from 1?";

/// Records the time of every call of an operation (from the test's start)
/// and how many of its tries were dropped unfinished.
#[derive(Clone)]
struct Calls {
    times: Arc<Mutex<Vec<Duration>>>,
    dropped: Arc<AtomicUsize>,
    start: Instant,
}

impl Calls {
    fn new() -> Calls {
        Calls {
            times: Arc::default(),
            dropped: Arc::default(),
            start: Instant::now(),
        }
    }

    /// Notes a call; returns its number, from 1.
    fn record(&self) -> usize {
        let mut times = lock(&self.times);
        times.push(self.start.elapsed());
        times.len()
    }

    fn times(&self) -> Vec<Duration> {
        lock(&self.times).clone()
    }

    /// A try that never answers; notes it when it is dropped.
    fn hang<T>(&self) -> impl Future<Output = T> + use<T> {
        let probe = DroppedTry(self.dropped.clone());
        async move {
            let _probe = probe;
            std::future::pending::<T>().await
        }
    }

    fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }
}

/// Counts itself when dropped.
struct DroppedTry(Arc<AtomicUsize>);

impl Drop for DroppedTry {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// When each call of `op` should be, given the try lengths and pauses.
fn sums(starts: impl IntoIterator<Item = Duration>) -> Vec<Duration> {
    let mut at = Duration::ZERO;
    starts
        .into_iter()
        .map(|step| {
            at += step;
            at
        })
        .collect()
}

kit::exercise_tests! {
    lesson: lesson_13_patterns, exercise: retry, id: "13-retry";

    #[tokio::test(start_paused = true)]
    async fn a_fatal_failure_goes_out_at_once() {
        let calls = Calls::new();
        let policy = subject::Policy { backoff: BACKOFF, per_try: secs(1), deadline: secs(10) };
        let budget = subject::RetryBudget::new(10);
        let op = || {
            let n = calls.record();
            async move { Err::<(), _>(subject::Failure::Fatal(format!("400 on call {n}"))) }
        };
        let (got, took) = measure(within("retry", secs(10), subject::retry(policy, &budget, &mut seeded(), op))).await;
        let made = calls.times().len();
        assert_eq!(
            made, 1,
            "a fatal failure was retried: op was called {made} times, at {}; \
             a Failure::Fatal (a 400) fails the same way every time, so it \
             goes out after the first call",
            times(&calls.times())
        );
        let want = subject::GaveUp::Fatal { tries: 1, error: "400 on call 1".into() };
        assert_eq!(got, Err(want.clone()), "retry returned {got:?} for a 400 on the first call; it should be {want:?}");
        took_exactly("giving up on a 400", took, ms(0));
        assert_eq!(budget.left(), 10, "the budget had {} retries left after a fatal failure; none is taken", budget.left());
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_try_is_cut_by_its_own_limit_and_retried() {
        let calls = Calls::new();
        let policy = subject::Policy { backoff: BACKOFF, per_try: ms(300), deadline: secs(10) };
        let budget = subject::RetryBudget::new(10);
        let op = || {
            let n = calls.record();
            let hang = (n == 1).then(|| calls.hang::<Result<&str, subject::Failure>>());
            async move {
                match hang {
                    Some(hang) => hang.await,
                    None => Ok("answer"),
                }
            }
        };
        let (got, took) = measure(within("retry", secs(10), subject::retry(policy, &budget, &mut seeded(), op))).await;
        let pause = seeded_pauses(1)[0];
        let want = [ms(0), ms(300) + pause];
        assert_eq!(
            calls.times(), want,
            "the calls were made at {}; the first try hangs and is cut by \
             per_try (300ms), then comes the first seeded pause ({}), so \
             they should be at {}. Is each try limited by per_try? And {}",
            times(&calls.times()), fmt_duration(pause), times(&want), SCHEDULE_MISTAKES
        );
        assert_eq!(got, Ok("answer"), "retry returned {got:?}; the second call answers Ok(\"answer\")");
        took_exactly("a hung try, a pause and a success", took, want[1]);
        assert_eq!(
            calls.dropped(), 1,
            "the hung try was dropped {} times when per_try cut it; it should \
             be dropped once, not left running", calls.dropped()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn calls_sharing_a_budget_share_its_retries() {
        let calls = Calls::new();
        let policy = subject::Policy { backoff: BACKOFF, per_try: secs(1), deadline: secs(10) };
        let budget = subject::RetryBudget::new(3);
        let op = || {
            let n = calls.record();
            async move { Err::<(), _>(subject::Failure::Retryable(format!("503 on call {n}"))) }
        };
        let (mut rng_a, mut rng_b) = (seeded(), seeded());
        let both = async {
            tokio::join!(
                subject::retry(policy, &budget, &mut rng_a, op),
                subject::retry(policy, &budget, &mut rng_b, op),
            )
        };
        let (a, b) = within("two calls of retry sharing a budget", secs(10), both).await;
        let made = calls.times().len();
        assert_eq!(
            made, 5,
            "the two calls made {made} calls of op between them ({} retries); \
             the shared budget had 3 retries, so 2 first tries + 3 retries = \
             5 calls in all. Is the budget counted per call, not taken from \
             the RetryBudget both calls share?",
            made.saturating_sub(2)
        );
        assert_eq!(budget.left(), 0, "the shared budget has {} retries left after 3 were used", budget.left());
        for (which, got) in [("the first", &a), ("the second", &b)] {
            assert!(
                matches!(got, Err(subject::GaveUp::BudgetSpent { .. })),
                "{which} call returned {got:?}; with the budget spent it gives \
                 up with GaveUp::BudgetSpent"
            );
        }
        let tries = |got: &Result<(), subject::GaveUp>| match got {
            Err(subject::GaveUp::BudgetSpent { tries, .. }) => *tries,
            _ => 0,
        };
        let (ta, tb) = (tries(&a), tries(&b));
        assert_eq!(ta + tb, 5, "the calls counted {ta} and {tb} tries; op was called 5 times in all");
        if let Err(subject::GaveUp::BudgetSpent { tries, last }) = &a {
            let want = format!("503 on call {}", if *tries == 3 { 5 } else { 4 });
            assert!(last.starts_with("503 on call"), "BudgetSpent's last was {last:?}; it should be the last failure's message, like {want:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn retries_follow_the_seeded_backoff() {
        let calls = Calls::new();
        let policy = subject::Policy { backoff: BACKOFF, per_try: secs(1), deadline: secs(10) };
        let budget = subject::RetryBudget::new(10);
        let op = || {
            let n = calls.record();
            async move {
                if n <= 3 {
                    Err(subject::Failure::Retryable(format!("503 on call {n}")))
                } else {
                    Ok(n)
                }
            }
        };
        let (got, took) = measure(within("retry", secs(10), subject::retry(policy, &budget, &mut seeded(), op))).await;
        let pauses = seeded_pauses(3);
        let want: Vec<_> = [vec![ms(0)], sums(pauses.clone())].concat();
        assert_eq!(
            calls.times(), want,
            "the calls were made at {}; three 503s with the seeded pauses {} \
             between them should be at {}: {}",
            times(&calls.times()), times(&pauses), times(&want), SCHEDULE_MISTAKES
        );
        assert_eq!(got, Ok(4), "retry returned {got:?}; the fourth call succeeds with Ok(4)");
        took_exactly("three 503s and a success", took, want[3]);
        assert_eq!(budget.left(), 7, "the budget of 10 has {} retries left after 3 retries", budget.left());
    }

    #[tokio::test(start_paused = true)]
    async fn the_deadline_bounds_the_tries_and_the_pauses() {
        let calls = Calls::new();
        let (per_try, deadline) = (ms(400), secs(1));
        let policy = subject::Policy { backoff: BACKOFF, per_try, deadline };
        let budget = subject::RetryBudget::new(10);
        let op = || {
            calls.record();
            calls.hang::<Result<(), subject::Failure>>()
        };
        let (got, took) = measure(within("retry under a 1s deadline", secs(2), subject::retry(policy, &budget, &mut seeded(), op))).await;

        // The schedule the rules give: tries cut at 400 ms or at the
        // deadline, whichever is first; no pause that reaches the deadline.
        let pauses = seeded_pauses(10);
        let (mut at, mut want_times, mut tries) = (Duration::ZERO, Vec::new(), 0);
        let gave_up_at = loop {
            want_times.push(at);
            tries += 1;
            if at + per_try >= deadline {
                break deadline;
            }
            at += per_try;
            let pause = pauses[tries - 1];
            if at + pause >= deadline {
                break at;
            }
            at += pause;
        };
        assert!(
            took <= deadline,
            "retry gave up at {}; the deadline was {}: the deadline bounds \
             every try (each gets the tighter of per_try and what is left) \
             and every pause (one that would reach it is not taken)",
            fmt_duration(took), fmt_duration(deadline)
        );
        assert_eq!(
            calls.times(), want_times,
            "under a 1s deadline, with 400ms per try and the seeded pauses \
             {}, a service that never answers is called at {}; the calls \
             were at {}: {}",
            times(&pauses[..tries]), times(&want_times), times(&calls.times()), SCHEDULE_MISTAKES
        );
        let want = subject::GaveUp::Deadline { tries: tries as u32 };
        assert_eq!(got, Err(want.clone()), "retry returned {got:?}; it should be {want:?}");
        took_exactly("giving up at the deadline", took, gave_up_at);
        assert_eq!(calls.dropped(), tries, "of {tries} hung tries, {} were dropped when cut", calls.dropped());
    }
}

/// The names of the steps that were started, in order.
type Started = Arc<Mutex<Vec<&'static str>>>;

/// A step that notes its start, waits `delay` from then (a bare
/// `sleep(delay)` would count from when it was created), and says so.
fn step(
    started: &Started,
    name: &'static str,
    delay: Duration,
) -> futures::future::BoxFuture<'static, String> {
    let started = started.clone();
    async move {
        lock(&started).push(name);
        sleep(delay).await;
        format!("{name} done")
    }
    .boxed()
}

kit::exercise_tests! {
    lesson: lesson_13_patterns, exercise: budget, id: "13-budget";

    #[tokio::test(start_paused = true)]
    async fn steps_in_time_give_every_output_in_order() {
        use subject::Step::Done;
        let started = Started::default();
        let steps = vec![
            step(&started, "a", ms(300)),
            step(&started, "b", ms(300)),
            step(&started, "c", ms(300)),
        ];
        let run = subject::within_budget(secs(1), ms(400), steps);
        let (got, took) = measure(within("within_budget", secs(2), run)).await;
        let want = vec![Done("a done".to_owned()), Done("b done".into()), Done("c done".into())];
        assert_eq!(
            got, want,
            "three 300ms steps under a 1s budget, 400ms each, gave {got:?}; \
             each fits, so all three are done, in order"
        );
        took_exactly("three 300ms steps, one after another", took, ms(900));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slow_step_is_skipped_and_the_run_goes_on() {
        use subject::Step::{Done, TooSlow};
        let started = Started::default();
        let steps = vec![
            step(&started, "a", ms(300)),
            step(&started, "b", ms(500)),
            step(&started, "c", ms(100)),
        ];
        let run = subject::within_budget(secs(1), ms(400), steps);
        let (got, took) = measure(within("within_budget", secs(2), run)).await;
        let want = vec![Done("a done".to_owned()), TooSlow, Done("c done".into())];
        assert_eq!(
            got, want,
            "steps of 300, 500 and 100ms under a 1s budget, 400ms each, gave \
             {got:?}: b is cut by its own 400ms (at 700ms the budget still \
             has 300ms), and a step too slow for its own limit does not stop \
             the run: c runs next"
        );
        took_exactly("300ms, a step cut at 400ms, then 100ms", took, ms(800));
    }

    #[tokio::test(start_paused = true)]
    async fn the_budget_cuts_the_step_that_would_overrun_it() {
        use subject::Step::{CutByBudget, Done};
        let started = Started::default();
        let steps: Vec<_> = ["a", "b", "c", "d"].into_iter().map(|n| step(&started, n, ms(300))).collect();
        let run = subject::within_budget(secs(1), ms(400), steps);
        let (got, took) = measure(within("within_budget", secs(2), run)).await;
        let want = vec![Done("a done".to_owned()), Done("b done".into()), Done("c done".into()), CutByBudget];
        assert_eq!(
            got, want,
            "four 300ms steps under a 1s budget, 400ms each, gave {got:?} at \
             {}: at 900ms only 100ms of the budget is left, less than d's own \
             400ms, so the budget cuts d at 1s. The budget's deadline is fixed \
             once, before the first step, and shared by every step; compare \
             what is left of it with the step's own limit",
            fmt_duration(took)
        );
        took_exactly("the budget cutting the fourth step", took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_budget_tighter_than_one_step_wins_from_the_start() {
        use subject::Step::{CutByBudget, NotRun};
        let started = Started::default();
        let steps = vec![step(&started, "a", secs(5)), step(&started, "b", ms(10))];
        let run = subject::within_budget(ms(250), secs(1), steps);
        let (got, took) = measure(within("within_budget", secs(2), run)).await;
        assert_eq!(
            got, vec![CutByBudget, NotRun],
            "a 5s step and a 10ms one under a 250ms budget with 1s per step \
             gave {got:?}, at {}: the budget is the tighter limit, so it cuts \
             the first step at 250ms, and then nothing more runs",
            fmt_duration(took)
        );
        took_exactly("a step cut by the 250ms budget", took, ms(250));
        let ran = lock(&started).clone();
        assert_eq!(ran, ["a"], "the steps that were started: {ran:?}; after the budget is spent no step starts");
    }

    #[tokio::test(start_paused = true)]
    async fn a_tie_is_the_budget() {
        use subject::Step::{CutByBudget, Done, NotRun};
        let started = Started::default();
        let steps = vec![
            step(&started, "a", ms(400)),
            step(&started, "b", secs(5)),
            step(&started, "c", ms(10)),
        ];
        let run = subject::within_budget(secs(1), ms(600), steps);
        let (got, took) = measure(within("within_budget", secs(2), run)).await;
        let want = vec![Done("a done".to_owned()), CutByBudget, NotRun];
        assert_eq!(
            got, want,
            "steps of 400ms, 5s and 10ms under a 1s budget, 600ms each, gave \
             {got:?}: b's own limit and the budget both end at 1s, and a tie \
             is the budget's (the budget's deadline is fixed once, before the \
             first step; compare what is left of it with the step's own \
             limit)"
        );
        took_exactly("a step cut at 1s", took, secs(1));
        let ran = lock(&started).clone();
        assert_eq!(ran, ["a", "b"], "the steps that were started: {ran:?}; c comes after the budget is spent");
    }

    #[tokio::test(start_paused = true)]
    async fn no_steps_is_an_empty_list() {
        let steps: Vec<std::future::Ready<u8>> = Vec::new();
        let (got, took) = measure(subject::within_budget(secs(1), ms(400), steps)).await;
        assert_eq!(got, vec![], "no steps gave {got:?}; it should be an empty list");
        took_exactly("no steps", took, ms(0));
    }
}

/// What happened to each job's work, from inside it.
#[derive(Default)]
struct Fates {
    finished: Mutex<Vec<&'static str>>,
    dropped: Mutex<Vec<&'static str>>,
}

impl Fates {
    fn finished(&self) -> Vec<&'static str> {
        lock(&self.finished).clone()
    }

    fn dropped(&self) -> Vec<&'static str> {
        lock(&self.dropped).clone()
    }
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
            lock(&self.fates.dropped).push(self.name);
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
        lock(&fates.finished).push(name);
    };
    J::make(name, work.boxed())
}

/// Queues `job` on `tx`, which the test keeps open.
async fn queue<J>(tx: &mpsc::Sender<J>, job: J) {
    if tx.send(job).await.is_err() {
        panic!("run_jobs dropped the job channel before the test stopped it");
    }
}

/// Cancels `stop` at `at` on the paused clock.
fn stop_at(stop: &CancellationToken, at: Duration) {
    let stopper = stop.clone();
    tokio::spawn(async move {
        sleep(at).await;
        stopper.cancel();
    });
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
        queue(&tx, job(&fates, "a", secs(1))).await;
        queue(&tx, job(&fates, "b", secs(3))).await;
        let stop = CancellationToken::new();
        stop_at(&stop, secs(2));
        let run = subject::run_jobs(rx, stop, ms(500));
        let (report, took) = measure(within("run_jobs, stopped at 2s with 500ms of grace (is the stop token \
             watched while it waits for the next job?),", secs(10), run)).await;
        assert_eq!(
            report.finished, ["a"],
            "jobs of 1s and 3s, stopped at 2s with 500ms of grace: the \
             report's finished list was {:?}; only a (done at 1s) finishes",
            report.finished
        );
        assert_eq!(
            report.cancelled, ["b"],
            "jobs of 1s and 3s, stopped at 2s with 500ms of grace: the \
             report's cancelled list was {:?}; b (3s) cannot finish by 2.5s",
            report.cancelled
        );
        assert_eq!(
            fates.dropped(), ["b"],
            "the work dropped unfinished was {:?}: b's work must be dropped \
             when its grace is over, not left running", fates.dropped()
        );
        took_exactly("stopping at 2s with 500ms of grace for b", took, ms(2500));
        sleep(secs(10)).await;
        assert_eq!(
            fates.finished(), ["a"],
            "10s after run_jobs returned, the finished work was {:?}: b was \
             reported cancelled, so it must not finish later", fates.finished()
        );
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_run_at_the_same_time() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        for name in ["x", "y", "z"] {
            queue(&tx, job(&fates, name, secs(1))).await;
        }
        let stop = CancellationToken::new();
        stop_at(&stop, secs(5));
        sleep(ms(0)).await;
        let start = Instant::now();
        let run = subject::run_jobs(rx, stop, secs(1));
        let report = within("run_jobs, stopped at 5s,", secs(10), run).await;
        let finished = fates.finished();
        assert_eq!(
            sorted(report.finished.clone()), ["x", "y", "z"],
            "three 1s jobs, stopped at 5s: the report's finished list was \
             {:?} (their work finished: {finished:?})", report.finished
        );
        assert!(
            report.cancelled.is_empty(),
            "three 1s jobs, stopped at 5s: the report's cancelled list was {:?}",
            report.cancelled
        );
        took_exactly("run_jobs, stopped at 5s with nothing running", start.elapsed(), secs(5));
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn jobs_overlap() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        for name in ["x", "y", "z"] {
            queue(&tx, job(&fates, name, secs(1))).await;
        }
        let stop = CancellationToken::new();
        stop_at(&stop, secs(5));
        let watch = fates.clone();
        let run = tokio::spawn(subject::run_jobs(rx, stop, secs(1)));
        sleep(ms(1001)).await;
        let done = watch.finished();
        assert_eq!(
            sorted(done.clone()), ["x", "y", "z"],
            "three 1s jobs queued at once: at 1s the finished work was \
             {done:?}; each job runs as its own task, all at the same time, \
             not one after another"
        );
        let report = within("run_jobs, stopped at 5s,", secs(10), async {
            run.await.expect("run_jobs panicked")
        }).await;
        assert!(report.cancelled.is_empty(), "the cancelled list was {:?}", report.cancelled);
        drop(tx);
    }

    #[tokio::test(start_paused = true)]
    async fn returns_as_soon_as_the_running_jobs_finish() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        queue(&tx, job(&fates, "short", secs(1))).await;
        let stop = CancellationToken::new();
        stop_at(&stop, ms(500));
        let run = subject::run_jobs(rx, stop, secs(10));
        let (report, took) = measure(within("run_jobs, stopped at 500ms with 10s of grace,", secs(20), run)).await;
        assert_eq!(
            report.finished, ["short"],
            "a 1s job, stopped at 500ms with 10s of grace: the report's \
             finished list was {:?} (cancelled: {:?}); the grace period lets \
             it finish: was it cancelled at the stop?",
            report.finished, report.cancelled
        );
        assert!(
            took <= secs(1),
            "run_jobs returned at {}; its one job finished at 1s, so it \
             should return then, not wait out the grace period (10s)",
            fmt_duration(took)
        );
        took_exactly("a 1s job finishing in its grace", took, secs(1));
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
                queue(&tx, job(&fates, "early", ms(200))).await;
                sleep(secs(1)).await;
                stop.cancel();
                let _ = tx.send(job(&fates, "late", ms(200))).await;
                tx
            })
        };
        let run = subject::run_jobs(rx, stop, secs(1));
        let what = "run_jobs, stopped at 1s while the channel stays open,";
        let (report, took) = measure(within(what, secs(10), run)).await;
        assert_eq!(
            report.finished, ["early"],
            "the report's finished list was {:?}: late was sent after the \
             stop, so it is never started (stop taking jobs at the stop)",
            report.finished
        );
        assert!(
            report.cancelled.is_empty(),
            "the report's cancelled list was {:?}: late was sent after the \
             stop, so it is never started", report.cancelled
        );
        assert!(
            took == secs(1),
            "run_jobs returned at {}; it was stopped at 1s with nothing \
             running, so it should return at once: was the grace period \
             waited out in full?", fmt_duration(took)
        );
        drop(sender);
        sleep(secs(5)).await;
        assert_eq!(
            fates.finished(), ["early"],
            "the finished work was {:?}: late, sent after the stop, must \
             never run", fates.finished()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn stopping_with_nothing_running_returns_at_once() {
        let (_tx, rx) = mpsc::channel::<subject::Job>(10);
        let stop = CancellationToken::new();
        stop.cancel();
        let run = subject::run_jobs(rx, stop, secs(5));
        let (report, took) = measure(within("run_jobs, already stopped,", secs(10), run)).await;
        assert_eq!(report, subject::Report::default(), "with no jobs and the stop already cancelled the report was {report:?}");
        assert!(
            took == ms(0),
            "run_jobs returned at {}, with nothing running: it should return \
             at once, not wait out the grace period (5s)", fmt_duration(took)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_closed_channel_also_means_stop() {
        let fates = Arc::new(Fates::default());
        let (tx, rx) = mpsc::channel(10);
        queue(&tx, job(&fates, "one", secs(2))).await;
        drop(tx); // every sender gone
        let run = subject::run_jobs(rx, CancellationToken::new(), secs(1));
        let what = "run_jobs, with every sender gone and 1s of grace,";
        let (report, took) = measure(within(what, secs(10), run)).await;
        assert_eq!(
            report.cancelled, ["one"],
            "a 2s job, then the channel closed, 1s of grace: the report's \
             cancelled list was {:?} (finished: {:?}); a closed channel \
             means stop, and 1s of grace is too short for it. Is each job \
             run as its own task, or awaited in the loop?",
            report.cancelled, report.finished
        );
        assert!(
            took == secs(1),
            "run_jobs returned at {}; with the channel closed at once it \
             stops at 0s, and the 2s job gets the grace period, 1s, then is \
             cancelled: was the grace period skipped, or was the job waited \
             for to the end?", fmt_duration(took)
        );
    }
}
