//! The binary's error handling and `list`, on the real course root. None of
//! these run cargo, so they are fast and need no lesson crate.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn course_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn course(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_course"))
        .arg("--root")
        .arg(course_root())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the course binary runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_clean_error(out: &Output, expected: &str) {
    let all = text(out);
    assert!(!out.status.success(), "should fail:\n{all}");
    assert!(all.contains(expected), "expected {expected:?} in:\n{all}");
    assert!(!all.contains("panicked"), "no panic trace:\n{all}");
}

#[test]
fn check_of_an_unknown_id_is_a_clear_usage_error() {
    let out = course(&["check", "some-bad-id"]);
    assert_clean_error(
        &out,
        "error: no exercise `some-bad-id`; `cargo run -p course -- list` shows them all",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_near_miss_gets_a_suggestion() {
    let out = course(&["check", "01-one-after-anothr"]);
    assert_clean_error(&out, "did you mean `01-one-after-another`?");
}

#[test]
fn hint_of_an_unknown_id_is_a_clear_usage_error() {
    let out = course(&["hint", "nope"]);
    assert_clean_error(&out, "error: no exercise `nope`");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn run_of_an_unknown_or_draft_lesson_fails_clearly() {
    let out = course(&["run", "99"]);
    assert_clean_error(&out, "error: no lesson `99`");
    assert_eq!(out.status.code(), Some(2));
    // The first draft lesson, whichever that is as the course grows.
    let map = course::Course::load(&course_root()).unwrap();
    if let Some(draft) = map.lessons.iter().find(|l| !l.ready) {
        let out = course(&["run", &draft.number]);
        assert_clean_error(&out, &format!("lesson {} is not written yet", draft.number));
    }
}

#[test]
fn a_root_without_course_toml_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .args(["--root", "/nonexistent", "list"])
        .output()
        .unwrap();
    assert_clean_error(&out, "error: /nonexistent is not the course folder");
}

#[test]
fn outside_the_course_it_says_where_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .arg("list")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_clean_error(&out, "run this inside the course folder");
}

#[test]
fn list_shows_lessons_and_exercises() {
    let out = course(&["list"]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("01-one-after-another"), "{all}");
    assert!(all.contains("Coroutines"), "{all}");
    assert!(all.contains("16-small-task"), "the last lesson too:\n{all}");
    assert!(all.contains("exercises done"), "{all}");
}

#[test]
fn hint_and_next_name_the_file_and_commands() {
    let out = course(&["hint", "01-timed"]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("Which clock follows the"), "the nudge:\n{all}");
    assert!(
        !all.contains("tokio::time::Instant::now()"),
        "the recipe waits for --more:\n{all}"
    );
    assert!(all.contains("hint 01-timed --more"), "{all}");
    let out = course(&["hint", "01-timed", "--more"]);
    let more = text(&out);
    assert!(more.contains("tokio::time::Instant::now()"), "{more}");
    assert!(
        all.contains("lessons/01-coroutines/src/exercises/timed.rs"),
        "{all}"
    );
    assert!(
        all.contains("cargo run -p course -- check 01-timed"),
        "{all}"
    );

    let out = course(&["next"]);
    assert!(out.status.success(), "{}", text(&out));
}
