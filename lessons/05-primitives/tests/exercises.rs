//! Exercise tests for lesson 05, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! Every wait a wrong answer could make endless is under a `timeout`: on
//! the paused clock it fires at once, with a message saying what is wrong.

use std::sync::Arc;
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};
use lesson_05_primitives::support::{Insufficient, SlowStore};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

/// Awaits `fut`, failing with `what` if it takes longer than a minute.
async fn within_a_minute<F: Future>(what: &str, fut: F) -> F::Output {
    timeout(secs(60), fut)
        .await
        .unwrap_or_else(|_| panic!("{what} never finished (waited 60 s)"))
}

/// Asserts `got` is within 2 ms of `want` (the bucket computes in floats,
/// and tokio's timers round up to the millisecond).
#[track_caller]
fn assert_near(got: Duration, want: Duration, what: &str) {
    let diff = got.abs_diff(want);
    assert!(
        diff <= ms(2),
        "{what}: expected about {want:?}, got {got:?}"
    );
}

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: bank_account, id: "05-bank-account";

    #[tokio::test(start_paused = true)]
    async fn one_withdrawal_audits_then_pays() {
        let account = subject::Account::new(100);
        let (got, took) = measure(account.withdraw(30)).await;
        assert_eq!(got, Ok(70));
        assert_exact(took, ms(100)); // the audit
        assert_eq!(account.balance().await, 70);
    }

    #[tokio::test(start_paused = true)]
    async fn too_much_is_refused_at_once() {
        let account = subject::Account::new(20);
        let (got, took) = measure(account.withdraw(30)).await;
        assert_eq!(got, Err(Insufficient { balance: 20 }));
        assert_exact(took, ms(0));
        assert_eq!(account.balance().await, 20);
    }

    #[tokio::test(start_paused = true)]
    async fn five_concurrent_withdrawals_never_overdraw() {
        let account = Arc::new(subject::Account::new(100));
        let mut tasks = JoinSet::new();
        for _ in 0..5 {
            let account = account.clone();
            tasks.spawn(async move { account.withdraw(30).await });
        }
        let (outcomes, took) = measure(within_a_minute(
            "the five withdrawals",
            tasks.join_all(),
        ))
        .await;
        let paid = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(
            paid, 3,
            "from 100, only three withdrawals of 30 can be paid; got \
             {outcomes:?} (did two withdrawals read the balance before \
             either wrote it?)"
        );
        assert_eq!(account.balance().await, 10);
        assert_exact(took, ms(300)); // three audits, one after another
    }

    #[tokio::test(start_paused = true)]
    async fn refusals_report_the_balance_they_saw() {
        let account = Arc::new(subject::Account::new(50));
        let mut tasks = JoinSet::new();
        for _ in 0..3 {
            let account = account.clone();
            tasks.spawn(async move { account.withdraw(20).await });
        }
        let mut outcomes =
            within_a_minute("the withdrawals", tasks.join_all()).await;
        outcomes.sort();
        assert_eq!(
            outcomes,
            [Ok(10), Ok(30), Err(Insufficient { balance: 10 })]
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: single_flight, id: "05-single-flight";

    #[tokio::test(start_paused = true)]
    async fn ten_callers_of_one_key_share_one_load() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = Arc::new(subject::Cache::new(store.clone()));
        let mut tasks = JoinSet::new();
        for _ in 0..10 {
            let cache = cache.clone();
            tasks.spawn(async move { cache.get("a").await });
        }
        let (values, took) =
            measure(within_a_minute("ten gets of \"a\"", tasks.join_all()))
                .await;
        assert_eq!(store.loads(), 1, "ten concurrent gets must load once");
        assert!(values.iter().all(|v| v == "value of a"), "{values:?}");
        assert_exact(took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn different_keys_load_at_the_same_time() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        let both = async { tokio::join!(cache.get("a"), cache.get("b")) };
        let ((a, b), took) =
            measure(within_a_minute("gets of a and b", both)).await;
        assert_eq!((a.as_str(), b.as_str()), ("value of a", "value of b"));
        assert_eq!(store.loads(), 2);
        assert!(
            took < secs(2),
            "a and b loaded one after the other ({took:?}): is a lock held \
             while a load runs?"
        );
        assert_exact(took, secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_cached_key_is_served_at_once() {
        let store = Arc::new(SlowStore::new(secs(1)));
        let cache = subject::Cache::new(store.clone());
        within_a_minute("the first get", cache.get("a")).await;
        let (value, took) =
            measure(within_a_minute("the second get", cache.get("a"))).await;
        assert_eq!(value, "value of a");
        assert_eq!(store.loads(), 1, "the second get must not load again");
        assert_exact(took, ms(0));
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
            cache.get("a").await
        };
        let ((), value) = within_a_minute(
            "a get after the first caller gave up",
            async { tokio::join!(impatient, patient) },
        )
        .await;
        assert_eq!(value, "value of a");
    }
}

kit::exercise_tests! {
    lesson: lesson_05_primitives, exercise: token_bucket, id: "05-token-bucket";

    #[tokio::test(start_paused = true)]
    async fn twenty_five_calls_burst_five_then_ten_a_second() {
        let start = Instant::now();
        let bucket = Arc::new(subject::TokenBucket::new(5, 10));
        let mut tasks = JoinSet::new();
        for _ in 0..25 {
            let bucket = bucket.clone();
            tasks.spawn(async move {
                bucket.acquire().await;
                start.elapsed()
            });
        }
        let mut went =
            within_a_minute("25 acquires", tasks.join_all()).await;
        went.sort();
        for (i, &at) in went.iter().enumerate() {
            // Calls 0..5 at once, then one every 100 ms.
            let want = ms(100 * (i.saturating_sub(4)) as u64);
            assert_near(at, want, &format!("call {}", i + 1));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn never_holds_more_than_its_capacity() {
        let bucket = subject::TokenBucket::new(5, 10);
        for _ in 0..5 {
            within_a_minute("an acquire", bucket.acquire()).await;
        }
        sleep(secs(10)).await; // would earn 100 tokens, but 5 is the cap
        let start = Instant::now();
        let mut went = Vec::new();
        for _ in 0..7 {
            within_a_minute("an acquire", bucket.acquire()).await;
            went.push(start.elapsed());
        }
        let want = [0, 0, 0, 0, 0, 100, 200].map(ms);
        for (i, (&got, want)) in went.iter().zip(want).enumerate() {
            assert_near(got, want, &format!("call {} after the pause", i + 1));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn refills_part_tokens_while_idle() {
        let bucket = subject::TokenBucket::new(5, 10);
        for _ in 0..5 {
            within_a_minute("an acquire", bucket.acquire()).await;
        }
        sleep(ms(250)).await; // 2.5 tokens earned
        let start = Instant::now();
        let mut went = Vec::new();
        for _ in 0..4 {
            within_a_minute("an acquire", bucket.acquire()).await;
            went.push(start.elapsed());
        }
        // Two at once; the half token left needs 50 ms more, then 100 ms.
        let want = [0, 0, 50, 150].map(ms);
        for (i, (&got, want)) in went.iter().zip(want).enumerate() {
            assert_near(got, want, &format!("call {}", i + 1));
        }
    }
}
