//! Exercise tests for lesson 05, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every wait a wrong answer could make endless is under
//! `kit::grade::within`: on the paused clock it fires at once, with a
//! message saying what is wrong. The one wait a tokio timer cannot end — a
//! thread blocked on a std lock — runs on a thread of its own, watched
//! from the test's thread.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use kit::InFlight;
use kit::grade::{took_exactly, within};
use kit::timing::{fmt_duration, measure, ms, secs};
use lesson_05_primitives::support::{Insufficient, LoadError, SlowStore};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

/// Runs the future `make` builds on a paused runtime on a thread of its own
/// and returns its output. If it is not done after five real seconds, the
/// thread is stuck in something no tokio timer can interrupt: `stuck` says
/// what.
fn on_a_thread_of_its_own<T, F, Fut>(stuck: &str, make: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = T>,
{
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a runtime for the test");
        let _ = tx.send(runtime.block_on(make()));
    });
    match rx.recv_timeout(secs(5)) {
        Ok(out) => out,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("{stuck}"),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            let text = match thread.join() {
                Err(payload) => kit::panics::message(&*payload),
                Ok(()) => "it ended without an answer".to_string(),
            };
            panic!("the withdrawals panicked: {text}")
        }
    }
}

/// What a thread blocked on a std lock looks like from outside.
const BLOCKED: &str = "the concurrent withdrawals are stuck: their thread \
    is blocked, and no timer can wake it. Is a std::sync::Mutex guard held \
    across the audit's .await? The next withdrawal's lock() then blocks the \
    whole thread, the holder can never resume to unlock it (clippy's \
    await_holding_lock warns of this; in a spawned task it does not compile). \
    Use tokio::sync::Mutex";

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: bank_account, id: "05-bank-account";

    #[tokio::test(start_paused = true)]
    async fn one_withdrawal_audits_then_pays() {
        let account = subject::Account::new(100);
        let (got, took) =
            measure(within("a withdrawal of 30", secs(1), account.withdraw(30)))
                .await;
        assert_eq!(
            got,
            Ok(70),
            "withdrawing 30 from 100 should give Ok(70), the new balance"
        );
        took_exactly(
            "a withdrawal (with its one audit, which is not to be skipped)",
            took,
            ms(100),
        );
        let balance = account.balance().await;
        assert_eq!(balance, 70, "the balance after withdrawing 30 from 100");
    }

    #[tokio::test(start_paused = true)]
    async fn too_much_is_refused_at_once() {
        let account = subject::Account::new(20);
        let (got, took) =
            measure(within("a withdrawal of 30", secs(1), account.withdraw(30)))
                .await;
        assert_eq!(
            got,
            Err(Insufficient { balance: 20 }),
            "withdrawing 30 from 20 must be refused with the balance seen"
        );
        took_exactly("a refused withdrawal (no audit needed)", took, ms(0));
        let balance = account.balance().await;
        assert_eq!(balance, 20, "a refusal must leave the balance at 20");
    }

    #[test]
    fn five_concurrent_withdrawals_never_overdraw() {
        let run = || async {
            let account = subject::Account::new(100);
            let five = join_all((0..5).map(|_| account.withdraw(30)));
            let (outcomes, took) =
                measure(within("the five withdrawals", secs(1), five)).await;
            (outcomes, account.balance().await, took)
        };
        let (outcomes, balance, took) = on_a_thread_of_its_own(BLOCKED, run);
        let paid = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(
            paid, 3,
            "from 100, only three withdrawals of 30 can be paid, but {paid} \
             were: {outcomes:?}. Did two withdrawals read the balance before \
             either wrote it (a lock released during the audit)?"
        );
        assert_eq!(
            balance, 10,
            "three withdrawals of 30 from 100 must leave 10, the balance is \
             {balance}: is the new balance computed from one read earlier?"
        );
        took_exactly(
            "the five withdrawals (three audits, one after another: is an \
             audit skipped, or do two run at once?)",
            took,
            ms(300),
        );
    }

    #[test]
    fn refusals_report_the_balance_they_saw() {
        let mut outcomes = on_a_thread_of_its_own(BLOCKED, || async {
            let account = subject::Account::new(50);
            let three = join_all((0..3).map(|_| account.withdraw(20)));
            within("three withdrawals of 20", secs(1), three).await
        });
        outcomes.sort();
        assert_eq!(
            outcomes,
            [Ok(10), Ok(30), Err(Insufficient { balance: 10 })],
            "three withdrawals of 20 from 50 should pay two (leaving 30, then \
             10) and refuse one, saying the balance was 10; they gave \
             {outcomes:?}"
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: single_flight, id: "05-single-flight";

    #[tokio::test(start_paused = true)]
    async fn ten_callers_of_one_key_share_one_load() {
        // 1013 ms: no multiple of a poll interval (10 ms, 5 ms, 2 ms …).
        let load = ms(1013);
        let store = Arc::new(SlowStore::new(load));
        let cache = Arc::new(subject::Cache::new(store.clone()));
        let mut tasks = JoinSet::new();
        for _ in 0..10 {
            let cache = cache.clone();
            tasks.spawn(async move { cache.get("a").await });
        }
        let (values, took) =
            measure(within("ten gets of \"a\"", secs(2), tasks.join_all()))
                .await;
        let loads = store.loads();
        assert_eq!(
            loads, 1,
            "ten concurrent gets of \"a\" made {loads} loads of the store; \
             they must share one. Does each caller check the cache, find \
             nothing yet, and start its own load?"
        );
        let wrong: Vec<_> = values
            .iter()
            .filter(|v| v.as_deref() != Ok("value of a"))
            .collect();
        assert!(
            wrong.is_empty(),
            "every one of the ten gets should return Ok(\"value of a\"); \
             these did not: {wrong:?}"
        );
        assert!(
            took == load,
            "ten concurrent gets of \"a\" took {} on tokio's paused clock; \
             the one load takes exactly {}, and the nine waiting callers must \
             get its value the moment it is there. Do they poll (sleep, then \
             look again) rather than wait to be woken when the load ends?",
            fmt_duration(took),
            fmt_duration(load)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn different_keys_load_at_the_same_time() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        let both = async { tokio::join!(cache.get("a"), cache.get("b")) };
        let ((a, b), took) =
            measure(within("gets of \"a\" and \"b\"", secs(3), both)).await;
        assert!(
            took < secs(2),
            "\"a\" and \"b\" loaded one after the other ({}): is one lock \
             held while a load runs, so that different keys wait for each \
             other?",
            fmt_duration(took)
        );
        assert_eq!(
            (a.as_deref(), b.as_deref()),
            (Ok("value of a"), Ok("value of b")),
            "the values returned for \"a\" and \"b\""
        );
        let loads = store.loads();
        assert_eq!(loads, 2, "two keys need two loads, there were {loads}");
        took_exactly("gets of \"a\" and \"b\" together", took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_cached_key_is_served_at_once() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        let first = within("the first get", secs(2), cache.get("a")).await;
        assert_eq!(
            first.as_deref(),
            Ok("value of a"),
            "the first get of \"a\""
        );
        let (value, took) =
            measure(within("the second get", secs(2), cache.get("a"))).await;
        assert_eq!(
            value.as_deref(),
            Ok("value of a"),
            "the second get of \"a\""
        );
        let loads = store.loads();
        assert_eq!(
            loads, 1,
            "two gets of \"a\", one after the other, made {loads} loads: the \
             second must be served from the cache"
        );
        took_exactly("a get of a cached key", took, ms(0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_load_is_not_cached() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        store.fail_next("a");
        let failed = within("a get whose load fails", secs(2), cache.get("a"))
            .await;
        assert_eq!(
            failed,
            Err(LoadError { key: "a".into() }),
            "the store failed the load of \"a\": its caller gets the error"
        );
        let (again, took) =
            measure(within("the next get", secs(2), cache.get("a"))).await;
        let loads = store.loads();
        assert_eq!(
            again.as_deref(),
            Ok("value of a"),
            "after a failed load, the next get of \"a\" must load again, but \
             it got {again:?} with {loads} load(s) made: is the failure kept \
             in the cache?"
        );
        assert_eq!(loads, 2, "a failed load and a retry: 2 loads, not {loads}");
        took_exactly("the get after a failed load (a new load)", took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_that_gives_up_does_not_strand_the_others() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        let impatient = async {
            let _ = timeout(ms(500), cache.get("a")).await;
        };
        let patient = async {
            sleep(ms(100)).await;
            within(
                "a get(\"a\") made while the first caller loaded it (the \
                 first gave up after 500ms: is its load marked as running for \
                 ever?)",
                secs(2),
                cache.get("a"),
            )
            .await
        };
        let ((), value) = tokio::join!(impatient, patient);
        assert_eq!(
            value.as_deref(),
            Ok("value of a"),
            "the get of \"a\" that waited while another caller gave up"
        );
    }
}

/// Records when each call starts and how many run at once.
#[derive(Debug)]
struct Calls {
    t0: Instant,
    starts: Mutex<Vec<Duration>>,
    /// Calls running now, and the most at once.
    in_flight: InFlight,
}

impl Calls {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            t0: Instant::now(),
            starts: Mutex::new(Vec::new()),
            in_flight: InFlight::new(),
        })
    }

    /// A call: records its start, then runs for the time `takes` gives the
    /// k-th call to start.
    async fn call(&self, takes: impl Fn(usize) -> Duration) {
        let k = {
            let mut starts = self.starts.lock().expect("not poisoned");
            starts.push(self.t0.elapsed());
            starts.len() - 1
        };
        self.in_flight.track(sleep(takes(k))).await;
    }

    fn starts(&self) -> Vec<Duration> {
        let mut starts = self.starts.lock().expect("not poisoned").clone();
        starts.sort();
        starts
    }
}

/// Asserts that calls started at `want` (sorted), within 2 ms each (the
/// bucket computes in floats, and tokio's timers round up to the
/// millisecond). `why` names the likely mistake.
#[track_caller]
fn assert_starts(got: &[Duration], want: &[Duration], what: &str, why: &str) {
    let show = |list: &[Duration]| {
        list.iter()
            .map(|&d| fmt_duration(d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let near = got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| g.abs_diff(*w) <= ms(2));
    assert!(
        near,
        "{what}: the calls started at [{}]; they should start at [{}] \
         (2ms either way). {why}",
        show(got),
        show(want)
    );
}

/// Spawns `calls` tasks at once, each running `run(probe)`; the probe.
async fn calls_at_once<L, Fut>(calls: usize, run: L) -> Arc<Calls>
where
    L: Fn(Arc<Calls>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let probe = Calls::new();
    let mut tasks = JoinSet::new();
    for _ in 0..calls {
        tasks.spawn(run(probe.clone()));
    }
    within(
        &format!("{calls} calls at once"),
        secs(30),
        tasks.join_all(),
    )
    .await;
    probe
}

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: token_bucket, id: "05-token-bucket";

    #[tokio::test(start_paused = true)]
    async fn a_burst_then_the_rate() {
        let limiter = Arc::new(subject::Limiter::new(100, 5, 10));
        let probe = calls_at_once(25, |probe| {
            let limiter = limiter.clone();
            async move { limiter.run(probe.call(|_| ms(0))).await }
        })
        .await;
        // Five at once from the full bucket, then one every 100 ms.
        let want: Vec<_> =
            (0..25_u64).map(|i| ms(100 * i.saturating_sub(4))).collect();
        assert_starts(
            &probe.starts(),
            &want,
            "25 calls at once through new(100, 5, 10)",
            "A full bucket of 5 lets five start at once, then earns one \
             token every 100ms.",
        );
    }

    #[tokio::test(start_paused = true)]
    async fn at_most_in_flight_at_once() {
        let limiter = Arc::new(subject::Limiter::new(3, 100, 1000));
        let (probe, took) = measure(calls_at_once(10, |probe| {
            let limiter = limiter.clone();
            async move { limiter.run(probe.call(|_| secs(1))).await }
        }))
        .await;
        let peak = probe.in_flight.max();
        assert_eq!(
            peak, 3,
            "the most calls in flight at once was {peak}, the cap was 3 \
             (new(3, 100, 1000): the bucket lets all ten start, the cap must \
             not)"
        );
        took_exactly("ten 1s calls, three at a time", took, secs(4));
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_for_a_permit_spends_no_token() {
        // One token at most, one more every 100 ms; three in flight. The
        // first three calls run 1.2 s, 1.1 s and 1 s, so all three end at
        // 1.2 s, and three waiting calls get a permit at the same moment.
        let limiter = Arc::new(subject::Limiter::new(3, 1, 10));
        let takes = |k: usize| [1200, 1100, 1000, 10, 10, 10].map(ms)[k];
        let probe = calls_at_once(6, |probe| {
            let limiter = limiter.clone();
            async move { limiter.run(probe.call(takes)).await }
        })
        .await;
        assert_starts(
            &probe.starts(),
            &[0, 100, 200, 1200, 1300, 1400].map(ms),
            "six calls through new(3, 1, 10)",
            "A bucket of 1 lets one call start at a time, then one every \
             100ms, however many permits come free together. Did the calls \
             take their token while they still waited for a permit? Spent \
             early, three tokens let three calls start at once.",
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_spell_refills_up_to_the_burst_only() {
        let limiter = subject::Limiter::new(10, 5, 10);
        for _ in 0..5 {
            within("a call from a full bucket", secs(1), limiter.run(async {}))
                .await;
        }
        sleep(secs(10)).await; // would earn 100 tokens, but 5 is the most
        let probe = Calls::new();
        for _ in 0..7 {
            within("a call", secs(1), limiter.run(probe.call(|_| ms(0)))).await;
        }
        assert_starts(
            &probe.starts(),
            &[0, 0, 0, 0, 0, 100, 200].map(ms),
            "seven calls one after another, after 10s idle",
            "The bucket never holds more than its burst of 5: is the refill \
             capped at the burst?",
        );
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_spell_refills_part_tokens() {
        let limiter = subject::Limiter::new(10, 5, 10);
        for _ in 0..5 {
            within("a call from a full bucket", secs(1), limiter.run(async {}))
                .await;
        }
        sleep(ms(250)).await; // 2.5 tokens earned
        let probe = Calls::new();
        for _ in 0..4 {
            within("a call", secs(1), limiter.run(probe.call(|_| ms(0)))).await;
        }
        assert_starts(
            &probe.starts(),
            &[0, 0, 50, 150].map(ms),
            "four calls one after another, 250ms after the bucket emptied",
            "2.5 tokens were earned: two calls at once, the half token left \
             needs 50ms more, then 100ms per token. Are part tokens kept, and \
             does an empty bucket sleep only until its part token is whole \
             (not a whole interval from now)?",
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_that_gives_up_spends_nothing() {
        // One token at most, one a second.
        let limiter = subject::Limiter::new(10, 1, 1);
        within("a call from a full bucket", secs(1), limiter.run(async {}))
            .await;
        // The next token comes at 1 s; this caller gives up at 500 ms.
        let gave_up = timeout(ms(500), limiter.run(async {})).await;
        assert!(
            gave_up.is_err(),
            "a call made at 0ms, right after the only token was spent, \
             should wait until 1s for the next; it went at once"
        );
        sleep(ms(100)).await;
        let probe = Calls::new();
        let call = limiter.run(probe.call(|_| ms(0)));
        within("a call made at 600ms", secs(5), call).await;
        let went = probe.starts()[0] + ms(600);
        // Started at 1.6 s: a whole interval after 600 ms.
        let cause = if went.abs_diff(ms(1600)) <= ms(2) {
            "Does an empty bucket sleep a whole interval from now (1s from \
             600ms), rather than until the part token earned so far is whole \
             (0.6 token at 600ms: 400ms more)?"
        } else {
            "Is the token taken (or reserved) before the wait is over?"
        };
        assert!(
            went.abs_diff(secs(1)) <= ms(2),
            "a call made at 600ms started at {}; the bucket earns its next \
             token at 1s, and the caller that gave up at 500ms must not have \
             spent it. {cause}",
            fmt_duration(went)
        );
    }
}
