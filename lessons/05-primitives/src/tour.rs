//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::timing::fmt_duration;
use kit::{Timeline, heading};
use lesson_05_primitives::event::{self, EventKind};
use lesson_05_primitives::rate_and_cap::{self, Order};
use lesson_05_primitives::{
    barrier, interval, local, lost_update, once, rate_limiter, rwlock,
    semaphore, std_mutex,
};
use tokio::time::{Instant, MissedTickBehavior};

pub async fn run() {
    println!("Lesson 05 — synchronisation primitives");
    println!("(every delay is a quarter of the chapter's; tests use the full)");
    a_lost_update_and_tokios_mutex().await;
    std_mutex_or_tokio_mutex().await;
    tasks_that_are_not_send().await;
    events().await;
    semaphore_at_most_n().await;
    rwlock_many_readers_or_one_writer().await;
    barrier_start_together().await;
    oncecell_initialise_once().await;
    a_rate_limiter().await;
    a_rate_limit_and_a_cap().await;
    interval_and_missed_ticks().await;
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}

/// The chapter's `seconds`, scaled down for this run.
fn t(seconds: f64) -> Duration {
    Duration::from_secs_f64(seconds / 4.0)
}

fn times(list: &[Duration]) -> String {
    let shown: Vec<String> = list.iter().map(|d| fmt_duration(*d)).collect();
    shown.join(", ")
}

/// ### A lost update, and tokio's `Mutex`
async fn a_lost_update_and_tokios_mutex() {
    heading("a lost update: read, await, write, with no lock");
    let tl = Timeline::new();
    let value = lost_update::without_lock(&tl, 5, t(0.1)).await;
    print!("{}", tl.render_ascii());
    println!("five increments left the counter at {value}");

    heading("the same with tokio's Mutex held from read to write");
    let tl = Timeline::new();
    let value = lost_update::with_lock(&tl, 5, t(0.1)).await;
    print!("{}", tl.render_ascii());
    println!("counter: {value} (░ = queued for the lock)");
}

/// ### std `Mutex` or tokio `Mutex`?
async fn std_mutex_or_tokio_mutex() {
    heading("std Mutex: right when the guard never crosses an .await");
    let stats = std_mutex::Stats::default();
    let requests = ["/", "/about", "/", "/", "/about", "/contact"];
    std_mutex::serve_all(&stats, &requests, t(0.1)).await;
    println!("hits: {:?}", stats.snapshot());
}

/// ### Tasks that are not `Send`: `spawn_local`
async fn tasks_that_are_not_send() {
    heading("spawn_local: tasks that hold an Rc across .await");
    let seen = local::local_tasks(t(0.1)).await;
    println!("on a LocalSet, the three tasks added {seen:?}");
}

/// ### Events: `watch`, `CancellationToken`, `Notify`
async fn events() {
    for (kind, name) in [
        (EventKind::Watch, "Event (a watch channel)"),
        (EventKind::Token, "CancellationToken"),
        (EventKind::Notify, "Notify::notify_waiters"),
    ] {
        heading(&format!("{name}: three waiters, set at 2 s"));
        let tl = Timeline::new();
        let woke = event::waiters_then_set(&tl, kind, 3, t(2.0)).await;
        print!("{}", tl.render_ascii());
        println!("woke at: {}", times(&woke));
    }

    heading("set first, wait later");
    for (kind, name) in [
        (EventKind::Watch, "Event"),
        (EventKind::Token, "CancellationToken"),
        (EventKind::Notify, "Notify::notify_waiters"),
    ] {
        let woke = event::late_waiter(kind, t(1.0)).await;
        println!("{name:>24}: late waiter woke? {woke}");
    }
    let kept = event::notify_one_is_kept(t(1.0)).await;
    println!("{:>24}: late waiter woke? {kept}", "Notify::notify_one");
}

/// ### `Semaphore`: at most N at a time
async fn semaphore_at_most_n() {
    heading("Semaphore(5): twenty 1 s jobs");
    let tl = Timeline::new();
    let start = Instant::now();
    let peak = semaphore::gather_limited(&tl, 20, 5, t(1.0)).await;
    let took = fmt_duration(start.elapsed());
    print!("{}", tl.render_ascii());
    println!("took {took}, at most {peak} at once");

    heading("Semaphore(10), spawned tasks: a hundred 1 s jobs");
    let start = Instant::now();
    let peak = semaphore::spawn_limited(100, 10, t(1.0)).await;
    let took = fmt_duration(start.elapsed());
    println!("took {took}, at most {peak} at once");

    heading("a permit comes back when its task is aborted");
    let (during, after) = semaphore::abort_returns_permit(t(1.0)).await;
    println!("free permits: {during} of 2 while it runs, {after} after abort");
}

/// ### `RwLock`: many readers, or one writer
async fn rwlock_many_readers_or_one_writer() {
    heading("RwLock: two readers, a writer, one more reader");
    let tl = Timeline::new();
    let seen = rwlock::readers_and_writer(&tl, t(1.0)).await;
    print!("{}", tl.render_ascii());
    println!("reader 3 queued behind the writer and saw {seen}");
}

/// ### `Barrier`: start together
async fn barrier_start_together() {
    heading("Barrier(3): ready at 1, 2 and 3 s, all go at 3 s");
    let tl = Timeline::new();
    let prepare = [t(1.0), t(2.0), t(3.0)];
    let (passed, leaders) = barrier::start_together(&tl, &prepare).await;
    print!("{}", tl.render_ascii());
    println!("passed at: {}; leaders: {leaders}", times(&passed));
}

/// ### `OnceCell`: initialise once, for everyone
async fn oncecell_initialise_once() {
    heading("OnceCell: ten callers, one initialisation");
    let start = Instant::now();
    let (values, builds) = once::shared_init(10, t(1.0)).await;
    println!(
        "{} callers got {:?}, built {builds} time(s), in {}",
        values.len(),
        values[0],
        fmt_duration(start.elapsed())
    );
}

/// ### A rate limiter
async fn a_rate_limiter() {
    heading("a rate limiter: 25 calls at 10 a second (run at 40)");
    let tl = Timeline::new();
    let went = rate_limiter::limited_calls(&tl, 25, 40).await;
    println!(
        "first at {}, last at {}",
        fmt_duration(went[0]),
        fmt_duration(went[24])
    );
}

/// ### A rate limit and a cap, together: the order matters
async fn a_rate_limit_and_a_cap() {
    heading("50 calls, 10 a second, 3 in flight, in both orders");
    let calls = rate_and_cap::fifty_calls(t(1.0), t(0.02));
    for (order, name) in [
        (Order::PermitFirst, "permit, then slot"),
        (Order::SlotFirst, "slot, then permit"),
    ] {
        let run = rate_and_cap::run_calls(order, 40, 3, &calls).await;
        let most = rate_and_cap::most_starts_within(&run.starts, t(1.0));
        println!(
            "{name}: {most} starts in the busiest second, {} in flight",
            run.peak
        );
    }
}

/// ### `interval` and missed ticks
async fn interval_and_missed_ticks() {
    heading("interval(100 ms) after a 350 ms stall: the next 4 ticks");
    for behavior in [
        MissedTickBehavior::Burst,
        MissedTickBehavior::Delay,
        MissedTickBehavior::Skip,
    ] {
        let ticks =
            interval::ticks_after_stall(behavior, t(0.1), t(0.35), 4).await;
        println!("{:>8}: {}", format!("{behavior:?}"), times(&ticks));
    }
}
