//! Exercise tests for lesson 02, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use kit::timing::{ms, secs};
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
        .unwrap()
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
    move || fired.lock().unwrap().push((what, start.elapsed()))
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: run_sync, id: "02-run-sync";

    #[test]
    fn returns_the_output() {
        assert_eq!(subject::run_sync(async { 6 * 7 }), 42);
    }

    #[test]
    fn timers_work_inside() {
        let got = subject::run_sync(kit::sim::fetch("x", ms(10)));
        assert_eq!(got, "x: done in 10ms");
    }

    #[test]
    fn sockets_work_inside() {
        let bound = subject::run_sync(async { tokio::net::TcpListener::bind("127.0.0.1:0").await.is_ok() });
        assert!(bound, "the I/O driver must be enabled");
    }

    #[test]
    fn runs_on_the_calling_thread_on_a_current_thread_runtime() {
        let (thread, flavor) =
            subject::run_sync(async { (thread::current().id(), Handle::current().runtime_flavor()) });
        assert_eq!(thread, thread::current().id());
        assert_eq!(flavor, RuntimeFlavor::CurrentThread);
    }

    #[test]
    fn spawned_tasks_run() {
        let got = subject::run_sync(async { tokio::spawn(async { "from a task" }).await.unwrap() });
        assert_eq!(got, "from a task");
    }

    #[test]
    fn can_be_called_again_and_leaves_no_runtime_behind() {
        assert_eq!(subject::run_sync(async { 1 }), 1);
        assert_eq!(subject::run_sync(async { 2 }), 2);
        assert!(Handle::try_current().is_err(), "the runtime is gone once run_sync returns");
    }
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: call_later, id: "02-call-later";

    #[tokio::test(start_paused = true)]
    async fn runs_once_after_the_delay() {
        let fired = Fired::default();
        let start = Instant::now();
        let _timer = subject::call_later(secs(2), recorder(&fired, start, "f"));
        sleep(ms(1999)).await;
        assert!(fired.lock().unwrap().is_empty(), "not before its time");
        sleep(secs(10)).await;
        assert_eq!(*fired.lock().unwrap(), [("f", secs(2))]);
    }

    #[tokio::test(start_paused = true)]
    async fn when_is_the_deadline() {
        let start = Instant::now();
        let timer = subject::call_later(ms(1500), || {});
        assert_eq!(timer.when(), start + ms(1500));
        sleep(secs(1)).await;
        assert_eq!(timer.when(), start + ms(1500), "the deadline does not move");
    }

    #[tokio::test(start_paused = true)]
    async fn cancel_before_it_fires_means_it_never_runs() {
        let fired = Fired::default();
        let timer = subject::call_later(secs(2), recorder(&fired, Instant::now(), "f"));
        sleep(secs(1)).await;
        timer.cancel();
        sleep(secs(10)).await;
        assert!(fired.lock().unwrap().is_empty(), "cancelled at 1 s, yet it ran");
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_handle_does_not_cancel() {
        let fired = Fired::default();
        // `let _ =` drops the handle on the spot.
        let _ = subject::call_later(secs(2), recorder(&fired, Instant::now(), "f"));
        sleep(secs(3)).await;
        assert_eq!(*fired.lock().unwrap(), [("f", secs(2))], "only cancel() cancels");
    }

    #[tokio::test(start_paused = true)]
    async fn cancel_after_it_ran_is_harmless() {
        let fired = Fired::default();
        let timer = subject::call_later(secs(1), recorder(&fired, Instant::now(), "f"));
        sleep(secs(2)).await;
        timer.cancel();
        timer.cancel();
        assert_eq!(*fired.lock().unwrap(), [("f", secs(1))]);
    }

    #[tokio::test(start_paused = true)]
    async fn several_timers_fire_in_deadline_order() {
        let fired = Fired::default();
        let start = Instant::now();
        let _c = subject::call_later(secs(3), recorder(&fired, start, "3 s"));
        let _a = subject::call_later(secs(1), recorder(&fired, start, "1 s"));
        let _b = subject::call_later(secs(2), recorder(&fired, start, "2 s"));
        sleep(secs(5)).await;
        assert_eq!(*fired.lock().unwrap(), [("1 s", secs(1)), ("2 s", secs(2)), ("3 s", secs(3))]);
    }
}

kit::exercise_tests! {
    lesson: lesson_02_runtime, exercise: submit_from_thread, id: "02-submit-from-thread";

    #[test]
    fn runs_on_the_runtime_and_brings_the_result_back() {
        let runtime = pool();
        let mut job = subject::submit_from_thread(runtime.handle(), async {
            sleep(ms(20)).await;
            (thread::current().id(), thread::current().name().map(String::from), 6 * 7)
        });
        let (ran_on, name, value) = job.result(secs(10)).expect("done well within 10 s");
        assert_eq!(value, 42);
        assert_ne!(ran_on, thread::current().id(), "it ran on the runtime, not here");
        assert_eq!(name.as_deref(), Some("pool-worker"));
    }

    #[test]
    fn returns_before_the_future_is_done() {
        let runtime = pool();
        let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
        // The future cannot finish until we send, so submitting must not
        // wait for it. (If it does, the future gives up after 5 s and
        // returns 0 rather than hanging the test.)
        let mut job = subject::submit_from_thread(runtime.handle(), async move {
            tokio::time::timeout(secs(5), rx).await.map_or(0, |got| got.unwrap() + 1)
        });
        tx.send(41).unwrap();
        assert_eq!(job.result(secs(10)), Ok(42));
    }

    #[test]
    fn a_timeout_gives_up_waiting_but_not_the_task() {
        let runtime = pool();
        let (tx, rx) = tokio::sync::oneshot::channel::<&str>();
        let mut job = subject::submit_from_thread(runtime.handle(), async move {
            // Gives up after 5 s, so a `result` that ignores its timeout
            // fails the test instead of hanging it.
            tokio::time::timeout(secs(5), rx).await.map_or("never sent", |got| got.unwrap())
        });
        assert_eq!(job.result(ms(50)), Err(subject::SubmitError::Timeout));
        tx.send("still running").expect("the task is alive after the timeout");
        assert_eq!(job.result(secs(10)), Ok("still running"));
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
        assert_eq!(job.result(secs(10)), Err(subject::SubmitError::Cancelled));
        assert!(dropped.load(Ordering::SeqCst), "the future was dropped");
        assert!(!finished.load(Ordering::SeqCst));
    }

    #[test]
    fn a_panic_is_reported() {
        let runtime = pool();
        let mut job = subject::submit_from_thread(runtime.handle(), async {
            panic!("this job panics on purpose (the test expects it)")
        });
        assert_eq!(job.result(secs(10)), Err(subject::SubmitError::Panicked));
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
        let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(results, [Ok(0), Ok(10), Ok(20), Ok(30)]);
        assert_eq!(ran.load(Ordering::SeqCst), 4);
    }
}
