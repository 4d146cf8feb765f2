//! Exercise tests for lesson 10, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Some of these run on the real clock (blocking calls do not follow
//! tokio's paused clock); they take `realtime_lock` and assert counts or
//! the course's one margin.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use kit::timing::{measure, ms, realtime_lock, realtime_upper_bound, secs};
use lesson_10_executors::kv::KvClient;
use lesson_10_executors::legacy::LegacyDb;
use lesson_10_executors::primes::count_primes;
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
        .expect("still not done after 10 s");
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
            .expect("the lookup never finished");
        assert_eq!(answer, "user:7: found");
    }

    #[tokio::test]
    async fn other_tasks_keep_running_during_a_lookup() {
        let _guard = realtime_lock();
        let db = Arc::new(LegacyDb::new(ms(200)));
        let (answer, ticks) =
            ticks_during(subject::lookup_async(db, "user:7".into())).await;
        assert_eq!(answer, "user:7: found");
        assert!(
            ticks > 0,
            "a ticker on the same runtime never ticked during the 200 ms \
             lookup: the lookup blocked the runtime's only thread"
        );
    }

    #[tokio::test]
    async fn eight_lookups_at_once_take_about_one_lookup() {
        let _guard = realtime_lock();
        let db = Arc::new(LegacyDb::new(ms(200)));
        let lookups = (0..8).map(|i| subject::lookup_async(db.clone(), format!("k{i}")));
        let (answers, took) = measure(futures::future::join_all(lookups)).await;
        assert_eq!(answers[3], "k3: found");
        assert!(
            took <= realtime_upper_bound(ms(200)),
            "eight 200 ms lookups should overlap (about 200 ms), took {took:?}; \
             one after another they take 1.6 s"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_10_executors, exercise: sync_facade, id: "10-sync-facade";

    #[test] // no runtime around this test: the facade brings its own
    fn a_value_set_is_read_back() {
        let kv = subject::BlockingKv::new(KvClient::new(ms(5))).expect("new");
        kv.set("lang", "rust");
        assert_eq!(kv.get("lang").as_deref(), Some("rust"));
        assert_eq!(kv.get("missing"), None);
    }

    #[test]
    fn get_many_runs_the_calls_concurrently_and_keeps_order() {
        let client = KvClient::new(ms(20));
        let kv = subject::BlockingKv::new(client.clone()).expect("new");
        for i in 0..10 {
            kv.set(&format!("k{i}"), &format!("v{i}"));
        }
        let keys: Vec<String> = (0..10).rev().map(|i| format!("k{i}")).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let values = kv.get_many(&keys);
        let want: Vec<Option<String>> =
            (0..10).rev().map(|i| Some(format!("v{i}"))).collect();
        assert_eq!(values, want, "the values of `keys`, in that order");
        assert_eq!(
            client.peak_in_flight(),
            10,
            "get_many should have all ten calls in flight at once"
        );
    }

    #[test]
    fn four_threads_share_one_facade() {
        let kv = subject::BlockingKv::new(KvClient::new(ms(5))).expect("new");
        std::thread::scope(|s| {
            for t in 0..4 {
                let kv = &kv;
                s.spawn(move || {
                    let key = format!("thread{t}");
                    kv.set(&key, "here");
                    assert_eq!(kv.get(&key).as_deref(), Some("here"));
                });
            }
        });
        assert_eq!(kv.get_many(&["thread0", "thread3"]).len(), 2);
    }
}

/// A `count` that records each range it was given and whether it ran on a
/// thread of a tokio runtime.
#[derive(Debug, Default)]
struct Recorder {
    ranges: Mutex<Vec<(u64, u64)>>,
    on_runtime: AtomicU32,
}

impl Recorder {
    fn counter(
        self: &Arc<Self>,
    ) -> impl Fn(u64, u64) -> u64 + Send + Sync + 'static {
        let me = self.clone();
        move |lo, hi| {
            if tokio::runtime::Handle::try_current().is_ok() {
                me.on_runtime.fetch_add(1, Ordering::SeqCst);
            }
            me.ranges.lock().unwrap().push((lo, hi));
            count_primes(lo, hi)
        }
    }

    fn ranges(&self) -> Vec<(u64, u64)> {
        let mut ranges = self.ranges.lock().unwrap().clone();
        ranges.sort();
        ranges
    }
}

kit::exercise_tests! {
    lesson: lesson_10_executors, exercise: parallel_primes, id: "10-parallel-primes";

    #[tokio::test]
    async fn counts_the_primes_below_100_000() {
        let total = timeout(secs(30), subject::count_primes_parallel(100_000, 4, count_primes))
            .await
            .expect("still not done after 30 s");
        assert_eq!(total, 9592);
    }

    #[tokio::test]
    async fn the_ranges_cover_the_numbers_once() {
        let recorder = Arc::new(Recorder::default());
        let total = timeout(secs(30), subject::count_primes_parallel(100, 4, recorder.counter()))
            .await
            .expect("still not done after 30 s");
        assert_eq!(total, 25);
        assert_eq!(recorder.ranges(), [(0, 25), (25, 50), (50, 75), (75, 100)]);
    }

    #[tokio::test]
    async fn the_last_range_may_be_shorter_and_none_is_empty() {
        let recorder = Arc::new(Recorder::default());
        let total = timeout(secs(30), subject::count_primes_parallel(10, 3, recorder.counter()))
            .await
            .expect("still not done after 30 s");
        assert_eq!(total, 4);
        assert_eq!(recorder.ranges(), [(0, 4), (4, 8), (8, 10)]);

        let recorder = Arc::new(Recorder::default());
        timeout(secs(30), subject::count_primes_parallel(3, 5, recorder.counter()))
            .await
            .expect("still not done after 30 s");
        assert_eq!(recorder.ranges(), [(0, 1), (1, 2), (2, 3)], "3 numbers in 5 chunks: 3 ranges of 1");
    }

    #[tokio::test]
    async fn no_count_runs_on_a_tokio_thread() {
        let recorder = Arc::new(Recorder::default());
        let total = timeout(secs(30), subject::count_primes_parallel(100_003, 8, recorder.counter()))
            .await
            .expect("still not done after 30 s");
        assert_eq!(total, 9592);
        assert_eq!(recorder.ranges().len(), 8);
        assert_eq!(
            recorder.on_runtime.load(Ordering::SeqCst),
            0,
            "count ran on a thread of the tokio runtime (an async worker, or \
             the blocking pool): CPU work belongs on a pool of CPU threads"
        );
    }
}
