//! Exercise tests for lesson 02, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use kit::timing::{fmt_duration, measure_blocking, ms, secs};
use tokio::runtime::{Builder, Handle, Runtime, RuntimeFlavor};
use tokio::time::{Instant, sleep};

/// A multi-thread runtime for the submit tests: its workers keep running
/// while the test's own (plain) thread waits.
fn pool() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pool-worker")
        .enable_all()
        .build()
        .expect("a multi-thread runtime for the test")
}

/// Sets its flag when dropped: proof that a task's future was dropped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// When each callback ran, measured from `start` on tokio's clock.
type Fired = Arc<Mutex<Vec<(&'static str, Duration)>>>;

fn recorder(
    fired: &Fired,
    start: Instant,
    what: &'static str,
) -> impl FnOnce() + Send + 'static {
    let fired = fired.clone();
    move || {
        fired
            .lock()
            .expect("the log is not poisoned")
            .push((what, start.elapsed()))
    }
}

/// What the callbacks have logged so far.
fn log(fired: &Fired) -> Vec<(&'static str, Duration)> {
    fired.lock().expect("the log is not poisoned").clone()
}

/// The callbacks that ran, with when, for a message: `[f at 2s]`.
fn runs(log: &[(&'static str, Duration)]) -> String {
    let runs: Vec<String> = log
        .iter()
        .map(|(what, at)| format!("{what} at {}", fmt_duration(*at)))
        .collect();
    let early = log.iter().any(|(_, at)| at.is_zero());
    format!(
        "[{}]{}",
        runs.join(", "),
        if early {
            " (a call ran at 0ms on tokio's clock: its wait did not follow tokio's \
             clock; a blocking std::thread::sleep stalls the runtime's thread and \
             ignores tokio's paused time, so await tokio's sleep)"
        } else {
            ""
        }
    )
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: run_sync, id: "02-run-sync";

    #[test]
    fn a_task_spawned_in_one_call_runs_during_the_next() {
        let (tx, rx) = tokio::sync::oneshot::channel();
        // The first call only spawns a task that needs 10 ms: the call is
        // over before the task has done anything.
        subject::run_sync(async move {
            tokio::spawn(async move {
                sleep(ms(10)).await;
                let _ = tx.send("the task lived on");
            });
        });
        // The second call waits for it. (A plain thread cannot see the
        // runtime's tasks: only a later call on it can drive them.)
        let got = subject::run_sync(async { tokio::time::timeout(secs(5), rx).await });
        match got {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => panic!(
                "a task spawned during one run_sync call was dropped before the next call: \
                 a new runtime for every call (asyncio.run each time) drops every task, \
                 connection and pool when the call ends; keep one runtime per thread"
            ),
            Err(_) => panic!(
                "a task spawned during one run_sync call never ran during the next call \
                 (5 s): the next call should run on the same runtime"
            ),
        }
    }

    #[test]
    fn can_be_called_again_and_leaves_no_runtime_entered() {
        let got = (subject::run_sync(async { 1 }), subject::run_sync(async { 2 }));
        assert!(got == (1, 2), "two calls should return (1, 2), they returned {got:?}");
        assert!(
            Handle::try_current().is_err(),
            "after run_sync returned, this thread was still inside a runtime: \
             enter it only for the call (block_on does)"
        );
    }

    #[test]
    fn each_thread_has_its_own_runtime() {
        let (tx, rx) = std::sync::mpsc::channel();
        // Thread A spawns a task, and its call ends before the task runs.
        let a = thread::spawn(move || {
            subject::run_sync(async move {
                tokio::spawn(async move {
                    let _ = tx.send(thread::current().id());
                });
            });
            thread::current().id()
        })
        .join()
        .expect("thread A did not panic");
        // Thread B then runs a call of its own.
        let b = thread::spawn(|| {
            subject::run_sync(async { sleep(ms(20)).await });
            thread::current().id()
        })
        .join()
        .expect("thread B did not panic");
        let ran_on = rx.try_recv().ok();
        let place = match ran_on {
            Some(id) if id == b => "during thread B's call",
            Some(_) => "on another thread",
            None => return, // it never ran: A's runtime ended with thread A
        };
        assert!(
            ran_on == Some(a),
            "a task spawned by thread A's run_sync ran {place}: the threads share one \
             runtime; each calling thread should have its own current-thread runtime, \
             so that no thread runs (or waits behind) another's tasks ({a:?}, {b:?})"
        );
    }

    #[test]
    fn returns_the_output() {
        let got = subject::run_sync(async { 6 * 7 });
        assert!(got == 42, "run_sync(async {{ 6 * 7 }}) should return 42, it returned {got}");
    }

    #[test]
    fn runs_on_the_calling_thread_on_a_current_thread_runtime() {
        let (thread, flavor) =
            subject::run_sync(async { (thread::current().id(), Handle::current().runtime_flavor()) });
        assert!(
            flavor == RuntimeFlavor::CurrentThread,
            "the future ran on a {flavor:?} runtime; it should be CurrentThread"
        );
        assert!(
            thread == thread::current().id(),
            "the future ran on {thread:?}, not on the calling thread {:?}",
            thread::current().id()
        );
    }

    #[test]
    fn sockets_work_inside() {
        let bound =
            subject::run_sync(async { tokio::net::TcpListener::bind("127.0.0.1:0").await.is_ok() });
        assert!(bound, "binding a socket inside run_sync failed: is the I/O driver enabled?");
    }

    #[test]
    fn spawned_tasks_run() {
        let got = subject::run_sync(async { tokio::spawn(async { "from a task" }).await });
        assert!(
            matches!(got, Ok("from a task")),
            "a task spawned inside run_sync and awaited there should give \"from a task\", \
             it gave {got:?}"
        );
    }

    #[test]
    fn timers_work_inside() {
        let got = subject::run_sync(kit::sim::fetch("x", ms(10)));
        assert!(got == "x: done in 10ms", "a 10 ms fetch inside run_sync returned {got:?}");
    }
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: call_later, id: "02-call-later";

    #[tokio::test(start_paused = true)]
    async fn cancel_after_it_ran_is_harmless() {
        let fired = Fired::default();
        let timer = subject::call_later(secs(1), recorder(&fired, Instant::now(), "f"));
        sleep(secs(2)).await;
        timer.cancel();
        timer.cancel();
        let got = log(&fired);
        assert!(
            got == [("f", secs(1))],
            "f was due at 1s and cancelled (twice) at 2s, after it ran; the runs were \
             {}, and should be [f at 1s]",
            runs(&got)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn cancel_before_it_fires_means_it_never_runs() {
        let fired = Fired::default();
        let timer = subject::call_later(secs(2), recorder(&fired, Instant::now(), "f"));
        sleep(secs(1)).await;
        timer.cancel();
        sleep(secs(10)).await;
        let got = log(&fired);
        assert!(
            got.is_empty(),
            "f was due at 2s and cancelled at 1s, yet it ran: {}. Dropping a \
             JoinHandle lets the task go on, detached; abort() stops it",
            runs(&got)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_handle_does_not_cancel() {
        let fired = Fired::default();
        // `let _ =` drops the handle on the spot.
        let _ = subject::call_later(secs(2), recorder(&fired, Instant::now(), "f"));
        sleep(secs(3)).await;
        let got = log(&fired);
        assert!(
            got == [("f", secs(2))],
            "the handle was dropped at once and f was due at 2s; the runs were {}, and \
             should be [f at 2s]{}",
            runs(&got),
            if got.is_empty() {
                ": dropping the handle cancelled the call; as in Python, only cancel() does"
            } else {
                ""
            }
        );
    }

    #[tokio::test(start_paused = true)]
    async fn runs_once_after_the_delay() {
        let fired = Fired::default();
        let start = Instant::now();
        let (_timer, blocked) = measure_blocking(|| {
            subject::call_later(secs(2), recorder(&fired, start, "f"))
        });
        assert!(
            blocked < secs(1),
            "call_later blocked its caller for {}: it should schedule the call and \
             return at once",
            fmt_duration(blocked)
        );
        sleep(ms(1999)).await;
        let early = log(&fired);
        assert!(
            early.is_empty(),
            "f was due at 2s, but by 1.999s the runs were {}",
            runs(&early)
        );
        sleep(secs(10)).await;
        let got = log(&fired);
        assert!(
            got == [("f", secs(2))],
            "f was due at 2s; after 12s the runs were {}, and should be [f at 2s]",
            runs(&got)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn several_timers_fire_in_deadline_order() {
        let fired = Fired::default();
        let start = Instant::now();
        let _c = subject::call_later(secs(3), recorder(&fired, start, "3 s"));
        let _a = subject::call_later(secs(1), recorder(&fired, start, "1 s"));
        let _b = subject::call_later(secs(2), recorder(&fired, start, "2 s"));
        sleep(secs(5)).await;
        let got = log(&fired);
        assert!(
            got == [("1 s", secs(1)), ("2 s", secs(2)), ("3 s", secs(3))],
            "timers due at 3 s, 1 s and 2 s (scheduled in that order) ran as {}; they \
             should run each at its own time: [1 s at 1s, 2 s at 2s, 3 s at 3s]",
            runs(&got)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn when_is_the_deadline() {
        let start = Instant::now();
        let timer = subject::call_later(ms(1500), || {});
        let first = timer.when().saturating_duration_since(start);
        sleep(secs(1)).await;
        let later = timer.when().saturating_duration_since(start);
        assert!(
            (first, later) == (ms(1500), ms(1500)),
            "a call scheduled 1.5s ahead said when() = start + {} at once and start + {} \
             a second later; both should be start + 1.5s (the deadline does not move)",
            fmt_duration(first),
            fmt_duration(later)
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: submit_from_thread, id: "02-submit-from-thread";

    #[test]
    fn panics_are_reported_as_panicked() {
        let runtime = pool();
        let mut job = subject::submit_from_thread(runtime.handle(), async {
            panic!("this job panics on purpose (the test expects it)")
        });
        let got = job.result(secs(10));
        assert!(
            got == Err(subject::SubmitError::Panicked),
            "a job that panicked gave {got:?}; it should be reported as Panicked \
             (a JoinError says which: is_panic())"
        );
    }

    #[test]
    fn a_timeout_gives_up_waiting_but_not_the_task() {
        let runtime = pool();
        let (tx, rx) = tokio::sync::oneshot::channel::<&str>();
        let (mut job, submitting) = measure_blocking(|| subject::submit_from_thread(runtime.handle(), async move {
            // Gives up after 5 s, so a `result` that ignores its timeout
            // fails the test instead of hanging it.
            tokio::time::timeout(secs(5), rx).await.map_or("never sent", |got| got.unwrap_or("dropped"))
        }));
        assert!(
            submitting < secs(5),
            "submit_from_thread waited {} for a job that waits for a message not yet \
             sent: it should start the job on the runtime and return at once",
            fmt_duration(submitting)
        );
        let (first, waited) = measure_blocking(|| job.result(ms(50)));
        assert!(
            first == Err(subject::SubmitError::Timeout),
            "result(50ms) on a job that waits for a message not yet sent returned \
             {first:?} after {}; it should give up with Err(Timeout) after 50ms{}",
            fmt_duration(waited),
            if waited >= secs(5) { ": it ignores its timeout and waits for the task" } else { "" }
        );
        let sent = tx.send("still running");
        assert!(
            sent.is_ok(),
            "after result(50ms) timed out, the job was gone (its receiver dropped): \
             giving up waiting must not cancel the task"
        );
        let second = job.result(secs(10));
        assert!(
            second == Ok("still running"),
            "after a timeout, a second result(10s) returned {second:?}; it should be \
             Ok(\"still running\"){}",
            if second == Err(subject::SubmitError::Cancelled) {
                ": the first timeout lost the task (a timeout that owns the JoinHandle \
                 drops it; let it borrow the handle, &mut)"
            } else {
                ""
            }
        );
    }

    #[test]
    fn cancel_drops_the_task() {
        let runtime = pool();
        let dropped = Arc::new(AtomicBool::new(false));
        let finished = Arc::new(AtomicBool::new(false));
        let (guard, done) = (SetOnDrop(dropped.clone()), finished.clone());
        let mut job = subject::submit_from_thread(runtime.handle(), async move {
            let _guard = guard;
            sleep(secs(5)).await; // far longer than the test needs
            done.store(true, Ordering::SeqCst);
        });
        job.cancel();
        let got = job.result(secs(10));
        assert!(
            got == Err(subject::SubmitError::Cancelled),
            "result() after cancel() returned {got:?}; it should be Err(Cancelled)"
        );
        let seen = (dropped.load(Ordering::SeqCst), finished.load(Ordering::SeqCst));
        assert!(
            seen == (true, false),
            "after cancel() and result(), the job's future was {} and {}: cancel() \
             let go of the task (a dropped JoinHandle detaches it, it runs on) \
             instead of stopping it with abort()",
            if seen.0 { "dropped" } else { "not dropped" },
            if seen.1 { "had run to its end" } else { "had not finished" }
        );
    }

    #[test]
    fn many_plain_threads_can_share_one_runtime() {
        let runtime = pool();
        let handle = runtime.handle().clone();
        let ran = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4u32)
            .map(|i| {
                let (handle, ran) = (handle.clone(), ran.clone());
                thread::spawn(move || {
                    let mut job = subject::submit_from_thread(&handle, async move {
                        ran.fetch_add(1, Ordering::SeqCst);
                        i * 10
                    });
                    job.result(secs(10))
                })
            })
            .collect();
        let results: Vec<_> =
            threads.into_iter().map(|t| t.join().expect("a submitting thread did not panic")).collect();
        assert!(
            results == [Ok(0), Ok(10), Ok(20), Ok(30)],
            "four threads each submitted a job (0, 10, 20, 30); they got {results:?}"
        );
        let ran = ran.load(Ordering::SeqCst);
        assert!(ran == 4, "four jobs were submitted and {ran} ran");
    }

    #[test]
    fn returns_before_the_future_is_done() {
        let runtime = pool();
        let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
        // The future cannot finish until we send, so submitting must not
        // wait for it. (If it does, the future gives up after 5 s and
        // returns 0 rather than hanging the test.)
        let (mut job, waited) = measure_blocking(|| {
            subject::submit_from_thread(runtime.handle(), async move {
                tokio::time::timeout(secs(5), rx).await.map_or(0, |got| got.map_or(0, |n| n + 1))
            })
        });
        assert!(
            waited < secs(5),
            "submit_from_thread waited {} for the job: it should start it and return at once",
            fmt_duration(waited)
        );
        let sent = tx.send(41);
        assert!(sent.is_ok(), "the job was gone right after it was submitted");
        let got = job.result(secs(10));
        assert!(got == Ok(42), "the job should return 41 + 1 = Ok(42), result() gave {got:?}");
    }

    #[test]
    fn runs_on_the_runtime_and_brings_the_result_back() {
        let runtime = pool();
        let mut job = subject::submit_from_thread(runtime.handle(), async {
            sleep(ms(20)).await;
            (thread::current().id(), thread::current().name().map(String::from), 6 * 7)
        });
        let (ran_on, name, value) = job.result(secs(10)).expect("done well within 10 s");
        assert!(value == 42, "the job computes 6 * 7, result() gave {value}");
        assert!(
            ran_on != thread::current().id() && name.as_deref() == Some("pool-worker"),
            "the job ran on thread {name:?}; it should run on the runtime's workers \
             (\"pool-worker\"), not on the thread that submitted it"
        );
    }
}
