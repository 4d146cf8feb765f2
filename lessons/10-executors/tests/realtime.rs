//! Real-clock tests: blocking threads and CPU work, which tokio's paused
//! clock cannot show. The blocking calls here sleep, so those tests only
//! wait and take `realtime_shared` (side by side); the CPU split measures
//! the cores and takes `realtime_lock` (alone). Each asserts only strict lower bounds, the course's one stated margin
//! (`kit::timing::realtime_upper_bound`), or counts.

use kit::Timeline;
use kit::timing::{
    fmt_duration, measure_blocking, ms, realtime_lock, realtime_shared,
    realtime_upper_bound, secs,
};
use lesson_10_executors::blocking::{
    Placement, ticker_during_call, ticker_during_call_drawn,
};
use lesson_10_executors::cpu::{self, overlap, wall_time};
use lesson_10_executors::pool_limit;
use lesson_10_executors::stall::{largest_gaps, median};
use tokio::runtime::{Builder, Runtime};

/// Units of CPU work for the split: about 0.15 s in a debug build on this
/// course's 2-core machine, 75 ms per thread, ample beside a scheduler's
/// time slice (a few ms), so two threads on two cores overlap.
const UNITS: u64 = 20_000_000;

// claim: executors/blocking-offloaded
#[test]
fn claim_executors_blocking_offloaded() {
    let _guard = realtime_shared();
    let period = ms(50);
    // Each case on a current-thread runtime of its own (one thread for
    // every task), both at once: the calls sleep, so they share no CPU.
    let run = move |placement| {
        std::thread::spawn(move || {
            current_thread().block_on(ticker_during_call(
                placement,
                secs(2),
                period,
            ))
        })
    };
    let (in_place, offloaded) =
        (run(Placement::InPlace), run(Placement::Offloaded));
    let (in_place, offloaded) =
        (in_place.join().unwrap(), offloaded.join().unwrap());

    // In place, the 2 s call holds the only runtime thread: the ticker's
    // next tick comes at least 2 s after the last one.
    assert!(
        in_place.largest_gap >= secs(2),
        "a blocking call in place should stall the ticker for 2 s, \
         largest gap {:?}",
        in_place.largest_gap
    );

    // Offloaded, the ticker keeps its 50 ms beat, within the margin.
    assert!(
        offloaded.largest_gap <= realtime_upper_bound(period),
        "with spawn_blocking the ticker should never stall, \
         largest gap {:?}",
        offloaded.largest_gap
    );
    assert!(
        offloaded.count > in_place.count,
        "the ticker ticks through the call: {} ticks vs {} in place",
        offloaded.count,
        in_place.count
    );
    println!(
        "largest gap: {} in place ({} ticks), {} offloaded ({} ticks)",
        fmt_duration(in_place.largest_gap),
        in_place.count,
        fmt_duration(offloaded.largest_gap),
        offloaded.count
    );
}

fn current_thread() -> Runtime {
    Builder::new_current_thread().enable_all().build().unwrap()
}

fn two_workers() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

// claim: executors/blocked-worker
#[test]
fn claim_executors_blocked_worker() {
    let _guard = realtime_shared();
    let (block, period, rounds) = (ms(500), ms(50), 3);

    // The two cases side by side, each on threads of its own: the block
    // is a sleep, so they share no CPU but the ticks.
    let two = std::thread::spawn(move || {
        largest_gaps(rounds, two_workers, block, period)
    });
    // One thread for every task: the blocking task stalls the ticker for
    // its whole 500 ms, in every round (a strict lower bound).
    let shared = largest_gaps(rounds, current_thread, block, period);
    assert!(
        shared.iter().all(|gap| *gap >= block),
        "on a current-thread runtime the ticker waits out the block: \
         {shared:?}"
    );

    // Two workers, one blocked: the other runs the ticker. How late its
    // ticks come depends on free cores, so judge the median round, with
    // the course's margin for 50 ms (325 ms, still below the 500 ms block).
    let free = two.join().unwrap();
    assert!(
        median(free.clone()) <= realtime_upper_bound(period),
        "on two workers the ticker should keep ticking: {free:?}"
    );
    println!("largest gaps: one thread {shared:?}, two workers {free:?}");
}

/// The picture's run: a longer block than the ticker's margin, so the two
/// cases cannot be confused. (Real clock: see the chapter's caption.)
const PICTURE_CALL: std::time::Duration = ms(800);
const PICTURE_PERIOD: std::time::Duration = ms(100);

#[test]
fn picture_ticker_stalled_then_offloaded() {
    let _guard = realtime_shared();
    let draw = |placement| {
        current_thread().block_on(async {
            let tl = Timeline::new();
            let ticks = ticker_during_call_drawn(
                &tl,
                placement,
                PICTURE_CALL,
                PICTURE_PERIOD,
            )
            .await;
            (tl, ticks)
        })
    };

    // Both at once, each on a thread of its own (the call sleeps).
    let (in_place, offloaded) = std::thread::scope(|scope| {
        let in_place = scope.spawn(|| draw(Placement::InPlace));
        let offloaded = draw(Placement::Offloaded);
        (in_place.join().unwrap(), offloaded)
    });

    // In place: the ticker's first 100 ms sleep lasts the whole call.
    let (tl, ticks) = in_place;
    assert_eq!(ticks.count, 1, "one tick, after the call");
    assert!(ticks.largest_gap >= PICTURE_CALL, "{ticks:?}");
    let sleep = tl.span("sleep 1").unwrap();
    assert!(sleep.end.unwrap() - sleep.start >= PICTURE_CALL);
    kit::book_image::check_svg_rows(
        env!("CARGO_MANIFEST_DIR"),
        "10-ticker-blocked.svg",
        &tl.render_svg(),
        &["sleep 1", "call in place"],
    );

    // Offloaded: the ticker keeps its beat through the call; the longest
    // gap is well under the 800 ms call (at most 400 ms, the margin).
    let (tl, ticks) = offloaded;
    assert!(ticks.count >= 2, "{ticks:?}");
    assert!(
        ticks.largest_gap <= realtime_upper_bound(PICTURE_PERIOD),
        "{ticks:?}"
    );
    kit::book_image::check_svg_rows(
        env!("CARGO_MANIFEST_DIR"),
        "10-ticker-offloaded.svg",
        &tl.render_svg(),
        &["sleep 1", "call in spawn_blocking", "sleep 2"],
    );
    println!("offloaded: {ticks:?}");
}

// claim: executors/cpu-parallel
#[tokio::test] // a current-thread runtime: the tasks' one thread
async fn claim_executors_cpu_parallel() {
    let _guard = realtime_lock();
    let pool = cpu::pool(2);

    // On two pool threads the two halves run at the same time: their busy
    // intervals overlap (by how much depends on how busy the machine is).
    let on_pool = cpu::split_on_pool(&pool, UNITS).await;
    assert_eq!(on_pool.len(), 2);
    let together = overlap(&on_pool[0], &on_pool[1]);
    assert!(
        together > ms(0),
        "the two pool threads should run at the same time: {on_pool:?}"
    );

    // As two tasks on one runtime thread, the second starts only when the
    // first has finished: no overlap at all.
    let as_tasks = cpu::split_as_tasks(UNITS, 2).await;
    assert_eq!(
        overlap(&as_tasks[0], &as_tasks[1]),
        ms(0),
        "tasks on one thread take turns: {as_tasks:?}"
    );
    assert!(as_tasks[1].start >= as_tasks[0].end);

    // Reported, not asserted: the speed-up depends on the machine's load.
    let (_, one_thread) = measure_blocking(|| cpu::busy(UNITS));
    let parallel = wall_time(&on_pool);
    println!(
        "one thread {}, tasks on one thread {}, two pool threads {} \
         (overlap {}): speed-up {:.2}x",
        fmt_duration(one_thread),
        fmt_duration(wall_time(&as_tasks)),
        fmt_duration(parallel),
        fmt_duration(together),
        one_thread.as_secs_f64() / parallel.as_secs_f64()
    );
}

#[test]
fn the_blocking_pool_never_runs_more_than_its_limit() {
    let _guard = realtime_shared();
    // Six 100 ms jobs, at most two threads: three rounds, so ≥ 300 ms.
    let run = pool_limit::run_on_small_pool(2, 6, ms(100));
    assert!(run.peak <= 2, "at most 2 at once, saw {}", run.peak);
    assert!(
        run.took >= ms(300),
        "three rounds of 100 ms: {:?}",
        run.took
    );
}

#[tokio::test]
async fn abort_does_not_stop_a_running_blocking_job() {
    let _guard = realtime_shared();
    assert!(pool_limit::abort_a_blocking_job(ms(100)).await);
}
