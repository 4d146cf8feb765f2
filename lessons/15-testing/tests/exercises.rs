//! Exercise tests for lesson 15, written once and run against both the
//! learner's stub (ignored until checked with the runner) and the reference
//! solution. See `kit::exercise_tests!`.
//!
//! These are "write the test" exercises: `subject::check` is the learner's
//! test. Each `#[test]` here runs it on fresh paused-clock runtimes (see
//! `lesson_15_testing::grading`): once on the correct implementation,
//! which it must pass, and once more on a broken one, which it must fail.
//! The untouched stub's `todo!()` fails the correct run, so every test
//! here fails on the stub.

use lesson_15_testing::deadline::Timeout;
use lesson_15_testing::flawed::{Fixed, Flaw, deadline, notify, retry};
use lesson_15_testing::grading::{expect_catch, expect_pass};
use lesson_15_testing::retry::Backoff;
use lesson_15_testing::users::Notifier;

kit::exercise_tests! {
    lesson: lesson_15_testing,
    exercise: test_deadline, id: "15-test-deadline";

    #[test]
    fn passes_on_the_correct_deadline() {
        expect_pass(subject::check(Timeout));
    }

    #[test]
    fn catches_waiting_slow_work_out() {
        use deadline::WaitsItOut as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_giving_up_one_ms_late() {
        use deadline::OneMsLate as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_always_waiting_the_whole_limit() {
        use deadline::AlwaysWholeLimit as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_leaving_timed_out_work_running() {
        use deadline::LeavesItRunning as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }
}

// ANCHOR: retry_tests
kit::exercise_tests! {
    lesson: lesson_15_testing,
    exercise: test_retry, id: "15-test-retry";

    #[test]
    fn passes_on_the_correct_retry() {
        expect_pass(subject::check(Backoff));
    }

    #[test]
    fn catches_giving_up_one_attempt_early() {
        use retry::GivesUpEarly as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }
    // ... one test per broken implementation
// ANCHOR_END: retry_tests

    #[test]
    fn catches_a_delay_that_never_doubles() {
        use retry::NoBackoff as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_a_wait_after_the_last_attempt() {
        use retry::WaitsAfterLast as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_delays_that_run_backwards() {
        use retry::LongestWaitFirst as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_going_on_after_a_success() {
        use retry::GoesOnAfterSuccess as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_returning_the_first_error() {
        use retry::FirstError as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }
}

kit::exercise_tests! {
    lesson: lesson_15_testing,
    exercise: port_asyncmock, id: "15-port-asyncmock";

    #[test]
    fn passes_on_the_correct_notify_all() {
        expect_pass(subject::check(Notifier));
    }

    #[test]
    fn catches_mailing_inactive_users() {
        use notify::MailsEveryone as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_swapped_arguments() {
        use notify::SwappedArguments as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_looking_users_up_from_the_end() {
        use notify::FromTheEnd as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_going_on_after_a_failed_lookup() {
        use notify::GoesOnAfterAnError as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_hiding_the_error() {
        use notify::HidesTheError as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }

    #[test]
    fn catches_fetching_a_user_twice() {
        use notify::FetchesTwice as Broken;
        let correct = subject::check(Fixed(Broken));
        expect_catch(Broken::FLAW, correct, subject::check(Broken));
    }
}
