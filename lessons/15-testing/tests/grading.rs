//! The "write the test" grader itself: it tells a good test from a weak
//! one, a test that fails everything, and a test that hangs.

use std::time::Duration;

use kit::timing::{ms, secs};
use lesson_15_testing::deadline::{Deadline, Timeout};
use lesson_15_testing::flawed::{Flaw, deadline, notify, retry};
use lesson_15_testing::grading::{Verdict, expect_catch, expect_pass, run};
use lesson_15_testing::retry::Backoff;
use lesson_15_testing::solutions;
use lesson_15_testing::users::Notifier;
use tokio::time::Instant;

// ANCHOR: weak_test
/// A weak test of a deadline: right values, and "about a second" — the
/// margin a real-clock test would need.
async fn weak_check<D: Deadline>(subject: D) {
    let start = Instant::now();
    let got = subject.within(secs(1), tokio::time::sleep(secs(5))).await;
    assert_eq!(got, None);
    assert!(start.elapsed() < ms(1100), "gave up at about the limit");
}
// ANCHOR_END: weak_test

#[test]
fn a_weak_test_lets_a_subtle_bug_through() {
    assert_eq!(run(weak_check(Timeout)), Verdict::Passed);
    assert_eq!(run(weak_check(deadline::OneMsLate)), Verdict::Passed);
    // The reference test compares times exactly, and catches it.
    let strict = run(solutions::test_deadline::check(deadline::OneMsLate));
    assert!(
        matches!(&strict, Verdict::Failed(m) if m.contains("1.001s")),
        "{strict:?}"
    );
}

#[test]
#[should_panic(expected = "your test did not catch: it gives up 1 ms after")]
fn expect_catch_names_the_flaw_a_test_missed() {
    use deadline::OneMsLate as Broken;
    expect_catch(Broken::FLAW, weak_check(Timeout), weak_check(Broken));
}

#[test]
#[should_panic(expected = "fails on the CORRECT implementation")]
fn a_test_that_fails_everything_catches_nothing() {
    async fn always_fails<D: Deadline>(_subject: D) {
        panic!("no");
    }
    use deadline::OneMsLate as Broken;
    expect_catch(Broken::FLAW, always_fails(Timeout), always_fails(Broken));
}

/// A test that tells broken code by its type name fails on `Fixed`, the
/// correct code under a broken one's name.
#[test]
fn a_test_that_reads_the_type_name_fails_on_fixed() {
    async fn by_name<R: lesson_15_testing::retry::Retry>(_subject: R) {
        let name = std::any::type_name::<R>();
        assert!(!name.contains("flawed"), "{name} is a broken one");
    }
    use lesson_15_testing::flawed::Fixed;
    assert_eq!(run(by_name(Backoff)), Verdict::Passed);
    assert!(matches!(run(by_name(retry::NoBackoff)), Verdict::Failed(_)));
    assert!(matches!(
        run(by_name(Fixed(retry::NoBackoff))),
        Verdict::Failed(_)
    ));
}

#[test]
#[should_panic(expected = "not yet implemented")]
fn the_untouched_stub_fails_with_todo() {
    expect_pass(lesson_15_testing::exercises::test_retry::check(Backoff));
}

#[test]
fn a_hung_test_is_reported_in_real_milliseconds() {
    let (verdict, real) =
        kit::timing::measure_blocking(|| run(std::future::pending::<()>()));
    assert_eq!(verdict, Verdict::Hung);
    assert!(real < Duration::from_secs(2), "took {real:?}");
}

/// What each reference test says on each broken implementation: it must
/// fail for the right reason, not by accident.
#[test]
fn the_reference_tests_fail_each_flaw_for_the_right_reason() {
    use solutions::{port_asyncmock, test_deadline, test_retry};
    let said = |verdict: Verdict| match verdict {
        Verdict::Failed(message) => message,
        other => panic!("expected a failure, got {other:?}"),
    };
    let cases = [
        (said(run(test_deadline::check(deadline::WaitsItOut))), "5s"),
        (
            said(run(test_deadline::check(deadline::OneMsLate))),
            "1.001s",
        ),
        (
            said(run(test_deadline::check(deadline::AlwaysWholeLimit))),
            "when the work ends",
        ),
        (
            said(run(test_deadline::check(deadline::LeavesItRunning))),
            "must be cancelled",
        ),
        (
            said(run(test_retry::check(retry::GivesUpEarly))),
            "failure 3",
        ),
        (said(run(test_retry::check(retry::NoBackoff))), "200ms"),
        (said(run(test_retry::check(retry::WaitsAfterLast))), "1.5s"),
        (said(run(test_retry::check(retry::FirstError))), "failure 1"),
        (
            said(run(test_retry::check(retry::LongestWaitFirst))),
            "800ms",
        ),
        (
            said(run(test_retry::check(retry::GoesOnAfterSuccess))),
            "Ok(5)",
        ),
        (
            said(run(port_asyncmock::check(notify::MailsEveryone))),
            "No matching expectation",
        ),
        (
            said(run(port_asyncmock::check(notify::SwappedArguments))),
            "No matching expectation",
        ),
        (
            said(run(port_asyncmock::check(notify::FromTheEnd))),
            "No matching expectation",
        ),
        (
            said(run(port_asyncmock::check(notify::GoesOnAfterAnError))),
            "No matching expectation",
        ),
        (
            said(run(port_asyncmock::check(notify::HidesTheError))),
            "Ok(1)",
        ),
        (
            said(run(port_asyncmock::check(notify::FetchesTwice))),
            "No matching expectation",
        ),
    ];
    for (message, expected) in cases {
        assert!(message.contains(expected), "{expected:?} not in: {message}");
    }
    assert_eq!(run(port_asyncmock::check(Notifier)), Verdict::Passed);
}

#[test]
#[should_panic(expected = "your test hung instead of failing when")]
fn a_test_that_hangs_on_broken_code_has_not_caught_it() {
    /// Passes on the correct deadline, waits forever on any other.
    async fn hangs_on_others<D: Deadline + 'static>(_subject: D) {
        use std::any::TypeId;
        if TypeId::of::<D>() != TypeId::of::<Timeout>() {
            std::future::pending::<()>().await;
        }
    }
    use deadline::OneMsLate as Broken;
    expect_catch(
        Broken::FLAW,
        hangs_on_others(Timeout),
        hangs_on_others(Broken),
    );
}
