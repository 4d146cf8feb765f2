//! The whole learner loop on a tiny self-contained course in a temporary
//! folder: check fails on the stub, passes on the solution, is recorded,
//! reset restores the stub from git, and verify passes on the pristine copy.
//! The lesson crate has no dependencies, so it builds in seconds.

mod tiny_course;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use tiny_course::{COURSE_TOML, SOLUTION, STUB, TESTS, write};

/// Runs the course binary on `root`, building into the copy's own target.
fn course(root: &Path, args: &[&str]) -> Output {
    tiny_course::course(root)
        .args(args)
        .output()
        .expect("the course binary runs")
}

fn text(out: &Output) -> String {
    format!(
        "--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_learner_loop_on_a_tiny_course() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);
    let stub_path = root.join("lessons/01-demo/src/exercises/double.rs");
    let backup_path = root.join("lessons/01-demo/src/exercises/double.rs.backup");

    // The pristine course is sound.
    let out = course(root, &["verify"]);
    let all = text(&out);
    assert!(out.status.success(), "verify should pass:\n{all}");
    assert!(all.contains("01-double") && all.contains("1/1 ✓"), "{all}");
    assert!(
        all.contains("01-double/plus_two: assertion `left == right` failed: double(21) gave 23")
            && all.contains("2/2 ✓")
            && all.contains("all 2 known-wrong answers"),
        "verify proves both wrong answers fail and shows their messages:\n{all}"
    );
    let stub_now = fs::read_to_string(&stub_path).unwrap();
    assert_eq!(stub_now, STUB, "verify puts the stub back");

    // The stub fails, showing the learner the todo!() message.
    let out = course(root, &["check", "01-double"]);
    let all = text(&out);
    assert!(
        !out.status.success(),
        "check should fail on the stub:\n{all}"
    );
    assert!(
        all.contains("✗ doubles"),
        "the failing test is named:\n{all}"
    );
    assert!(
        all.contains("✗ 01-double is not started yet"),
        "an untouched todo!() is named as such:\n{all}"
    );
    assert!(
        !all.contains("to rerun pass"),
        "cargo's rerun advice would run the solutions, not the stub:\n{all}"
    );
    assert!(
        all.contains("lessons/01-demo/src/exercises/double.rs"),
        "{all}"
    );
    assert!(
        all.contains("cargo run -p course -- hint 01-double"),
        "{all}"
    );
    assert!(
        !root.join(".course-state").exists()
            || !fs::read_to_string(root.join(".course-state"))
                .unwrap()
                .contains("01-double")
    );

    // The maintainers' check of the reference passes.
    let out = course(root, &["check", "--solution", "01-double"]);
    assert!(out.status.success(), "{}", text(&out));

    // The learner solves it: check passes and is recorded.
    fs::copy(
        root.join("lessons/01-demo/src/solutions/double.rs"),
        &stub_path,
    )
    .unwrap();
    let out = course(root, &["check", "01-double"]);
    let all = text(&out);
    assert!(
        out.status.success(),
        "check should pass on the solution:\n{all}"
    );
    assert!(all.contains("✓ 01-double passes"), "{all}");
    let state = fs::read_to_string(root.join(".course-state")).unwrap();
    assert!(state.lines().any(|l| l == "01-double"), "{state}");

    let out = course(root, &["list"]);
    let all = text(&out);
    assert!(all.contains("✓ 01-double"), "{all}");
    assert!(all.contains("1 of 1 exercises done"), "{all}");
    let out = course(root, &["next"]);
    assert!(text(&out).contains("Congratulations"), "{}", text(&out));

    // Reset brings the stub back and keeps the learner's work.
    let out = course(root, &["reset", "01-double"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        fs::read_to_string(&stub_path).unwrap(),
        STUB,
        "the original stub, byte for byte"
    );
    assert_eq!(fs::read_to_string(&backup_path).unwrap(), SOLUTION);
    let state = fs::read_to_string(root.join(".course-state")).unwrap();
    assert!(
        !state.lines().any(|l| l == "01-double"),
        "a reset exercise is not done:\n{state}"
    );

    // Resetting again changes nothing and makes no new backup.
    fs::remove_file(&backup_path).unwrap();
    let out = course(root, &["reset", "01-double"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("already the original stub"),
        "{}",
        text(&out)
    );
    assert!(!backup_path.exists());

    // verify notices a broken exercise: a stub that passes and an unlisted file.
    fs::copy(
        root.join("lessons/01-demo/src/solutions/double.rs"),
        &stub_path,
    )
    .unwrap();
    write(
        root,
        "lessons/01-demo/src/exercises/triple.rs",
        "pub fn triple() {}\n",
    );
    let out = course(root, &["verify"]);
    let all = text(&out);
    assert!(!out.status.success(), "verify should fail:\n{all}");
    assert!(
        all.contains("the stub test double::stub::doubles passes"),
        "{all}"
    );
    assert!(all.contains("has no `todo!(`"), "{all}");
    assert!(
        all.contains("src/exercises/triple.rs is not listed"),
        "{all}"
    );
}

/// A wrong answer the tests let through, one whose first failure does not
/// name the mistake, and one that is missing are each a verify problem; an
/// interrupted verify's stand-in is put back.
#[test]
fn verify_proves_wrong_answers_fail_for_the_right_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);
    let stub_path = root.join("lessons/01-demo/src/exercises/double.rs");
    write(
        root,
        "lessons/01-demo/tests/wrong/double/plus_two.rs",
        "//! Wrong answer: doubles by adding\n//! Expect: doubling means\npub fn double(x: u32) -> u32 {\n    x + x\n}\n",
    );
    write(
        root,
        "lessons/01-demo/tests/wrong/double/square.rs",
        "//! Wrong answer: squares\n//! Expect: you squared it\npub fn double(x: u32) -> u32 {\n    x * x\n}\n",
    );
    // As if an earlier verify had been killed with a wrong answer in place.
    fs::copy(&stub_path, stub_path.with_extension("rs.verify-orig")).unwrap();
    write(root, "lessons/01-demo/src/exercises/double.rs", "garbage");

    let out = course(root, &["verify", "01-double"]);
    let all = text(&out);
    assert!(!out.status.success(), "verify should fail:\n{all}");
    assert!(
        all.contains("was left replaced by an interrupted verify"),
        "{all}"
    );
    assert!(
        all.contains("01-double/plus_two: passes every test: the tests let this mistake through"),
        "{all}"
    );
    assert!(
        all.contains(
            "01-double/square: the first failure (double::stub::doubles) does not name the mistake"
        ),
        "{all}"
    );
    assert_eq!(fs::read_to_string(&stub_path).unwrap(), STUB);

    fs::remove_file(root.join("lessons/01-demo/tests/wrong/double/square.rs")).unwrap();
    let out = course(root, &["verify"]);
    let all = text(&out);
    assert!(
        all.contains("holds 1 known-wrong answer(s), fewer than 2"),
        "{all}"
    );
}

/// A learner's answer that never finishes (a busy loop) is stopped at the
/// exercise's time limit with a message that says what that means, instead
/// of hanging `check`.
#[test]
fn check_stops_code_that_never_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);
    write(
        root,
        "lessons/01-demo/src/exercises/double.rs",
        "pub fn double(_: u32) -> u32 {\n    loop {\n        std::hint::spin_loop();\n    }\n}\n",
    );
    let out = course(root, &["check", "01-double"]);
    let all = text(&out);
    assert!(!out.status.success(), "{all}");
    assert!(
        all.contains("did not finish: a busy loop, a wake-up that never comes"),
        "{all}"
    );
    assert!(all.contains("stopped after 1 s"), "{all}");
    assert!(all.contains("Still running: doubles"), "{all}");
}

#[test]
fn a_wrong_answer_shows_the_assertion_not_cargo_noise() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);
    write(
        root,
        "lessons/01-demo/src/exercises/double.rs",
        "pub fn double(x: u32) -> u32 {\n    x + 2\n}\n",
    );
    let out = course(root, &["check", "01-double"]);
    let all = text(&out);
    assert!(!out.status.success(), "{all}");
    assert!(
        all.contains("double(21) gave 23"),
        "the assertion is shown:\n{all}"
    );
    assert!(
        !all.contains("tests/exercises.rs"),
        "the test file's location is not the learner's business:\n{all}"
    );
    assert!(all.contains("1 of 1 tests fail"), "{all}");
    assert!(!all.contains("error: test failed"), "{all}");
    let out = course(root, &["check", "01-double", "--verbose"]);
    let all = text(&out);
    assert!(
        all.contains("test result: FAILED"),
        "--verbose shows it all:\n{all}"
    );
}

#[test]
fn reset_outside_git_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "course.toml", COURSE_TOML);
    // Make sure no repository above the temp dir is found either.
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .args(["--root", tmp.path().to_str().unwrap(), "reset", "01-double"])
        .env("GIT_CEILING_DIRECTORIES", tmp.path().parent().unwrap())
        .output()
        .unwrap();
    let all = text(&out);
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("is not a git checkout"), "{all}");
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn a_broken_cargo_is_reported_not_panicked() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "course.toml", COURSE_TOML);
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .args(["--root", tmp.path().to_str().unwrap(), "check", "01-double"])
        .env("CARGO", tmp.path().join("no-such-cargo"))
        .output()
        .unwrap();
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("error: could not run cargo:"), "{all}");
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn watch_without_a_watchable_folder_suggests_manual_run() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "course.toml", COURSE_TOML);
    // No `lessons/` folder: the watcher cannot be set up.
    let out = Command::new(env!("CARGO_BIN_EXE_course"))
        .args(["--root", tmp.path().to_str().unwrap(), "watch"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let all = text(&out);
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("could not watch"), "{all}");
    assert!(all.contains("watch --manual-run"), "{all}");
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn one_message_from_several_tests_is_shown_once() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    tiny_course::make(root);
    // Two stub tests that fail the same way on the same wrong answer.
    let twice = TESTS.replace(
        "        #[test]\n        #[ignore",
        "        #[test]\n        #[ignore = \"exercise\"]\n        fn doubles_again() {\n            \
         let got = subject::double(21);\n            \
         assert_eq!(got, 42, \"double(21) gave {got}: doubling means times two\");\n        }\n\n        \
         #[test]\n        #[ignore",
    );
    assert_ne!(twice, TESTS, "the second test was added");
    write(root, "lessons/01-demo/tests/exercises.rs", &twice);
    write(
        root,
        "lessons/01-demo/src/exercises/double.rs",
        "pub fn double(x: u32) -> u32 {\n    x + 2\n}\n",
    );
    let out = course(root, &["check", "01-double"]);
    let all = text(&out);
    assert!(!out.status.success(), "{all}");
    assert_eq!(
        all.matches("double(21) gave 23").count(),
        1,
        "the message is shown once:\n{all}"
    );
    assert!(all.contains("(2 tests)"), "with how many gave it:\n{all}");
    assert!(
        all.contains("✗ doubles_again (the same message as above)"),
        "the other test says so:\n{all}"
    );
    assert!(all.contains("2 of 2 tests fail"), "{all}");
    assert!(!all.contains("Known mistake"), "no false alarm:\n{all}");
}
