//! The program's command line: `--help` says what the lesson shows, and an
//! unknown argument is refused with clap's usage error (exit 2). Neither
//! runs the tour.

use std::process::{Command, Output};

fn run(arg: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lesson-16-performance"))
        .arg(arg)
        .output()
        .expect("the lesson's program starts")
}

#[test]
fn help_says_what_the_lesson_shows() {
    let out = run("--help");
    let help = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{help}");
    assert!(help.to_lowercase().contains("performance"), "{help}");
}

#[test]
fn an_unknown_argument_is_refused() {
    let out = run("--bogus");
    let error = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{error}");
    assert!(error.contains("unexpected argument '--bogus'"), "{error}");
    assert!(out.stdout.is_empty(), "the tour must not run");
}
