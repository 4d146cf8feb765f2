//! The demos (and the chapter's warnings) behave as the chapter says, on
//! tokio's paused clock.

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_05_primitives::event::{self, Event, EventKind};
use lesson_05_primitives::{
    barrier, interval, local, rate_and_cap, semaphore, std_mutex,
};
use tokio::time::MissedTickBehavior;

#[tokio::test(start_paused = true)]
async fn std_mutex_counts_every_hit() {
    let stats = std_mutex::Stats::default();
    let requests = ["/", "/about", "/", "/", "/about", "/contact"];
    let ((), took) =
        measure(std_mutex::serve_all(&stats, &requests, ms(100))).await;
    assert_exact(took, ms(100)); // the lock never made anyone wait
    let hits: Vec<_> = stats.snapshot().into_iter().collect();
    assert_eq!(hits, [("/", 3), ("/about", 2), ("/contact", 1)]);
}

#[tokio::test(start_paused = true)]
async fn the_watch_event_sets_clears_and_reports() {
    let event = Event::new();
    assert!(!event.is_set());
    event.set();
    assert!(event.is_set());
    let ((), took) = measure(event.wait()).await;
    assert_exact(took, ms(0)); // already set: returns at once
    event.clear();
    assert!(!event.is_set());
    let waited = tokio::time::timeout(secs(1), event.wait()).await;
    assert!(waited.is_err(), "cleared: wait blocks again");
}

#[tokio::test(start_paused = true)]
async fn notify_waiters_with_nobody_waiting_is_lost() {
    assert!(event::late_waiter(EventKind::Watch, secs(1)).await);
    assert!(event::late_waiter(EventKind::Token, secs(1)).await);
    assert!(
        !event::late_waiter(EventKind::Notify, secs(1)).await,
        "notify_waiters stores nothing: the late waiter sleeps on"
    );
    assert!(event::notify_one_is_kept(secs(1)).await, "notify_one does");
}

#[tokio::test(start_paused = true)]
async fn an_aborted_task_gives_its_permit_back() {
    let (during, after) = semaphore::abort_returns_permit(secs(1)).await;
    assert_eq!((during, after), (1, 2));
}

#[tokio::test(start_paused = true)]
async fn a_barrier_lets_everyone_through_when_the_last_arrives() {
    let timeline = Timeline::new();
    let (passed, leaders) =
        barrier::start_together(&timeline, &[secs(1), secs(2), secs(3)]).await;
    assert_eq!(passed, [secs(3); 3]);
    assert_eq!(leaders, 1, "exactly one task is the leader");
    let first = timeline.span("task 1").unwrap();
    assert_eq!(first.waits, vec![(secs(1), Some(secs(3)))]);
}

#[tokio::test(start_paused = true)]
async fn missed_ticks_burst_delay_or_skip() {
    let run =
        |behavior| interval::ticks_after_stall(behavior, ms(100), ms(350), 4);
    // Ticks due at 100, 200, 300 ms were missed during the stall.
    assert_eq!(
        run(MissedTickBehavior::Burst).await,
        [ms(350), ms(350), ms(350), ms(400)]
    );
    assert_eq!(
        run(MissedTickBehavior::Delay).await,
        [ms(350), ms(450), ms(550), ms(650)]
    );
    assert_eq!(
        run(MissedTickBehavior::Skip).await,
        [ms(350), ms(400), ms(500), ms(600)]
    );
}

// `#[tokio::test]` builds a current-thread runtime: `tokio::spawn` would
// refuse these tasks there too (the chapter's `compile_fail` block).
#[tokio::test(start_paused = true)]
async fn an_rc_across_an_await_runs_with_spawn_local_on_a_local_set() {
    let (seen, took) = measure(local::local_tasks(ms(100))).await;
    assert_eq!(seen, [1, 2, 3]);
    assert_exact(took, ms(300));
}

#[test]
fn a_window_counts_starts_from_its_opening_up_to_not_including_its_end() {
    let count = |starts: &[u64]| {
        let starts: Vec<_> = starts.iter().map(|&t| ms(t)).collect();
        rate_and_cap::most_starts_within(&starts, secs(1))
    };
    // Eleven starts 100 ms apart: 0 to 1 s. Any 1 s window holds ten.
    let spaced: Vec<u64> = (0..=10).map(|i| i * 100).collect();
    assert_eq!(count(&spaced), 10);
    // One start 1 ms early puts eleven into the window that opens at 0.
    let mut early = spaced.clone();
    early[10] = 999;
    assert_eq!(count(&early), 11);
    // The busiest window need not open at the first start.
    assert_eq!(count(&[0, 900, 1000, 1100, 1200, 1800]), 5);
    assert_eq!(count(&[]), 0);
}

#[tokio::test]
async fn spawn_local_outside_a_local_set_panics() {
    let outside = std::panic::catch_unwind(|| {
        drop(tokio::task::spawn_local(async {}));
    });
    assert!(outside.is_err(), "spawn_local needs a LocalSet around it");
}
