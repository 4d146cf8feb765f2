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
