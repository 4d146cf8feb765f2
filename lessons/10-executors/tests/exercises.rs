//! Exercise tests for lesson 10, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Some of these run on the real clock (blocking calls do not follow
//! tokio's paused clock); they take `realtime_lock` and assert counts or
//! the course's one margin.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};

use kit::timing::{
    fmt_duration, measure, ms, realtime_lock, realtime_upper_bound, secs,
};
use lesson_10_executors::kv::KvClient;
use lesson_10_executors::legacy::LegacyDb;
use lesson_10_executors::primes::count_primes;
use tokio::runtime::{Handle, Runtime};
use tokio::time::{sleep, timeout};

/// Counts ticks of a 5 ms ticker task on the current runtime while `fut`
/// runs. On a one-thread runtime, a `fut` that blocks its thread gets 0.
async fn ticks_during<F: Future>(fut: F) -> (F::Output, u32) {
    let ticks = Arc::new(AtomicU32::new(0));
    let ticker = tokio::spawn({
        let ticks = ticks.clone();
        async move {
            loop {
                sleep(ms(5)).await;
                ticks.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    tokio::task::yield_now().await; // the ticker is now waiting on its timer
    let before = ticks.load(Ordering::SeqCst);
    let out = timeout(secs(10), fut)
        .await
        .expect("the lookup was still not done after 10 s");
    let during = ticks.load(Ordering::SeqCst) - before;
    ticker.abort();
    (out, during)
}

kit::exercise_tests! {
    lesson: lesson_10_executors, exercise: offload, id: "10-offload";

    #[tokio::test] // one thread: a blocked thread stalls every task
    async fn returns_the_lookup_answer() {
        let db = Arc::new(LegacyDb::new(ms(10)));
        let answer = timeout(secs(10), subject::lookup_async(db, "user:7".into()))
            .await
            .expect("the lookup never finished (still waiting after 10 s)");
        assert_eq!(
            answer, "user:7: found",
            "lookup_async(\"user:7\") answered {answer:?}, expected the \
             blocking lookup's answer \"user:7: found\""
        );
    }

    #[tokio::test]
    async fn other_tasks_keep_running_during_a_lookup() {
        let _guard = realtime_lock();
        let db = Arc::new(LegacyDb::new(ms(200)));
        let (answer, ticks) =
            ticks_during(subject::lookup_async(db, "user:7".into())).await;
        assert!(
            ticks > 0,
            "a 5 ms ticker on the same one-thread runtime ticked {ticks} times \
             during the 200 ms lookup: the lookup blocked the runtime's only \
             thread (a blocking call, or a blocking wait for one, right in \
             the async fn)"
        );
        assert_eq!(
            answer, "user:7: found",
            "lookup_async(\"user:7\") answered {answer:?}, expected \"user:7: found\""
        );
    }

    #[tokio::test]
    async fn eight_lookups_at_once_take_about_one_lookup() {
        let _guard = realtime_lock();
        let db = Arc::new(LegacyDb::new(ms(200)));
        let lookups = (0..8).map(|i| subject::lookup_async(db.clone(), format!("k{i}")));
        let (answers, took) = measure(futures::future::join_all(lookups)).await;
        let allowed = realtime_upper_bound(ms(200));
        assert!(
            took <= allowed,
            "eight 200 ms lookups started together took {}, the test allows \
             {} (one after another they take 1.6s): each lookup blocked the \
             runtime's only thread (a blocking call, or a blocking wait for \
             one, right in the async fn)",
            fmt_duration(took),
            fmt_duration(allowed)
        );
        assert_eq!(
            answers[3], "k3: found",
            "the fourth lookup, of \"k3\", answered {:?}, expected \"k3: found\"",
            answers[3]
        );
    }
}

/// The one runtime that every facade of the tests shares (a program's
/// runtime); never dropped.
fn shared_runtime() -> Handle {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the tests' runtime builds")
        })
        .handle()
        .clone()
}

/// Runs `f` on a thread of its own and waits at most 5 s for it.
fn on_a_thread<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let _ = tx.send(result.map_err(|payload| panic_text(&*payload)));
    });
    match rx.recv_timeout(secs(5)) {
        Ok(Ok(value)) => value,
        Ok(Err(text)) => facade_panicked(what, &text),
        Err(_) => panic!(
            "{what} was still blocked after 5 s, with a per-call timeout of \
             100 ms: a call that takes too long must give up at the timeout \
             (tokio::time::timeout around the call) and return \
             Err(KvError::TimedOut)"
        ),
    }
}

/// Runs the facade call `call` (named `what`) on this plain thread, and
/// turns a panic into a message about the facade.
fn on_this_thread<T>(what: &str, call: impl FnOnce() -> T) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .unwrap_or_else(|payload| facade_panicked(what, &panic_text(&*payload)))
}

/// Fails the test for a facade call `what`, made from a plain thread, that
/// panicked with `text`.
fn facade_panicked(what: &str, text: &str) -> ! {
    if text.contains("no reactor running")
        || text.contains("timers are disabled")
    {
        panic!(
            "{what} from a plain thread panicked: {text:?}. Was the timeout \
             made outside the runtime, as in handle.block_on(timeout(limit, \
             call))? timeout(..) takes its timer from the runtime it is called \
             in, and the argument is made before block_on enters the runtime. \
             Make it inside: handle.block_on(async {{ timeout(limit, \
             call).await }})"
        )
    }
    panic!("{what} from a plain thread panicked: {text:?}")
}

/// The text of a panic payload.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

kit::exercise_tests! {
    lesson: lesson_10_executors, exercise: sync_facade, id: "10-sync-facade";

    #[test] // no runtime around this test: the facade blocks on the shared one
    fn a_value_set_is_read_back() {
        let kv = subject::BlockingKv::new(KvClient::new(ms(5)), shared_runtime(), secs(5));
        let set = on_this_thread("set(\"lang\", \"rust\")", || kv.set("lang", "rust"));
        assert_eq!(set, Ok(()), "set(\"lang\", \"rust\") from a plain thread returned {set:?}, expected Ok(())");
        let got = kv.get("lang");
        assert_eq!(
            got,
            Ok(Some("rust".to_owned())),
            "get(\"lang\") after set(\"lang\", \"rust\") returned {got:?}, expected Ok(Some(\"rust\"))"
        );
        let missing = kv.get("missing");
        assert_eq!(missing, Ok(None), "get of a key never set returned {missing:?}, expected Ok(None)");
    }

    #[test]
    fn get_many_runs_the_calls_concurrently_and_keeps_order() {
        let client = KvClient::new(ms(20));
        let kv = subject::BlockingKv::new(client.clone(), shared_runtime(), secs(5));
        for i in 0..10 {
            kv.set(&format!("k{i}"), &format!("v{i}")).expect("set from a plain thread");
        }
        let keys: Vec<String> = (0..10).rev().map(|i| format!("k{i}")).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let values = kv.get_many(&keys).expect("get_many from a plain thread");
        let want: Vec<Option<String>> =
            (0..10).rev().map(|i| Some(format!("v{i}"))).collect();
        assert_eq!(
            values, want,
            "get_many(k9, k8, …, k0) returned {values:?}: expected v9, v8, …, \
             v0, the values of `keys`, in that order"
        );
        let peak = client.peak_in_flight();
        assert_eq!(
            peak, 10,
            "get_many of ten keys had at most {peak} call(s) in flight at \
             once, expected all 10: one wait outside, all the calls \
             concurrent inside"
        );
    }

    #[test]
    fn eight_threads_with_a_facade_each_share_one_runtime() {
        let client = KvClient::new(ms(5));
        std::thread::scope(|s| {
            for t in 0..8 {
                let client = client.clone();
                s.spawn(move || {
                    let kv = subject::BlockingKv::new(client, shared_runtime(), secs(5));
                    let key = format!("thread{t}");
                    kv.set(&key, "here").expect("set from a plain thread");
                    let got = kv.get(&key);
                    assert_eq!(
                        got,
                        Ok(Some("here".to_owned())),
                        "thread {t} set {key:?} to \"here\" and read back {got:?}"
                    );
                });
            }
        });
        let kv = subject::BlockingKv::new(client, shared_runtime(), secs(5));
        let both = kv.get_many(&["thread0", "thread7"]);
        assert_eq!(
            both,
            Ok(vec![Some("here".to_owned()), Some("here".to_owned())]),
            "a ninth facade over the same client read {both:?} for thread0 \
             and thread7, expected both \"here\""
        );
    }

    #[test]
    fn a_call_that_takes_too_long_times_out_and_is_cancelled() {
        let client = KvClient::new(secs(3600)); // an hour per call
        let kv = subject::BlockingKv::new(client.clone(), shared_runtime(), ms(100));
        let kv = Arc::new(kv);
        for call in ["get", "set", "get_many"] {
            let kv = kv.clone();
            let result = on_a_thread(call, move || match call {
                "get" => kv.get("k").map(|_| ()),
                "set" => kv.set("k", "v"),
                _ => kv.get_many(&["a", "b"]).map(|_| ()),
            });
            assert_eq!(
                result,
                Err(subject::KvError::TimedOut),
                "{call} on a store that takes an hour, with a 100 ms timeout, \
                 returned {result:?}, expected Err(KvError::TimedOut)"
            );
        }
        // A call left running would be counted in flight by now, or soon.
        let mut left = client.in_flight();
        for _ in 0..30 {
            if left > 0 {
                break;
            }
            std::thread::sleep(ms(10));
            left = client.in_flight();
        }
        assert_eq!(
            left, 0,
            "get, set and get_many each returned TimedOut, but {left} call(s) \
             to the store are still in flight: a call that times out must be \
             cancelled (dropped), not left running on the runtime"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn inside_async_code_it_returns_an_error_instead_of_panicking() {
        // Made, called and dropped inside a task: all of it in async code.
        let task = tokio::spawn(async {
            let kv = subject::BlockingKv::new(KvClient::new(ms(5)), Handle::current(), secs(5));
            // Each call's panic, if any, is caught with the call's name.
            let call = |name: &'static str, call: &dyn Fn() -> Result<(), subject::KvError>| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
                    .map_err(|payload| (name, panic_text(&*payload)))
            };
            (
                call("get", &|| kv.get("k").map(|_| ())),
                call("set", &|| kv.set("k", "v")),
                call("get_many", &|| kv.get_many(&["k"]).map(|_| ())),
            )
            // `kv` is dropped here, in the task
        });
        let results = match timeout(secs(10), task).await {
            Err(_) => panic!(
                "a facade called inside a task was still blocked after 10 s: \
                 check whether a runtime is running here and return \
                 Err(KvError::InsideRuntime) instead of blocking"
            ),
            Ok(Ok(results)) => results,
            Ok(Err(e)) => {
                let text = e.try_into_panic().map(|p| panic_text(&*p)).unwrap_or_default();
                if text.contains("drop a runtime") {
                    panic!(
                        "dropping a facade inside a task panicked: {text:?}. The \
                         facade owns a runtime, which cannot be dropped in async \
                         code: use the shared runtime, through the Handle it is given"
                    )
                }
                panic!(
                    "a facade made, called and dropped inside a task panicked: \
                     {text:?}. Check whether a runtime is running here, and \
                     return Err(KvError::InsideRuntime) instead of blocking on it"
                )
            }
        };
        let results = [results.0, results.1, results.2].map(|result| {
            result.unwrap_or_else(|(name, text)| {
                panic!(
                    "{name}, called inside a task, panicked: {text:?}. Check \
                     whether a runtime is running here, and return \
                     Err(KvError::InsideRuntime) instead of blocking on it"
                )
            })
        });
        let inside = Err(subject::KvError::InsideRuntime);
        assert_eq!(
            results,
            [inside.clone(), inside.clone(), inside],
            "get, set and get_many called inside a task returned {results:?}, \
             expected Err(KvError::InsideRuntime) from each"
        );
    }
}

/// A `count` that records each range it was given, whether it ran on a
/// thread of a tokio runtime, and how many calls ran at the same moment.
#[derive(Debug, Default)]
struct Recorder {
    ranges: Mutex<Vec<(u64, u64)>>,
    on_runtime: AtomicU32,
    /// When set, each call waits (up to 1 s) until two calls have run at
    /// the same moment.
    meet: bool,
    running: Mutex<(u32, u32)>, // (running now, the most at once)
    changed: Condvar,
}

impl Recorder {
    fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn meeting() -> Arc<Self> {
        Arc::new(Self {
            meet: true,
            ..Self::default()
        })
    }

    fn counter(
        self: &Arc<Self>,
    ) -> impl Fn(u64, u64) -> u64 + Send + Sync + 'static {
        let me = self.clone();
        move |lo, hi| {
            if tokio::runtime::Handle::try_current().is_ok() {
                me.on_runtime.fetch_add(1, Ordering::SeqCst);
            }
            me.ranges.lock().expect("the ranges' lock").push((lo, hi));
            if me.meet {
                me.wait_for_company();
            }
            count_primes(lo, hi)
        }
    }

    fn wait_for_company(&self) {
        let mut running = self.running.lock().expect("the counter's lock");
        running.0 += 1;
        running.1 = running.1.max(running.0);
        self.changed.notify_all();
        let (mut running, _) = self
            .changed
            .wait_timeout_while(running, secs(1), |r| r.1 < 2)
            .expect("the counter's lock");
        running.0 -= 1;
    }

    fn most_at_once(&self) -> u32 {
        self.running.lock().expect("the counter's lock").1
    }

    fn ranges(&self) -> Vec<(u64, u64)> {
        let mut ranges = self.ranges.lock().expect("the ranges' lock").clone();
        ranges.sort();
        ranges
    }

    /// Checks that the ranges counted cover `0..limit` once each, and
    /// names the first problem: before any total is compared, so that an
    /// off-by-one shows as the ranges it made.
    fn assert_covers(&self, limit: u64, chunks: u64) {
        let ranges = self.ranges();
        let call = format!(
            "count_primes_parallel({limit}, {chunks}) called count on the \
             ranges {ranges:?}"
        );
        let problem = coverage_problem(&ranges, limit);
        assert!(problem.is_none(), "{call}: {}", problem.unwrap_or_default());
    }
}

/// What is wrong with sorted `ranges` as a cover of `0..limit` (each number
/// counted once, `count(lo, hi)` counting `lo..hi`), if anything.
fn coverage_problem(ranges: &[(u64, u64)], limit: u64) -> Option<String> {
    if ranges.is_empty() {
        return Some("no range at all: count was never called".into());
    }
    if let Some(&(lo, hi)) = ranges.iter().find(|(lo, hi)| lo >= hi) {
        return Some(format!(
            "({lo}, {hi}) is an empty range: make no empty ranges"
        ));
    }
    let first = ranges[0].0;
    if first != 0 {
        return Some(format!(
            "the first range starts at {first}: 0..{first} is never counted"
        ));
    }
    for pair in ranges.windows(2) {
        let ((a, b), (c, d)) = (pair[0], pair[1]);
        if c < b {
            return Some(format!(
                "({a}, {b}) and ({c}, {d}) overlap: {c}..{b} is counted \
                 twice. Is the end of a range counted twice? count(lo, hi) \
                 counts lo..hi, hi not included: the next range starts at hi"
            ));
        }
        if c > b {
            return Some(format!(
                "between ({a}, {b}) and ({c}, {d}), {b}..{c} is never counted"
            ));
        }
    }
    let last = ranges[ranges.len() - 1].1;
    if last > limit {
        return Some(format!(
            "the last range ends at {last}, past the limit {limit}: \
             {limit}..{last} is counted too (the last range ends at limit)"
        ));
    }
    if last < limit {
        return Some(format!(
            "the last range ends at {last}: {last}..{limit} is never counted"
        ));
    }
    None
}

/// Awaits the subject's answer, for at most 30 s.
async fn answer(what: &str, fut: impl Future<Output = u64>) -> u64 {
    timeout(secs(30), fut).await.unwrap_or_else(|_| {
        panic!("{what} was still not done after 30 s: does every chunk's answer reach the awaiting code?")
    })
}

kit::exercise_tests! {
    lesson: lesson_10_executors, exercise: parallel_primes, id: "10-parallel-primes";

    #[tokio::test]
    async fn counts_the_primes_below_100_000() {
        let recorder = Recorder::new();
        let total = answer("count_primes_parallel(100_000, 4)", subject::count_primes_parallel(100_000, 4, recorder.counter())).await;
        recorder.assert_covers(100_000, 4);
        assert_eq!(
            total, 9592,
            "count_primes_parallel(100_000, 4) returned {total}, expected \
             9592: the sum of the four ranges' counts"
        );
    }

    #[tokio::test]
    async fn the_ranges_cover_the_numbers_once() {
        let recorder = Recorder::new();
        let total = answer("count_primes_parallel(100, 4)", subject::count_primes_parallel(100, 4, recorder.counter())).await;
        recorder.assert_covers(100, 4);
        let ranges = recorder.ranges();
        assert_eq!(
            ranges,
            [(0, 25), (25, 50), (50, 75), (75, 100)],
            "0..100 in 4 chunks was counted as the ranges {ranges:?}, \
             expected 4 ranges of 100.div_ceil(4) = 25"
        );
        assert_eq!(total, 25, "count_primes_parallel(100, 4) returned {total}, expected 25");
    }

    #[tokio::test]
    async fn the_last_range_may_be_shorter_and_none_is_empty() {
        let recorder = Recorder::new();
        let total = answer("count_primes_parallel(10, 3)", subject::count_primes_parallel(10, 3, recorder.counter())).await;
        recorder.assert_covers(10, 3);
        let ranges = recorder.ranges();
        assert_eq!(
            ranges,
            [(0, 4), (4, 8), (8, 10)],
            "0..10 in 3 chunks was counted as the ranges {ranges:?}, expected \
             ranges of 10.div_ceil(3) = 4, the last one shorter"
        );
        assert_eq!(total, 4, "count_primes_parallel(10, 3) returned {total}, expected 4");

        let recorder = Recorder::new();
        answer("count_primes_parallel(3, 5)", subject::count_primes_parallel(3, 5, recorder.counter())).await;
        recorder.assert_covers(3, 5);
        let ranges = recorder.ranges();
        assert_eq!(
            ranges,
            [(0, 1), (1, 2), (2, 3)],
            "0..3 in 5 chunks was counted as the ranges {ranges:?}, expected \
             3 ranges of 1 (no empty ranges)"
        );
    }

    #[tokio::test]
    async fn no_count_runs_on_a_tokio_thread() {
        let recorder = Recorder::new();
        let total = answer("count_primes_parallel(100_003, 8)", subject::count_primes_parallel(100_003, 8, recorder.counter())).await;
        recorder.assert_covers(100_003, 8);
        let on_runtime = recorder.on_runtime.load(Ordering::SeqCst);
        let calls = recorder.ranges().len();
        assert_eq!(
            on_runtime, 0,
            "count ran on a thread of the tokio runtime for {on_runtime} of \
             the {calls} ranges (an async worker, or the blocking pool of \
             spawn_blocking, which is sized for waiting, not computing): CPU \
             work belongs on a pool of CPU threads"
        );
        assert_eq!(calls, 8, "0..100_003 in 8 chunks was counted in {calls} ranges, expected 8");
        assert_eq!(
            total, 9592,
            "count_primes_parallel(100_003, 8) returned {total}, expected 9592"
        );
    }

    #[tokio::test] // one thread: a thread blocked in the call stalls every task
    async fn the_runtime_thread_stays_free_while_counting() {
        // A ticker task on this one-thread runtime, and a count that waits
        // (up to 2 s) for the ticker's next tick: it gets one only if the
        // runtime's thread is free while the chunks are counted.
        let ticks = Arc::new((Mutex::new(0u32), Condvar::new()));
        let ticker = tokio::spawn({
            let ticks = ticks.clone();
            async move {
                loop {
                    sleep(ms(1)).await;
                    *ticks.0.lock().expect("the ticks' lock") += 1;
                    ticks.1.notify_all();
                }
            }
        });
        let starved = Arc::new(AtomicU32::new(0));
        let count = {
            let (ticks, starved) = (ticks.clone(), starved.clone());
            move |lo, hi| {
                let seen = *ticks.0.lock().expect("the ticks' lock");
                let (guard, waited) = ticks
                    .1
                    .wait_timeout_while(
                        ticks.0.lock().expect("the ticks' lock"),
                        secs(2),
                        |now| *now == seen,
                    )
                    .expect("the ticks' lock");
                drop(guard);
                if waited.timed_out() {
                    starved.fetch_add(1, Ordering::SeqCst);
                }
                count_primes(lo, hi)
            }
        };
        let total = answer(
            "count_primes_parallel(20_000, 2)",
            subject::count_primes_parallel(20_000, 2, count),
        )
        .await;
        ticker.abort();
        let starved = starved.load(Ordering::SeqCst);
        assert_eq!(
            starved, 0,
            "a 1 ms ticker task on the same one-thread runtime never got a turn \
             while {starved} of the 2 chunks were counted (each waited 2 s for \
             a tick): the runtime's thread was blocked until the counting was \
             over. Did the async fn wait for the threads in place (a join, a \
             scope, a blocking recv)? Await the answers instead, e.g. through \
             a oneshot channel per chunk"
        );
        assert_eq!(total, 2262, "count_primes_parallel(20_000, 2) returned {total}, expected 2262");
    }

    #[tokio::test]
    async fn the_chunks_run_at_the_same_time() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores < 2 {
            eprintln!("skipped: this machine has {cores} core, so nothing runs in parallel");
            return;
        }
        // Each count waits (up to 1 s) until two counts run at once.
        let recorder = Recorder::meeting();
        answer("count_primes_parallel(20_000, 2)", subject::count_primes_parallel(20_000, 2, recorder.counter())).await;
        recorder.assert_covers(20_000, 2);
        let most = recorder.most_at_once();
        assert!(
            most >= 2,
            "the 2 chunks of count_primes_parallel(20_000, 2) never ran at the \
             same time (at most {most} at once, on a machine with {cores} \
             cores): was one thread given all the chunks, one after another? \
             Hand each chunk to the pool as a job of its own"
        );
    }
}
