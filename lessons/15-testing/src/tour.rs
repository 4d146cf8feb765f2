//! The tour: one function per section of the chapter, in its order.

use std::time::Duration;

use kit::heading;
use kit::timing::{fmt_duration, measure_blocking};
use lesson_15_testing::db::SqliteUsers;
use lesson_15_testing::deadline::Timeout;
use lesson_15_testing::fixtures::{TestApp, TestDb};
use lesson_15_testing::flawed::{Flaw, deadline, notify, retry};
use lesson_15_testing::grading::{self, Verdict};
use lesson_15_testing::retry::Backoff;
use lesson_15_testing::solutions::{port_asyncmock, test_deadline, test_retry};
use lesson_15_testing::users::{
    InMemoryUsers, MockUserClient, Notifier, User, notify_all,
};
use lesson_15_testing::{clock, flavours, service, ties};
use tokio::runtime::{Builder, Runtime};
use tokio::time::{Instant, advance};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

pub fn run() -> Result {
    println!("Lesson 15 — testing async code");
    tokio_test_and_its_flavours();
    the_paused_clock();
    driving_time_yourself();
    two_timers_due_at_the_same_instant();
    timeouts_and_retries_deterministically();
    mocking_an_async_trait();
    and_with_one_a_server_on_port_0()?;
    write_the_test();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
    Ok(())
}

/// A current-thread runtime with the clock paused:
/// `#[tokio::test(start_paused = true)]` without the macro.
fn paused() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a runtime")
}

/// A current-thread runtime on the real clock: `#[tokio::test]`.
fn real() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// ### `#[tokio::test]` and its flavours
fn tokio_test_and_its_flavours() {
    heading("#[tokio::test] and its flavours");
    let (flavour, workers) =
        real().block_on(async { flavours::which_runtime() });
    println!(
        "#[tokio::test]                        -> {flavour:?}, {workers:?}"
    );
    let multi = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a runtime");
    let (flavour, workers) =
        multi.block_on(async { flavours::which_runtime() });
    println!(
        "flavor = \"multi_thread\", 2 workers   -> {flavour:?}, {workers:?}"
    );
}

/// ### The paused clock, instead of patching `sleep`
fn the_paused_clock() {
    heading("the paused clock: a one-hour timeout");
    let (outcome, real_time) = measure_blocking(|| {
        paused().block_on(async {
            let start = Instant::now();
            let outcome = clock::report_within(Duration::from_secs(3600)).await;
            (outcome.is_err(), start.elapsed())
        })
    });
    let (timed_out, tokio_time) = outcome;
    println!(
        "timed out: {timed_out}; tokio's clock: {}; real time: {real_time:.2?}",
        fmt_duration(tokio_time)
    );
}

/// ### Driving time yourself: `advance`
fn driving_time_yourself() {
    heading("advance: a 30 s heartbeat, driven by the test");
    let beat = Duration::from_secs(30);
    paused().block_on(async {
        let (mut beats, task) = clock::heartbeat(beat);
        tokio::task::yield_now().await;
        for _ in 0..3 {
            advance(beat).await;
            let at = beats.recv().await.expect("a beat");
            println!("advance(30s) -> a beat at {}", fmt_duration(at));
        }
        task.abort();
        let (mut beats, task) = clock::heartbeat(beat);
        tokio::task::yield_now().await;
        advance(3 * beat).await;
        let first = beats.recv().await.expect("a beat");
        let next = beats.recv().await.expect("a beat");
        println!(
            "advance(90s) in one jump -> one beat at {}, the next at {}",
            fmt_duration(first),
            fmt_duration(next)
        );
        task.abort();
    });
}

/// ### Two timers due at the same instant
fn two_timers_due_at_the_same_instant() {
    heading("two timers due at the same instant");
    let finishes = paused().block_on(ties::race_to_a_tie(
        &["a", "b", "c"],
        Duration::from_secs(1),
    ));
    for (name, at) in &finishes {
        println!("{name} finished at {}", fmt_duration(*at));
    }
    println!(
        "(this order is what this tokio does, not a promise: do not assert it)"
    );
}

/// ### Timeouts and retries, deterministically
fn timeouts_and_retries_deterministically() {
    heading("retry with backoff, on the paused clock");
    paused().block_on(async {
        let start = Instant::now();
        let mut attempts = Vec::new();
        let outcome: std::result::Result<(), &str> =
            lesson_15_testing::retry::retry(
                4,
                Duration::from_millis(100),
                || {
                    attempts.push(fmt_duration(start.elapsed()));
                    async { Err("down") }
                },
            )
            .await;
        println!("attempts at {attempts:?} -> {outcome:?}");
        println!("gave up at {}", fmt_duration(start.elapsed()));
    });
}

/// ### Mocking an async trait: `mockall` as `AsyncMock`
fn mocking_an_async_trait() {
    heading("mockall: AsyncMock's counterpart");
    paused().block_on(async {
        let mut client = MockUserClient::new();
        client.expect_get_user().times(2).returning(|id| {
            let user = User::new(id, ["Ada", "Bob"][id as usize - 1], id == 1);
            Box::pin(async move { Ok(user) })
        });
        client
            .expect_send()
            .withf(|email, message| {
                println!("  mock: send({email:?}, {message:?})");
                true
            })
            .times(1)
            .returning(|_, _| Box::pin(async { Ok(()) }));
        let sent = notify_all(&client, &[1, 2], "hi").await;
        println!("notify_all(&mock, [1, 2], \"hi\") -> {sent:?}");
    });
}

/// ### … and with one: a server on port 0
fn and_with_one_a_server_on_port_0() -> Result {
    heading("an axum handler, over real HTTP on port 0");
    real().block_on(async {
        let users = [User::new(1, "Ada", true), User::new(2, "Bob", false)];
        let backend = InMemoryUsers::new(users, Duration::ZERO);
        let server = TestApp::spawn(service::app(backend))
            .await
            .map_err(|e| format!("could not start the server: {e}"))?;
        println!("listening on {}", server.addr);
        for path in ["/users/1", "/users/3", "/users/abc"] {
            match server.client.get(server.url(path)).send().await {
                Ok(response) => {
                    let status = response.status();
                    let body = response.text().await.unwrap_or_default();
                    println!("GET {path} -> {status}\n    {body}");
                }
                Err(error) => println!("GET {path} failed: {error}"),
            }
        }
        let _ = server.stop().await;
        Ok::<_, String>(())
    })?;

    heading("a fixture: a fresh SQLite database");
    real()
        .block_on(a_fresh_database())
        .map_err(|e| format!("the database demo failed: {e}"))?;
    Ok(())
}

/// Two users in a database of their own, and the mail `notify_all` sends.
async fn a_fresh_database() -> std::result::Result<(), sqlx::Error> {
    let db = TestDb::new().await?;
    let users = SqliteUsers::new(db.pool.clone());
    for user in [User::new(1, "Ada", true), User::new(2, "Bob", false)] {
        users.insert(&user).await?;
    }
    let sent = notify_all(&users, &[1, 2], "hi").await;
    println!("notify_all(&database, [1, 2], \"hi\") -> {sent:?}");
    println!("outbox: {:?}", users.outbox().await?);
    Ok(())
}

/// ### Write the test: how the course grades a test
fn write_the_test() {
    heading("write the test: grading a test against broken code");
    // The learner's test is meant to panic on broken code; the grader
    // reports the message, so silence the default "thread panicked" print.
    std::panic::set_hook(Box::new(|_| {}));
    println!("the reference test of 15-test-retry");
    grade("the correct retry", test_retry::check(Backoff));
    let flawed = retry::GivesUpEarly;
    grade(retry::GivesUpEarly::FLAW, test_retry::check(flawed));
    grade(retry::NoBackoff::FLAW, test_retry::check(retry::NoBackoff));
    println!("the reference test of 15-test-deadline");
    grade("the correct deadline", test_deadline::check(Timeout));
    let flawed = deadline::OneMsLate;
    grade(deadline::OneMsLate::FLAW, test_deadline::check(flawed));
    println!("the reference port of the AsyncMock test");
    grade("the correct notify_all", port_asyncmock::check(Notifier));
    let flawed = notify::SwappedArguments;
    grade(
        notify::SwappedArguments::FLAW,
        port_asyncmock::check(flawed),
    );
    let _ = std::panic::take_hook();
}

/// Runs `test` through the grader, on the code `on` names, and says how
/// it went.
fn grade(on: &str, test: impl Future<Output = ()>) {
    let verdict = grading::run(test);
    if on.starts_with("the correct") {
        print!("  on {on}: ");
    } else {
        print!("  broken: {on}\n    ");
    }
    match verdict {
        Verdict::Passed => println!("passes"),
        Verdict::Failed(message) => {
            println!("fails: {}", message.replace('\n', "\n    "))
        }
        Verdict::Hung => println!("hangs"),
    }
}
