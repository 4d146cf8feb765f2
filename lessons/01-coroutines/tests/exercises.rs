//! Exercise tests for lesson 01, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use kit::grade::within;
use kit::timing::{fmt_duration, measure, ms, secs};

/// A waker that counts how often it is woken.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl CountingWaker {
    /// How many times this waker has been woken so far.
    fn wakes(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

fn counting_waker() -> (Arc<CountingWaker>, Waker) {
    let counter = Arc::new(CountingWaker::default());
    (counter.clone(), Waker::from(counter))
}

/// What `timed` returned, against what the await really took; names the
/// usual mistakes.
#[track_caller]
fn timed_said(call: &str, said: Duration, took: Duration) {
    if said == took {
        return;
    }
    let why = if said == Duration::from_secs(took.as_secs()) {
        "it was cut to whole seconds: return the elapsed Duration as it is"
            .to_string()
    } else if said < took {
        "std::time::Instant (or SystemTime) measures real time, and on \
         tokio's paused clock the wait passes in no real time: read \
         tokio's clock, tokio::time::Instant"
            .to_string()
    } else {
        format!(
            "{} too much: did it start the clock when timed() was called \
             rather than when its future was first awaited?",
            fmt_duration(said - took)
        )
    };
    panic!(
        "{call} said the await took {}; on tokio's paused clock it took exactly {}: {why}",
        fmt_duration(said),
        fmt_duration(took)
    );
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: one_after_another, id: "01-one-after-another";

    #[tokio::test(start_paused = true)]
    async fn returns_the_results_in_order() {
        let got = subject::fetch_in_order().await;
        let want = ["a: done in 100ms", "b: done in 200ms", "c: done in 300ms"];
        assert!(got == want, "the results should be {want:?} in that order, got {got:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn takes_the_sum_of_the_delays() {
        let (_, took) = measure(subject::fetch_in_order()).await;
        assert!(
            took == ms(600),
            "fetching a (100 ms), b (200 ms) and c (300 ms) took {} on tokio's paused \
             clock; one after another it takes exactly 600ms{}",
            fmt_duration(took),
            if took == ms(300) {
                ": 300ms means the three waited at the same time (spawned tasks \
                 start at once, and join! runs them together, even when the results \
                 are collected in order)"
            } else {
                ""
            }
        );
    }
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: timed, id: "01-timed";

    #[tokio::test(start_paused = true)]
    async fn measures_a_sleep() {
        let ((), took) = subject::timed(tokio::time::sleep(ms(1250))).await;
        timed_said("timed(sleep(1.25s))", took, ms(1250));
    }

    #[tokio::test(start_paused = true)]
    async fn passes_the_output_through() {
        let (value, took) = subject::timed(async { 42 }).await;
        assert!(value == 42, "timed(async {{ 42 }}) should pass 42 through, it returned {value}");
        timed_said("timed(async { 42 })", took, Duration::ZERO);
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
        timed_said("timed(a 1 s sleep), awaited 5 s after the call,", took, secs(1));
    }
}

kit::exercise_tests! {
    lesson: lesson_01_coroutines, exercise: flag, id: "01-flag";

    #[test]
    fn a_raised_flag_is_ready_at_once_without_a_wake() {
        let flag = subject::Flag::new();
        flag.raise();
        let (wakes, waker) = counting_waker();
        let mut wait = pin!(flag.wait());
        let first = wait.as_mut().poll(&mut Context::from_waker(&waker));
        assert!(
            first.is_ready(),
            "the flag was raised before wait() was polled, so the first poll \
             should be Ready; it was {first:?}"
        );
        assert!(
            wakes.wakes() == 0,
            "a Ready poll should wake nobody; the waker was woken {} times",
            wakes.wakes()
        );
    }

    #[test]
    fn parks_without_waking_itself_and_raise_wakes_it_once() {
        let flag = subject::Flag::new();
        let (wakes, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        let mut wait = pin!(flag.wait());
        let first = wait.as_mut().poll(&mut cx);
        assert!(first.is_pending(), "the flag is down, so poll should be Pending; it was {first:?}");
        assert!(
            wakes.wakes() == 0,
            "poll woke its own waker {} time(s) before the flag was raised: a \
             future must not wake itself to be polled again (that is a busy \
             loop); store the waker and return Pending",
            wakes.wakes()
        );
        flag.raise();
        assert!(
            wakes.wakes() == 1,
            "raise() woke the waiter {} times; it should wake it exactly once: \
             did poll store the waker, and does raise take it out and wake it?",
            wakes.wakes()
        );
        let second = wait.as_mut().poll(&mut cx);
        assert!(second.is_ready(), "after raise(), poll should be Ready; it was {second:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn raise_from_a_plain_thread_wakes_the_waiting_task() {
        let flag = subject::Flag::new();
        let raiser = flag.clone();
        let mut wait = pin!(flag.wait());
        // Poll once here, so the waiter is surely parked before the thread
        // raises the flag: a raise that does not wake is always caught.
        let first = std::future::poll_fn(|cx| Poll::Ready(wait.as_mut().poll(cx))).await;
        assert!(first.is_pending(), "the flag is down, so poll should be Pending; it was {first:?}");
        let thread = std::thread::spawn(move || raiser.raise());
        let woken = tokio::time::timeout(secs(5), polled_at_most(10, wait)).await;
        thread.join().expect("the raising thread did not panic");
        assert!(
            woken.is_ok(),
            "a plain thread raised the flag, but the waiting task was never \
             woken (still pending after 5 s): raise() must wake the waker that \
             poll stored"
        );
    }

    #[test]
    fn raise_wakes_the_newest_waker() {
        let flag = subject::Flag::new();
        let (old_wakes, old) = counting_waker();
        let (new_wakes, new) = counting_waker();
        let mut wait = pin!(flag.wait());
        let polls = (
            wait.as_mut().poll(&mut Context::from_waker(&old)),
            wait.as_mut().poll(&mut Context::from_waker(&new)),
        );
        assert!(
            polls.0.is_pending() && polls.1.is_pending(),
            "the flag is down, so both polls should be Pending; they were {polls:?}"
        );
        flag.raise();
        let woken = (old_wakes.wakes(), new_wakes.wakes());
        assert!(
            woken == (0, 1),
            "polled with waker A, then with waker B (the future moved to another \
             task), then raised: A was woken {} times and B {} times; only the \
             newest, B, should be woken, once. Waker A is stale: replace the \
             stored waker on every Pending poll",
            woken.0,
            woken.1
        );
    }

    #[tokio::test(start_paused = true)]
    async fn wakes_the_waiter_when_raised_by_another_task() {
        let flag = subject::Flag::new();
        let raiser = flag.clone();
        tokio::spawn(async move {
            tokio::time::sleep(secs(1)).await;
            raiser.raise();
        });
        let ((), took) = measure(within(
            "wait() on a flag that another task raises at 1 s",
            secs(2),
            polled_at_most(10, flag.wait()),
        ))
        .await;
        assert!(
            took == secs(1),
            "wait() finished after {} on tokio's paused clock; the flag went up at exactly 1s",
            fmt_duration(took)
        );
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
