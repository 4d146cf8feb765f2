//! `cargo run -p lesson-15-testing`: a tour of lesson 15.
//!
//! Each section runs on its own runtime, the way each `#[tokio::test]` does:
//! paused-clock sections on a paused one, the network section on a real one.

use std::time::Duration;

use kit::heading;
use kit::timing::{fmt_duration, measure_blocking};
use lesson_15_testing::db::SqliteUsers;
use lesson_15_testing::deadline::Timeout;
use lesson_15_testing::fixtures::{TestApp, TestDb};
use lesson_15_testing::flawed::{Flaw, deadline, notify, retry};
use lesson_15_testing::grading::{Verdict, run};
use lesson_15_testing::retry::Backoff;
use lesson_15_testing::users::{
    InMemoryUsers, MockUserClient, Notifier, User, notify_all,
};
use lesson_15_testing::{clock, flavours, service, solutions, ties};
use tokio::runtime::{Builder, Runtime};
use tokio::time::Instant;

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

fn main() {
    println!("Lesson 15 — testing async code");

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

    heading("advance: a 30 s heartbeat, driven by the test");
    paused().block_on(async {
        let (mut beats, task) = clock::heartbeat(Duration::from_secs(30));
        tokio::task::yield_now().await;
        for _ in 0..3 {
            tokio::time::advance(Duration::from_secs(30)).await;
            let at = beats.recv().await.expect("a beat");
            println!("advance(30s) -> a beat at {}", fmt_duration(at));
        }
        task.abort();
        let (mut beats, task) = clock::heartbeat(Duration::from_secs(30));
        tokio::task::yield_now().await;
        tokio::time::advance(Duration::from_secs(90)).await;
        let first = beats.recv().await.expect("a beat");
        let next = beats.recv().await.expect("a beat");
        println!(
            "advance(90s) in one jump -> one beat at {}, the next at {}",
            fmt_duration(first),
            fmt_duration(next)
        );
        task.abort();
    });

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

    heading("retry with backoff, on the paused clock");
    paused().block_on(async {
        let start = Instant::now();
        let mut attempts = Vec::new();
        let outcome: Result<(), &str> = lesson_15_testing::retry::retry(
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

    heading("an axum handler, over real HTTP on port 0");
    real().block_on(async {
        let users = [User::new(1, "Ada", true), User::new(2, "Bob", false)];
        let backend = InMemoryUsers::new(users, Duration::ZERO);
        let server = match TestApp::spawn(service::app(backend)).await {
            Ok(server) => server,
            Err(error) => {
                eprintln!("could not start the server: {error}");
                std::process::exit(1);
            }
        };
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
    });

    heading("a fixture: a fresh SQLite database");
    real().block_on(async {
        let outcome = async {
            let db = TestDb::new().await?;
            let users = SqliteUsers::new(db.pool.clone());
            for user in [User::new(1, "Ada", true), User::new(2, "Bob", false)]
            {
                users.insert(&user).await?;
            }
            let sent = notify_all(&users, &[1, 2], "hi").await;
            println!("notify_all(&database, [1, 2], \"hi\") -> {sent:?}");
            println!("outbox: {:?}", users.outbox().await?);
            Ok::<_, sqlx::Error>(())
        };
        if let Err(error) = outcome.await {
            eprintln!("the database demo failed: {error}");
            std::process::exit(1);
        }
    });

    heading("write the test: grading a test against broken code");
    // The learner's test is meant to panic on broken code; the grader
    // reports the message, so silence the default "thread panicked" print.
    std::panic::set_hook(Box::new(|_| {}));
    let show = |on: &str, verdict: Verdict| {
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
    };
    use solutions::{port_asyncmock, test_deadline, test_retry};
    println!("the reference test of 15-test-retry");
    show("the correct retry", run(test_retry::check(Backoff)));
    show(
        retry::GivesUpEarly::FLAW,
        run(test_retry::check(retry::GivesUpEarly)),
    );
    show(
        retry::NoBackoff::FLAW,
        run(test_retry::check(retry::NoBackoff)),
    );
    println!("the reference test of 15-test-deadline");
    show("the correct deadline", run(test_deadline::check(Timeout)));
    show(
        deadline::OneMsLate::FLAW,
        run(test_deadline::check(deadline::OneMsLate)),
    );
    println!("the reference port of the AsyncMock test");
    show(
        "the correct notify_all",
        run(port_asyncmock::check(Notifier)),
    );
    show(
        notify::SwappedArguments::FLAW,
        run(port_asyncmock::check(notify::SwappedArguments)),
    );
    let _ = std::panic::take_hook();
    println!("\nNext: `cargo run -p course -- next` for the exercises.");
}
