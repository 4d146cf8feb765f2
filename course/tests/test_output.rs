//! Reading libtest's per-test result lines.

use course::cargo::{TestResult, TestStatus, parse_result_line, parse_results, strip_ansi};

fn result(name: &str, status: TestStatus) -> Option<TestResult> {
    Some(TestResult {
        name: name.to_owned(),
        status,
    })
}

#[test]
fn parses_ok_failed_and_ignored() {
    assert_eq!(
        parse_result_line("test timed::solution::measures ... ok"),
        result("timed::solution::measures", TestStatus::Passed)
    );
    assert_eq!(
        parse_result_line("test timed::stub::measures ... FAILED"),
        result("timed::stub::measures", TestStatus::Failed)
    );
    assert_eq!(
        parse_result_line(
            "test timed::stub::measures ... ignored, exercise: check it with `cargo run -p course -- check 01-timed`"
        ),
        result("timed::stub::measures", TestStatus::Ignored)
    );
    assert_eq!(
        parse_result_line("test flag::stub::panics - should panic ... ok"),
        result("flag::stub::panics", TestStatus::Passed)
    );
}

#[test]
fn ignores_colour_codes() {
    let line = "test m::stub::t ... \u{1b}[31mFAILED\u{1b}[0m";
    assert_eq!(strip_ansi(line), "test m::stub::t ... FAILED");
    assert_eq!(
        parse_result_line(line),
        result("m::stub::t", TestStatus::Failed)
    );
}

#[test]
fn skips_everything_else() {
    for line in [
        "",
        "running 3 tests",
        "test result: FAILED. 0 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out",
        "---- timed::stub::measures stdout ----",
        "thread 'timed::stub::measures' panicked at src/exercises/timed.rs:5:5:",
        "test m::t has been running for over 60 seconds",
        "test m::bench ... bench:         12 ns/iter (+/- 1)",
    ] {
        assert_eq!(parse_result_line(line), None, "{line:?}");
    }
}

#[test]
fn parses_a_whole_run() {
    let output = "\nrunning 2 tests\ntest a::stub::x ... FAILED\ntest a::stub::y ... FAILED\n\nfailures:\n\n---- a::stub::x stdout ----\nnot yet implemented\n\ntest result: FAILED. 0 passed; 2 failed\n";
    let names: Vec<String> = parse_results(output).into_iter().map(|r| r.name).collect();
    assert_eq!(names, ["a::stub::x", "a::stub::y"]);
}

#[test]
fn reads_failure_sections() {
    use course::cargo::parse_failures;
    let output = "\
running 2 tests
test a::stub::one ... FAILED
test a::stub::two ... FAILED

failures:

---- a::stub::one stdout ----

thread 'a::stub::one' (1922) panicked at lessons/x/tests/exercises.rs:12:5:
assertion `left == right` failed: took too long
  left: 900ms
 right: 400ms
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

---- a::stub::two stdout ----
thread 'a::stub::two' panicked at src/exercises/a.rs:3:5:
not yet implemented


failures:
    a::stub::one
    a::stub::two

test result: FAILED. 0 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out
";
    let failures = parse_failures(output);
    assert_eq!(failures.len(), 2, "{failures:#?}");
    assert_eq!(failures[0].name, "a::stub::one");
    assert_eq!(
        failures[0].message,
        "assertion `left == right` failed: took too long\n  left: 900ms\n right: 400ms"
    );
    assert_eq!(
        failures[0].location.as_deref(),
        Some("lessons/x/tests/exercises.rs:12:5")
    );
    assert_eq!(failures[1].message, "not yet implemented");
    assert_eq!(
        failures[1].location.as_deref(),
        Some("src/exercises/a.rs:3:5")
    );
}

/// A library's panic in a spawned task, and whatever the code printed,
/// come before the test's own verdict; only the verdict is the message.
#[test]
fn a_failure_keeps_the_test_threads_own_panic() {
    use course::cargo::parse_failures;
    let output = "\
---- a::stub::one stdout ----
connecting to user99
thread 'tokio-runtime-worker' (77) panicked at lessons/x/src/support.rs:40:9:
bad address: user99
thread 'a::stub::one' (76) panicked at lessons/x/tests/exercises.rs:12:5:
one bad address must not stop the others: got 0 replies, want 99

test result: FAILED. 0 passed; 1 failed
";
    let failures = parse_failures(output);
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert_eq!(
        failures[0].message,
        "one bad address must not stop the others: got 0 replies, want 99"
    );
    assert_eq!(
        failures[0].location.as_deref(),
        Some("lessons/x/tests/exercises.rs:12:5")
    );
}

#[test]
fn a_panic_inside_a_library_is_traced_to_the_learners_line() {
    use course::cargo::parse_failures;
    let output = "\
---- gather::stub::one stdout ----
thread 'gather::stub::one' (9) panicked at /home/me/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/runtime/scheduler/multi_thread/mod.rs:86:9:
Cannot start a runtime from within a runtime.
stack backtrace:
   0: __rustc::rust_begin_unwind
             at /rustc/5980/library/std/src/panicking.rs:689:5
  12: tokio::runtime::runtime::Runtime::block_on
             at /home/me/.cargo/registry/src/tokio-1.54.1/src/runtime/runtime.rs:351:45
  13: lesson_03_tasks::exercises::gather::gather_within::{{closure}}
             at ./src/exercises/gather.rs:40:21
  14: lesson_03_tasks::exercises::gather::other
             at ./src/exercises/gather.rs:12:5
note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.

test result: FAILED. 0 passed; 1 failed
";
    let failures = parse_failures(output);
    assert_eq!(failures.len(), 1, "{failures:#?}");
    assert_eq!(
        failures[0].message, "Cannot start a runtime from within a runtime.",
        "the backtrace is not part of the message"
    );
    assert_eq!(
        failures[0].learner_frame.as_deref(),
        Some("src/exercises/gather.rs:40:21"),
        "the innermost frame in the learner's file"
    );
}
