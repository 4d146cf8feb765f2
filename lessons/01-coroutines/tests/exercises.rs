//! Exercise tests for lesson 01, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use kit::timing::{assert_exact, measure, ms, secs};

/// A waker that counts how often it is woken.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

fn counting_waker() -> (Arc<CountingWaker>, Waker) {
    let counter = Arc::new(CountingWaker::default());
    (counter.clone(), Waker::from(counter))
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: one_after_another, id: "01-one-after-another";

    #[tokio::test(start_paused = true)]
    async fn returns_the_results_in_order() {
        let got = subject::fetch_in_order().await;
        assert_eq!(got, ["a: done in 100ms", "b: done in 200ms", "c: done in 300ms"]);
    }

    #[tokio::test(start_paused = true)]
    async fn takes_the_sum_of_the_delays() {
        let (_, took) = measure(subject::fetch_in_order()).await;
        assert_exact(took, ms(600));
    }
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: timed, id: "01-timed";

    #[tokio::test(start_paused = true)]
    async fn measures_a_sleep() {
        let ((), took) = subject::timed(tokio::time::sleep(ms(250))).await;
        assert_exact(took, ms(250));
    }

    #[tokio::test(start_paused = true)]
    async fn passes_the_output_through() {
        let (value, took) = subject::timed(async { 42 }).await;
        assert_eq!(value, 42);
        assert_exact(took, Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn starts_the_clock_at_the_await_not_at_the_call() {
        // Futures are lazy: the clock inside `timed` must start when the
        // returned future is first awaited, 5 s after the call. (The inner
        // sleep is in an async block because `sleep(d)` fixes its deadline
        // when it is created, not when it is first polled.)
        let pending = subject::timed(async { tokio::time::sleep(secs(1)).await });
        tokio::time::sleep(secs(5)).await;
        let ((), took) = pending.await;
        assert_exact(took, secs(1));
    }
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: flag, id: "01-flag";

    #[tokio::test(start_paused = true)]
    async fn wakes_the_waiter_when_raised_by_another_task() {
        let flag = subject::Flag::new();
        let raiser = flag.clone();
        tokio::spawn(async move {
            tokio::time::sleep(secs(1)).await;
            raiser.raise();
        });
        let ((), took) = measure(polled_at_most(10, flag.wait())).await;
        assert_exact(took, secs(1));
    }

    #[test]
    fn parks_without_busy_waking_and_is_woken_once() {
        let flag = subject::Flag::new();
        let (wakes, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        let mut wait = pin!(flag.wait());
        assert_eq!(wait.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(wakes.0.load(Ordering::SeqCst), 0, "poll must not wake itself");
        flag.raise();
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "raise must wake the waiter once");
        assert_eq!(wait.as_mut().poll(&mut cx), Poll::Ready(()));
    }

    #[test]
    fn is_ready_at_once_when_already_raised() {
        let flag = subject::Flag::new();
        flag.raise();
        let (wakes, waker) = counting_waker();
        let mut wait = pin!(flag.wait());
        assert_eq!(wait.as_mut().poll(&mut Context::from_waker(&waker)), Poll::Ready(()));
        assert_eq!(wakes.0.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn wakes_the_newest_waker() {
        let flag = subject::Flag::new();
        let (old_wakes, old) = counting_waker();
        let (new_wakes, new) = counting_waker();
        let mut wait = pin!(flag.wait());
        assert!(wait.as_mut().poll(&mut Context::from_waker(&old)).is_pending());
        assert!(wait.as_mut().poll(&mut Context::from_waker(&new)).is_pending());
        flag.raise();
        assert_eq!(old_wakes.0.load(Ordering::SeqCst), 0, "the old waker is stale");
        assert_eq!(new_wakes.0.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn can_be_raised_from_a_plain_thread() {
        let flag = subject::Flag::new();
        let raiser = flag.clone();
        let thread = std::thread::spawn(move || raiser.raise());
        let wait = polled_at_most(10, flag.wait());
        tokio::time::timeout(secs(5), wait).await.expect("woken by the thread");
        thread.join().unwrap();
    }
}

/// Awaits `fut`, failing with a clear message if it is polled more than
/// `limit` times. A `poll` that wakes its own waker is polled again at
/// once, forever: the task never sleeps, so on the paused clock time never
/// moves and the flag is never raised. Counting polls turns that hang into
/// a failure that says what is wrong.
async fn polled_at_most<F: Future>(limit: usize, fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut polls = 0;
    std::future::poll_fn(|cx| {
        polls += 1;
        assert!(
            polls <= limit,
            "wait() was polled {polls} times before the flag was raised: \
             poll must not wake itself (that is a busy loop); store the \
             waker and return Pending"
        );
        fut.as_mut().poll(cx)
    })
    .await
}
