//! Grading a "write the test" exercise.
//!
//! In these exercises the learner writes a test, not the code: a function
//! `check(subject)` that exercises `subject` and panics (with `assert!`,
//! `assert_eq!`, `expect`, or a mock's expectation) if it misbehaves.
//! The course then runs that test several times, each on a fresh runtime
//! with the clock paused, exactly as `#[tokio::test(start_paused = true)]`
//! would:
//!
//! - on the correct implementation, where it must pass;
//! - on each of several subtly broken implementations ([`crate::flawed`]),
//!   where it must fail.
//!
//! A test that fails everything catches nothing, so every "catches …" check
//! also runs the correct implementation first, as [`crate::flawed::Fixed`]
//! under the broken one's name: a test that looks at the type, not the
//! behaviour, fails it. A test that hangs on a
//! broken implementation has not caught it either: on a CI machine it
//! would stall the build instead of reporting the bug.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;

/// How long a learner's test may wait on the paused clock before it counts
/// as hung. A day of *virtual* time: reaching it takes real milliseconds.
pub const PATIENCE: Duration = Duration::from_secs(24 * 3600);

/// How a learner's test ended on one implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    /// It panicked, with this message.
    Failed(String),
    /// It was still waiting after [`PATIENCE`].
    Hung,
}

// ANCHOR: run
/// Runs one test body the way `#[tokio::test(start_paused = true)]` does —
/// a fresh current-thread runtime, clock paused — and reports how it ended.
pub fn run(test: impl Future<Output = ()>) -> Verdict {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        // catch_unwind turns the test's panic into a value we can inspect.
        let caught = AssertUnwindSafe(test).catch_unwind();
        match tokio::time::timeout(PATIENCE, caught).await {
            Ok(Ok(())) => Verdict::Passed,
            Ok(Err(panic)) => Verdict::Failed(panic_message(&*panic)),
            Err(_) => Verdict::Hung,
        }
    })
}
// ANCHOR_END: run

/// The text of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

// ANCHOR: expect
/// Asserts the learner's test passes on the correct implementation.
#[track_caller]
pub fn expect_pass(on_correct: impl Future<Output = ()>) {
    match run(on_correct) {
        Verdict::Passed => {}
        Verdict::Failed(message) => panic!(
            "your test fails on the CORRECT implementation, so it would \
             fail on good code too. It said: {message}"
        ),
        Verdict::Hung => panic!(
            "your test never finished on the CORRECT implementation (a day \
             went by on the paused clock): it waits for something that \
             never happens"
        ),
    }
}

/// Asserts the learner's test passes on the correct implementation and
/// fails on a broken one, whose flaw is `flaw`.
#[track_caller]
pub fn expect_catch(
    flaw: &str,
    on_correct: impl Future<Output = ()>,
    on_broken: impl Future<Output = ()>,
) {
    expect_pass(on_correct);
    match run(on_broken) {
        Verdict::Failed(_) => {}
        Verdict::Passed => panic!("your test did not catch: {flaw}"),
        Verdict::Hung => panic!(
            "your test hung instead of failing when {flaw}: wrap the wait \
             in tokio::time::timeout and fail with a message"
        ),
    }
}
// ANCHOR_END: expect
