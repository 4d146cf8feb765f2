//! Lesson 05's claims, each asserted with the number it states, on tokio's
//! paused clock (exact times; the tests take milliseconds of real time).

use kit::Timeline;
use kit::timing::{assert_exact, measure, ms, secs};
use lesson_05_primitives::event::{self, EventKind};
use lesson_05_primitives::rate_and_cap::{self, Order};
use lesson_05_primitives::{
    lost_update, once, rate_limiter, rwlock, semaphore,
};

// claim: primitives/lost-update
#[tokio::test(start_paused = true)]
async fn claim_primitives_lost_update() {
    // No lock: all five read 0, all write 1, all at once (0.1 s).
    let racy = Timeline::new();
    let (value, took) =
        measure(lost_update::without_lock(&racy, 5, ms(100))).await;
    assert_eq!(value, 1, "five unguarded increments leave 1");
    assert_exact(took, ms(100));

    // With tokio's Mutex held from read to write: 5, one after another.
    let locked = Timeline::new();
    let (value, took) =
        measure(lost_update::with_lock(&locked, 5, ms(100))).await;
    assert_eq!(value, 5, "five guarded increments leave 5");
    assert_exact(took, ms(500));
    // The last worker queued for the lock from 0 to 0.4 s: its wait shows.
    let last = locked.span("W5").expect("a span for W5");
    assert_eq!(last.waits, vec![(ms(0), Some(ms(400)))]);
    assert_eq!(last.end, Some(ms(500)));
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "05-lock-queue.svg",
        &locked.render_svg(),
    );
}

// claim: primitives/event-releases-waiters
#[tokio::test(start_paused = true)]
async fn claim_primitives_event_releases_waiters() {
    for kind in [EventKind::Watch, EventKind::Token, EventKind::Notify] {
        let timeline = Timeline::new();
        let (woke, took) =
            measure(event::waiters_then_set(&timeline, kind, 3, secs(2))).await;
        assert_eq!(woke, [secs(2); 3], "{kind:?}: every waiter wakes at 2 s");
        assert_exact(took, secs(2));
        let waiter = timeline.span("waiter 1").unwrap();
        assert_eq!(waiter.waits, vec![(ms(0), Some(secs(2)))], "{kind:?}");
    }
}

// claim: primitives/semaphore-bounds
#[tokio::test(start_paused = true)]
async fn claim_primitives_semaphore_bounds() {
    // The Python tutorials' numbers: 20 one-second jobs under 5 permits.
    let timeline = Timeline::new();
    let (peak, took) =
        measure(semaphore::gather_limited(&timeline, 20, 5, secs(1))).await;
    assert_exact(took, secs(4));
    assert_eq!(peak, 5, "never more than 5 at once, and 5 do run together");
    // Job 20 queued for 3 s, then ran its 1 s.
    let last = timeline.span("job 20").unwrap();
    assert_eq!(last.waits, vec![(ms(0), Some(secs(3)))]);
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "05-semaphore.svg",
        &timeline.render_svg(),
    );

    // Their other example, with spawned tasks: 100 jobs under 10 permits.
    let (peak, took) =
        measure(semaphore::spawn_limited(100, 10, secs(1))).await;
    assert_exact(took, secs(10));
    assert_eq!(peak, 10);
}

// claim: primitives/rate-limiter
#[tokio::test(start_paused = true)]
async fn claim_primitives_rate_limiter() {
    let timeline = Timeline::new();
    let went = rate_limiter::limited_calls(&timeline, 25, 10).await;
    assert_eq!(went.len(), 25);
    let span = *went.last().unwrap() - went[0];
    assert_exact(span, ms(2400));
    for pair in went.windows(2) {
        assert!(pair[1] - pair[0] >= ms(100), "calls too close: {went:?}");
    }
}

// claim: primitives/rate-and-cap
#[tokio::test(start_paused = true)]
async fn claim_primitives_rate_and_cap() {
    // 50 calls at once, 10 a second, at most 3 in flight: three 1 s calls
    // first, then 47 quick ones of 20, 40, 60 and 80 ms in turn.
    let calls = rate_and_cap::fifty_calls(secs(1), ms(20));
    let per_window =
        |starts: &[_]| rate_and_cap::most_starts_within(starts, secs(1));

    // Right: the permit, then the rate slot, then the start.
    let right =
        rate_and_cap::run_calls(Order::PermitFirst, 10, 3, &calls).await;
    assert_eq!(right.starts.len(), 50);
    assert_eq!(
        per_window(&right.starts),
        10,
        "never more than 10 starts in any 1 s"
    );
    assert_eq!(
        right.peak, 3,
        "never more than 3 in flight, and 3 do run together"
    );
    for pair in right.starts.windows(2) {
        assert!(
            pair[1] - pair[0] >= ms(100),
            "starts too close: {:?}",
            right.starts
        );
    }
    // Three start at 0, 0.1 and 0.2 s; the rest wait for a permit until 1 s,
    // then go one slot apart: the last at 1 s + 46 x 0.1 s.
    assert_exact(right.starts[3], secs(1));
    assert_exact(right.starts[49], ms(5600));

    // Wrong: the rate slot first, then the permit. The slots taken from 0.3
    // to 0.9 s were spent while their calls still waited for a permit; from
    // 1 s those calls start as fast as permits come free, on top of the
    // next second's own ten.
    let wrong = rate_and_cap::run_calls(Order::SlotFirst, 10, 3, &calls).await;
    assert_eq!(per_window(&wrong.starts), 17, "17 starts within one second");
    let in_second_two = wrong
        .starts
        .iter()
        .filter(|&&s| s >= secs(1) && s < secs(2));
    assert_eq!(
        in_second_two.count(),
        17,
        "from 1 s to 2 s: {:?}",
        wrong.starts
    );
    // Ten starts from 1 s to 1.22 s, then one every 0.1 s to 4.9 s.
    assert_exact(wrong.starts[3], secs(1));
    assert_exact(wrong.starts[12], ms(1220));
    assert_exact(wrong.starts[49], ms(4900));
    assert_eq!(wrong.peak, 3, "the cap itself still holds");
}

// claim: primitives/once-init-runs-once
#[tokio::test(start_paused = true)]
async fn claim_primitives_once_init_runs_once() {
    let ((values, builds), took) =
        measure(once::shared_init(10, secs(1))).await;
    assert_eq!(builds, 1, "ten concurrent callers, one initialisation");
    assert_eq!(values.len(), 10);
    assert!(
        values.iter().all(|v| v == "postgres://db/app"),
        "every caller gets the one value: {values:?}"
    );
    assert_exact(took, secs(1)); // all waited for the one initialiser
}

/// The chapter's RwLock picture (not a claim of the curriculum, but the
/// chapter states its numbers).
#[tokio::test(start_paused = true)]
async fn rwlock_writer_is_not_overtaken_by_a_later_reader() {
    let timeline = Timeline::new();
    let (seen, took) =
        measure(rwlock::readers_and_writer(&timeline, secs(1))).await;
    assert_exact(took, secs(3));
    assert_eq!(seen, 2, "reader 3 reads after the write");
    let span = |name: &str| timeline.span(name).unwrap();
    assert_eq!(span("reader 1").end, Some(secs(1)));
    assert_eq!(span("reader 2").end, Some(secs(1)));
    assert_eq!(span("writer").waits, vec![(ms(0), Some(secs(1)))]);
    assert_eq!(span("reader 3").waits, vec![(ms(0), Some(secs(2)))]);
    kit::book_image::check_svg(
        env!("CARGO_MANIFEST_DIR"),
        "05-rwlock.svg",
        &timeline.render_svg(),
    );
}
