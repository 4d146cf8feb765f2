//! The program's command line: `--help` says what the lesson shows, and an
//! unknown argument is refused with clap's usage error (exit 2). Neither
//! runs the tour.

use kit::cli::{assert_help_names, assert_unknown_argument_refused};

const PROGRAM: &str = env!("CARGO_BIN_EXE_lesson-01-coroutines");

#[test]
fn help_says_what_the_lesson_shows() {
    assert_help_names(PROGRAM, "futures");
}

#[test]
fn an_unknown_argument_is_refused() {
    assert_unknown_argument_refused(PROGRAM);
}
